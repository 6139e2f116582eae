import { TIMER_SETTINGS } from '../../engine/timer-setting.ts';
import type { ScenarioHistory } from '../../report/history.ts';
import { playHistory, takeNotices } from '../app.ts';
import { navigate } from '../navigation.ts';
import { sessionAllows, sessionLaunch } from '../session/session-launch.ts';
import { prefetchWhenIdle } from '../prefetch.ts';
import { sounds } from '../audio.ts';
import { hasTestScenarios, loadLibrary, menuEntries, type MenuEntry } from '../content/index.ts';
import { onSettingsChange, settings, TIMER_LABELS, timersLocked, updateSettings } from '../settings.ts';
import { h, icon } from '../ui/dom.ts';
import { openOrShowError, type OpeningScreen } from '../ui/error-screen.ts';
import { brand, mountScreen, muteButton, onUnmount, topbar } from '../ui/screen.ts';

/**
 * The menu: a card per scenario (title, summary, difficulty, length, tags,
 * best result), a tag filter and the settings. Scenarios with errors show
 * their errors on the card instead of a play button.
 */
export class MenuScreen {
  /** The tag filter, kept while the game runs so coming back to the menu keeps it. */
  private filter: string | null = null;
  private shown = 0;

  /** Shows the menu. */
  show(): void {
    const run = ++this.shown;
    const screen = { key: 'Menu', active: () => run === this.shown, retry: () => this.show() } as const;
    // A live session offers only the scenarios its trainer chose.
    const offered = (entries: readonly MenuEntry[]): MenuEntry[] => entries.filter((entry) => sessionAllows(entry.id));
    if (hasTestScenarios()) {
      openOrShowError(screen, async () => {
        const lib = await loadLibrary();
        if (screen.active()) this.build(offered([...menuEntries, ...lib.extraEntries]), screen);
      });
    } else {
      this.build(offered(menuEntries), screen);
    }
  }

  /** Marks the menu as left, so late work (the history) does nothing. */
  hide(): void {
    this.shown++;
  }

