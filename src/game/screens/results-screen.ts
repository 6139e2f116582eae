import '../ui/styles/results.css';
import type { Outcome } from '../../scenario/index.ts';
import { summarise, type PlayHistory, type PlayRecord } from '../../report/history.ts';
import { criticalMistakes, newestFirst, replyTimeMs, timeTakenMs, resultsCsv, resultsFileName, resultsJson, speedOf, dimensionHeader } from '../../report/results-export.ts';
import { playHistory } from '../app.ts';
import { sounds } from '../audio.ts';
import { currentRoute, navigate } from '../navigation.ts';
import { h, icon } from '../ui/dom.ts';
import type { OpeningScreen } from '../ui/error-screen.ts';
import { focusElement, mountScreen, muteButton, topbar } from '../ui/screen.ts';

/**
 * "Your results": every play finished in this browser, newest first (each
 * score, pass or not, the reply time), then the best overall and attempts
 * per scenario; the CSV and JSON downloads; and "Clear my history". Loaded
 * on demand (main.ts imports it when the screen opens), so the menu's first
 * download carries neither this screen, its styles, nor the CSV writer.
 */

/** How each ending's outcome reads in the table: short, the debrief says it at length. */
const OUTCOME_LABELS: Record<Outcome, string> = {
  satisfied: 'Satisfied',
  neutral: 'Left neutral',
  dissatisfied: 'Left dissatisfied',
  escalated: 'Escalated',
  lost: 'Took their business elsewhere',
};

/** The table's columns, in order; on a phone each cell shows its column's name beside it. */
const COLUMNS = ['Date', 'Scenario', 'Outcome', 'Overall', 'Result', 'Tact', 'Speed', 'Satisfaction', 'Other scores', 'Time taken', 'Reply time'] as const;

/** Counts the screens shown, so one left while its history loads does nothing when it arrives. */
let shown = 0;

/**
 * Shows "Your results" for `screen` (the route being rendered): reads the
 * history and builds the screen, unless the trainee has moved on meanwhile.
 */
export async function showResults(screen: OpeningScreen): Promise<void> {
  const run = ++shown;
  const stillHere = (): boolean => run === shown && screen.active() && currentRoute().screen === 'results';
  const { history } = await playHistory();
  const records = await history.all();
  if (!stillHere()) return;
  build(history, records, stillHere);
}

function build(history: PlayHistory, records: readonly PlayRecord[], stillHere: () => boolean): void {
  const plays = newestFirst(records);
  const status = h('p', { class: 'sr-only', role: 'status', 'data-testid': 'results-status' });
  const heading = h('h1', {}, 'Your results');
  const back = (): void => {
    sounds().play('click');
    navigate({ screen: 'menu' });
  };

  const content = h('div', { class: 'results-content' });
  const problem = h('div', { role: 'alert' });
  const dialog = new ClearDialog(async () => {
    try {
      await history.clear();
    } catch (error) {
      console.error('Tactful: the history could not be cleared.', error);
      if (stillHere()) problem.replaceChildren(h('p', { class: 'notice' }, icon('warning'), h('span', {}, 'Your history could not be cleared (the browser refused). Nothing was deleted; try again, or reload the page.')));
      return;
    }
    if (!stillHere()) return;
    problem.replaceChildren();
    showEmpty(content, back);
    status.textContent = 'Your history is cleared.';
    focusElement(heading);
  });
  if (plays.length === 0) showEmpty(content, back);
  else content.append(downloads(records, dialog), playsTable(plays), scenarioTable(plays));

  const main = h(
    'main',
    { class: 'screen', id: 'main' },
    h(
      'div',
      { class: 'wrap results' },
      h('div', {}, heading, h('p', { class: 'lede' }, 'Every play you finished in this browser, newest first. Your results stay on this device until you clear them.')),
      status,
      problem,
      content,
    ),
  );
  const bar = topbar(h('button', { type: 'button', class: 'btn btn-quiet', onclick: back }, icon('back'), 'All scenarios'), h('div', { class: 'spacer' }), muteButton());
  mountScreen('results', [bar, main], heading, [dialog.element]);
}

/** The empty state: there is nothing to list, download or clear, so it points back to the scenarios. */
function showEmpty(content: HTMLElement, back: () => void): void {
  content.replaceChildren(
    h(
      'section',
      { class: 'panel results-empty', 'data-testid': 'results-empty', 'aria-label': 'No plays yet' },
      h('p', {}, 'No plays yet — pick a scenario on the menu. Each play you finish is listed here with its scores.'),
      h('button', { type: 'button', class: 'btn btn-primary', onclick: back }, 'Choose a scenario'),
    ),
  );
}

/** The downloads and "Clear my history". `records` in the store's order: the builders put them newest first, as the table does. */
function downloads(records: readonly PlayRecord[], dialog: ClearDialog): HTMLElement {
  const clear = h('button', { type: 'button', class: 'btn btn-secondary btn-danger-quiet', onclick: () => dialog.open(clear, records.length) }, 'Clear my history');
  return h(
    'div',
    { class: 'results-actions' },
    h(
      'div',
      { class: 'actions-bar' },
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => download(resultsCsv(records), 'text/csv;charset=utf-8', resultsFileName('csv', new Date())) }, icon('down'), 'Download CSV'),
      h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => download(resultsJson(records, new Date()), 'application/json', resultsFileName('json', new Date())) }, icon('down'), 'Download JSON'),
      clear,
    ),
    h('p', { class: 'hint' }, 'CSV opens in a spreadsheet; JSON keeps every choice. In the CSV, text that starts with =, +, - or @ gets a leading apostrophe, so a spreadsheet never runs it as a formula.'),
  );
}

/**
 * Saves `text` as a file: a Blob behind an object URL, clicked through a
 * temporary `<a download>`. No data: URL and no inline script, so the
 * game's Content-Security-Policy needs nothing more. The URL is revoked a
 * moment later: revoking it in the same task can cancel the download in
 * some browsers.
 */