  private build(entries: readonly MenuEntry[], screen: OpeningScreen): void {
    const notices = h('div', { class: 'notices', role: 'status' });
    for (const message of takeNotices()) notices.appendChild(notice(message));

    const status = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
    const cards = h('ul', { class: 'cards', 'aria-label': 'Scenarios' });
    const items = entries.map((entry) => {
      const li = h('li', { 'data-tags': entry.tags.join(' ') }, entry.errors.length ? brokenCard(entry) : card(entry, () => this.open(entry.id)));
      cards.appendChild(li);
      return { entry, li };
    });
    if (entries.length === 0) cards.appendChild(h('li', { class: 'empty' }, 'No scenarios found in scenarios/.'));

    const counts = new Map<string, number>();
    for (const tag of entries.flatMap((e) => e.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    const tags = [...counts.keys()].sort();
    const select = h('select', { class: 'select', id: 'tag-filter' }, h('option', { value: '' }, `All tags (${entries.length} scenarios)`));
    for (const tag of tags) select.appendChild(h('option', { value: tag }, `${tag} (${counts.get(tag)})`));
    const applyFilter = (tag: string | null): void => {
      this.filter = tag;
      select.value = tag ?? '';
      let shown = 0;
      for (const { entry, li } of items) {
        const visible = tag === null || entry.tags.includes(tag);
        li.hidden = !visible;
        if (visible) shown++;
      }
      status.textContent = tag === null ? `Showing all ${items.length} scenarios` : `Showing ${shown} of ${items.length} scenarios tagged ${tag}`;
    };
    select.addEventListener('change', () => applyFilter(select.value || null));
    const filters = h('div', { class: 'filter' }, h('label', { class: 'field-label', for: 'tag-filter' }, 'Filter by tag'), select);

    const main = h(
      'main',
      { class: 'screen', id: 'main' },
      h(
        'div',
        { class: 'wrap' },
        notices,
        h('div', { class: 'menu-head' }, h('div', {}, sessionEyebrow(), h('h1', {}, 'Choose a scenario'), h('p', { class: 'lede' }, 'Practise a conversation with an upset, mistaken or unreasonable customer. Pick your replies before the clock runs out, then read your debrief.')), tags.length ? filters : null),
        h('div', { class: 'menu-layout' }, h('section', { 'aria-label': 'Scenarios' }, status, cards), settingsPanel()),
      ),
    );
    mountScreen('menu', [topbar(brand(), h('div', { class: 'spacer' }), resultsButton(), muteButton()), main]);
    applyFilter(this.filter && tags.includes(this.filter) ? this.filter : null);
    status.textContent = '';
    performance.mark('tactful:menu-interactive');
    // Fetch the engine and the stage while the player reads the menu, so a briefing opens at once.
    prefetchWhenIdle();

    openOrShowError(screen, () => this.showHistory(items, notices, screen));
  }

  /** Fills each card's foot with the best score and attempts from the history store. */
  private async showHistory(items: { entry: MenuEntry; li: HTMLElement }[], notices: HTMLElement, screen: OpeningScreen): Promise<void> {
    const { history, notice: message } = await playHistory();
    if (!screen.active()) return;
    if (message && !notices.textContent?.includes(message)) notices.appendChild(notice(message));
    takeNotices();
    const summaries = await history.summaries();
    if (!screen.active()) return;
    for (const { entry, li } of items) {
      const foot = li.querySelector<HTMLElement>('.card-foot');
      if (foot && !entry.errors.length) fillFoot(foot, summaries.get(entry.id));
    }
    document.body.dataset.history = 'ready';
  }

  private open(id: string): void {
    sounds().play('click');
    navigate({ screen: 'briefing', id });
  }
}

/** "Your results" in the top bar: its own screen (`./?screen=results`), loaded when opened. */
function resultsButton(): HTMLButtonElement {
  const open = (): void => {
    sounds().play('click');
    navigate({ screen: 'results' });
  };
  return h('button', { type: 'button', class: 'btn btn-secondary', 'data-testid': 'your-results', onclick: open }, 'Your results');
}

/** In a live session, its name above the heading: the trainee sees which session they are playing in. */
function sessionEyebrow(): HTMLElement | null {
  const session = sessionLaunch();
  return session ? h('p', { class: 'eyebrow', 'data-testid': 'session-name' }, `Session: ${session.session.name}`) : null;
}

function notice(message: string): HTMLElement {
  return h('p', { class: 'notice' }, icon('warning'), h('span', {}, message));
}

function difficulty(level: number): HTMLElement {
  const dots = h('span', { class: 'difficulty', 'aria-hidden': 'true' });
  for (let i = 1; i <= 5; i++) dots.appendChild(h('i', { class: i <= level ? 'on' : '' }));
  return h('span', { class: 'meta-item' }, dots, h('span', {}, `Difficulty ${level} of 5`));
}

function minutesText(entry: MenuEntry): string | null {
  if (!entry.minutes) return null;
  const { min, max } = entry.minutes;
  return min === max ? `About ${min} min` : `About ${min}–${max} min`;
}

function card(entry: MenuEntry, open: () => void): HTMLElement {
  const minutes = minutesText(entry);
  return h(
    'article',
    { class: 'card', 'data-testid': `card-${entry.id}` },
    h('h2', {}, h('button', { type: 'button', class: 'card-open', onclick: open }, entry.title)),
    h('p', { class: 'card-summary' }, entry.summary),
    h('div', { class: 'card-meta' }, difficulty(entry.difficulty), minutes ? h('span', { class: 'meta-item' }, icon('clock'), minutes) : null),
    entry.tags.length ? h('ul', { class: 'tags', 'aria-label': 'Tags' }, ...entry.tags.map((t) => h('li', { class: 'tag' }, t))) : null,
    h('div', { class: 'card-foot', 'data-testid': 'history' }, h('span', {}, 'Loading your results…')),
  );
}

function brokenCard(entry: MenuEntry): HTMLElement {
  return h(
    'article',
    { class: 'card card-broken', 'data-testid': `card-${entry.id}` },
    h('h2', {}, entry.title),
    h('p', { class: 'card-summary' }, `${entry.file} has errors, so it can't be played yet:`),
    h('pre', { class: 'errors' }, entry.errors.join('\n')),
  );
}

function fillFoot(foot: HTMLElement, history: ScenarioHistory | undefined): void {
  if (!history) {
    foot.replaceChildren(h('span', {}, 'Not played yet'), h('span', { class: 'badge badge-new' }, 'New'));
    return;
  }
  const attempts = `${history.attempts} attempt${history.attempts === 1 ? '' : 's'}`;
  foot.replaceChildren(
    h('span', {}, h('strong', {}, `Best ${history.best}`), ` · ${attempts}`),
    history.passed
      ? h('span', { class: 'badge badge-passed' }, icon('check'), 'Passed')
      : h('span', { class: 'badge badge-failed' }, 'Not passed yet'),
  );
}

function settingsPanel(): HTMLElement {
  const current = settings();
  const timers = h('fieldset', {}, h('legend', {}, 'Reply timer'));
  const segmented = h('div', { class: 'segmented' });
  for (const value of TIMER_SETTINGS) {
    const label = value === 'off' ? 'Off' : TIMER_LABELS[value];
    const input = h('input', { type: 'radio', name: 'timers', value, checked: current.timers === value, disabled: timersLocked(), onchange: () => { updateSettings({ timers: value }); sounds().play('click'); } });
    segmented.appendChild(h('label', {}, input, label));
  }
  timers.append(segmented, h('p', { class: 'hint' }, timersLocked() ? 'Set by your trainer for this session.' : 'More time helps if you read slowly or use a screen reader. With the timer off, speed is not scored.'));

  const volume = h('input', { type: 'range', id: 'volume', min: 0, max: 100, step: 5, value: Math.round(current.volume * 100) });
  volume.addEventListener('input', () => updateSettings({ volume: Number(volume.value) / 100 }));
  volume.addEventListener('change', () => sounds().play('click'));
  const mute = h('input', { type: 'checkbox', checked: current.muted });
  mute.addEventListener('change', () => updateSettings({ muted: mute.checked }));
  const motion = h('input', { type: 'checkbox', checked: current.reducedMotion });
  motion.addEventListener('change', () => updateSettings({ reducedMotion: motion.checked }));
  onUnmount(onSettingsChange((now) => {
    mute.checked = now.muted;
  }));

  return h(
    'aside',
    { class: 'panel settings', 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title' }, 'Settings'),
    timers,
    h('div', {}, h('label', { class: 'field-label', for: 'volume' }, 'Sound volume'), volume, h('label', { class: 'check' }, mute, 'Mute all sound')),
    h('div', {}, h('p', { class: 'field-label' }, 'Motion'), h('label', { class: 'check' }, motion, 'Reduce motion (text appears at once, no animation)')),
  );
}