function download(text: string, type: string, name: string): void {
  sounds().play('click');
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function playsTable(plays: readonly PlayRecord[]): HTMLElement {
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  // Explicit roles: the phone layout restyles the table as cards, and some browsers drop a table's semantics when its display changes.
  const table = h(
    'table',
    { class: 'results-table plays-table', role: 'table', 'aria-labelledby': 'plays-title', 'data-testid': 'plays' },
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' }, ...COLUMNS.map((name) => h('th', { scope: 'col', role: 'columnheader' }, name)))),
    h('tbody', { role: 'rowgroup' }, ...plays.map((play) => playRow(play, when))),
  );
  return h(
    'section',
    { class: 'results-section', 'aria-labelledby': 'plays-title' },
    h('h2', { id: 'plays-title' }, `Every play (${plays.length})`),
    table,
    h('p', { class: 'hint' }, 'Scores are out of 100. Time taken runs from the start of a play to its ending; reply time is how long you took to choose your replies, added up. Speed is "Off" when the reply timer was off.'),
  );
}

function playRow(play: PlayRecord, when: Intl.DateTimeFormat): HTMLElement {
  const speed = speedOf(play);
  const extras = Object.entries(play.scores).filter(([id]) => !['tact', 'speed', 'satisfaction', 'overall'].includes(id));
  const cells: [(typeof COLUMNS)[number], Node | string][] = [
    ['Date', h('time', { datetime: play.date }, when.format(new Date(play.date)))],
    ['Scenario', play.title],
    ['Outcome', OUTCOME_LABELS[play.outcome]],
    ['Overall', h('strong', {}, String(play.scores.overall))],
    ['Result', play.passed ? h('span', { class: 'badge badge-passed' }, icon('check'), 'Passed') : criticalMistakes(play) > 0 ? h('span', {}, h('span', { class: 'badge badge-failed' }, 'Not passed'), h('span', { class: 'result-reason' }, 'Critical mistake')) : h('span', { class: 'badge badge-failed' }, 'Not passed')],
    ['Tact', scoreText(play.scores.tact)],
    ['Speed', speed === 'off' ? 'Off' : scoreText(speed)],
    ['Satisfaction', String(play.scores.satisfaction)],
    ['Other scores', extras.length ? extras.map(([id, value]) => `${dimensionHeader(id)} ${scoreText(value)}`).join(', ') : '—'],
    ['Time taken', ((ms) => (ms === null ? '—' : duration(ms)))(timeTakenMs(play))],
    ['Reply time', duration(replyTimeMs(play))],
  ];
  return h(
    'tr',
    { role: 'row', 'data-testid': 'play' },
    ...cells.map(([column, value], i) =>
      i === 0
        ? h('th', { scope: 'row', role: 'rowheader', 'data-label': column, 'data-column': column.toLowerCase() }, value)
        : h('td', { role: 'cell', 'data-label': column, 'data-column': column.toLowerCase().replace(' ', '-') }, value),
    ),
  );
}

function scenarioTable(plays: readonly PlayRecord[]): HTMLElement {
  const titles = new Map<string, string>();
  // Newest first, so each scenario is named by its latest title.
  for (const play of plays) if (!titles.has(play.scenario)) titles.set(play.scenario, play.title);
  const summaries = [...summarise(plays).values()].sort((a, b) => titles.get(a.scenario)!.localeCompare(titles.get(b.scenario)!));
  return h(
    'section',
    { class: 'results-section', 'aria-labelledby': 'scenarios-title' },
    h('h2', { id: 'scenarios-title' }, 'By scenario'),
    h(
      'table',
      { class: 'results-table scenarios-table', 'aria-labelledby': 'scenarios-title', 'data-testid': 'by-scenario' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Scenario'), h('th', { scope: 'col' }, 'Attempts'), h('th', { scope: 'col' }, 'Best overall'), h('th', { scope: 'col' }, 'Passed'))),
      h(
        'tbody',
        {},
        ...summaries.map((s) =>
          h(
            'tr',
            { 'data-testid': `scenario-${s.scenario}` },
            h('th', { scope: 'row' }, titles.get(s.scenario) ?? s.scenario),
            h('td', { 'data-column': 'attempts' }, String(s.attempts)),
            h('td', { 'data-column': 'best' }, String(s.best)),
            h('td', {}, s.passed ? h('span', { class: 'badge badge-passed' }, icon('check'), 'Yes') : h('span', { class: 'badge badge-failed' }, 'Not yet')),
          ),
        ),
      ),
    ),
  );
}

function scoreText(value: number | null | undefined): string {
  return value === null || value === undefined ? 'Not scored' : String(value);
}

/**
 * A reply time for reading: "8 s", "2 min 05 s".
 *
 * @example
 * duration(125_400); // '2 min 05 s'
 */
function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * "Clear my history?": a native `<dialog>` opened with `showModal()` (the
 * page behind is inert), as the pause dialog is. Cancel has focus first,
 * so Enter never deletes by accident; Escape cancels; Tab cycles between
 * the two buttons; and when it closes without clearing, focus goes back to
 * the button that opened it.
 */
class ClearDialog {
  readonly element: HTMLDialogElement;
  private readonly text: HTMLParagraphElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly confirmButton: HTMLButtonElement;
  private opener: HTMLElement | null = null;

  constructor(clear: () => Promise<void>) {
    this.text = h('p', { id: 'clear-text' });
    this.cancelButton = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => this.close() }, 'Cancel');
    this.confirmButton = h(
      'button',
      {
        type: 'button',
        class: 'btn btn-danger',
        onclick: () => {
          this.confirmButton.disabled = true;
          // Focus is moved by `clear` (the trainee's button is gone by then), not back to the opener.
          this.opener = null;
          this.element.close();
          void clear().finally(() => {
            this.confirmButton.disabled = false;
          });
        },
      },
      'Clear history',
    );
    this.element = h(
      'dialog',
      { class: 'dialog clear-dialog', 'aria-labelledby': 'clear-title', 'aria-describedby': 'clear-text' },
      h('h2', { id: 'clear-title' }, 'Clear your history?'),
      this.text,
      h('div', { class: 'dialog-actions' }, this.cancelButton, this.confirmButton),
    );
    this.element.addEventListener('keydown', (e) => {
      if (e.key !== 'Tab' || e.ctrlKey || e.metaKey || e.altKey) return;
      const items = [this.cancelButton, this.confirmButton];
      const i = items.indexOf(document.activeElement as HTMLButtonElement);
      e.preventDefault();
      items[(i + (e.shiftKey ? items.length - 1 : 1)) % items.length]?.focus();
    });
    // Escape fires `cancel` and the browser closes the dialog; `close` then returns focus.
    this.element.addEventListener('close', () => {
      focusElement(this.opener);
      this.opener = null;
    });
  }

  /** Asks, modal, with focus on Cancel; `opener` gets focus back if the trainee cancels. */
  open(opener: HTMLElement, plays: number): void {
    this.opener = opener;
    this.text.textContent = `This deletes the ${plays === 1 ? 'play' : `${plays} plays`} saved in this browser, and the best scores on the menu. It cannot be undone: download your results first to keep a copy.`;
    if (!this.element.open) this.element.showModal();
    focusElement(this.cancelButton);
  }

  private close(): void {
    if (this.element.open) this.element.close();
  }
}
