import type { Outcome } from '../../scenario/index.ts';
import type { CompiledScenario } from '../../engine/index.ts';
import type { ConversationResult } from '../../engine/index.ts';
import type { CriticalMistake } from '../../engine/critical.ts';
import type { DecisionDebrief } from '../../engine/debrief.ts';
import { emotionForMood } from '../../engine/emotion.ts';
import { inPackageLaunch, lastSaveDone, playHistory } from '../app.ts';
import { navigate, type FinishedPlay, type Route } from '../navigation.ts';
import { sounds } from '../audio.ts';
import { loadLibrary } from '../content/index.ts';
import { h, icon } from '../ui/dom.ts';
import { openOrShowError, type OpeningScreen } from '../ui/error-screen.ts';
import { mountScreen, muteButton, topbar } from '../ui/screen.ts';
import { offerReturnToCourse } from './return-to-course.ts';

const OUTCOME_TEXT: Record<Outcome, string> = {
  satisfied: 'Customer left satisfied',
  neutral: 'Customer did not leave satisfied: they left neutral',
  dissatisfied: 'Customer did not leave satisfied: they left dissatisfied',
  escalated: 'Customer did not leave satisfied: they escalated the complaint',
  lost: 'Customer did not leave satisfied: they took their business elsewhere',
};

/**
 * The debrief: the ending line and outcome, the engine's scores with
 * pass/fail, then each decision with the reply chosen, the best reply that
 * was offered, the techniques used and the coaching, then the path taken on
 * a small map of the scenario beside the best route. Every number shown is
 * the engine's result; nothing is recomputed here. In an LMS package
 * launch it offers "Try again", not the menu (which would leave the
 * scenario the LMS launched), and in a cmi5 launch "Return to course" when
 * the LMS gave a return address.
 */
export class DebriefScreen {
  private shown = 0;

  /** Shows the debrief of a finished play of scenario `id`. */
  show(id: string, play: FinishedPlay): void {
    const run = ++this.shown;
    const screen = { key: 'Debrief', active: () => run === this.shown, retry: () => this.show(id, play) } as const;
    openOrShowError(screen, () => this.build(id, play, screen));
  }

  /** Marks the debrief as left, so late work does nothing. */
  hide(): void {
    this.shown++;
  }

  private async build(id: string, { result, timers }: FinishedPlay, screen: OpeningScreen): Promise<void> {
    const lib = await loadLibrary();
    const compiled = lib.get(id)?.compiled;
    if (!compiled) {
      navigate({ screen: 'menu' }, { replace: true });
      return;
    }
    // The map's module comes with the face generator (the text alternative must show with the rest of the
    // debrief); ELK, far bigger, loads in its worker once the map is drawn. Without it the debrief still shows.
    const [{ faceDataUrl }, pathMap] = await Promise.all([import('../avatar.ts'), import('../debrief-map/index.ts').catch(() => undefined)]);
    if (!screen.active()) return;
    const { scenario } = compiled;
    const ending = scenario.endings[result.ending]!;
    const emotion = ending.emotion ?? emotionForMood(result.mood);
    const faceImg = h('img', { class: `ending-face ${result.satisfied ? 'good' : 'bad'}`, alt: '', src: faceDataUrl(scenario.customer.avatar, emotion) });
    const historyLine = h('p', { class: 'hint', 'data-testid': 'attempts' });
    // The same debrief the terminal prints: which reply was best, the coaching, the critical mistakes.
    const debrief = lib.engine.debriefOf(compiled, result, lib.catalogue);
    const inPackage = inPackageLaunch();

    const actions = h(
      'div',
      { class: 'actions-bar' },
      h('button', { type: 'button', class: 'btn btn-primary', onclick: () => this.go({ screen: 'conversation', id }, true) }, icon('retry'), 'Try again'),
      inPackage ? null : h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => this.go({ screen: 'menu' }) }, 'Back to scenarios'),
    );
    const main = h(
      'main',
      { class: 'screen', id: 'main' },
      h(
        'div',
        { class: 'wrap debrief' },
        h('div', {}, h('p', { class: 'eyebrow' }, 'Debrief'), h('h1', {}, scenario.title)),
        criticalPanel(debrief.critical),
        h(
          'div',
          { class: 'debrief-top' },
          h(
            'section',
            { class: 'panel', 'aria-labelledby': 'ending-title' },
            h('h2', { id: 'ending-title', class: 'sr-only' }, 'How it ended'),
            h(
              'div',
              { class: 'ending-card' },
              faceImg,
              h(
                'div',
                {},
                h('p', { class: 'said-who' }, `${scenario.customer.name} said`),
                h('blockquote', { class: 'ending-quote', 'data-testid': 'ending-line' }, ending.customer),
                h('p', { class: `outcome ${result.satisfied ? 'good' : 'bad'}`, 'data-testid': 'outcome' }, icon(result.satisfied ? 'check' : 'cross'), OUTCOME_TEXT[result.outcome]),
                ending.feedback ? h('p', { class: 'ending-feedback' }, ending.feedback) : null,
              ),
            ),
          ),
          scoresPanel(compiled, result, timers, historyLine),
        ),
        h(
          'section',
          { 'aria-labelledby': 'choices-title', class: 'debrief' },
          h('h2', { id: 'choices-title' }, 'Your choices'),
          result.decisions.length
            ? h('ol', { class: 'decisions' }, ...debrief.decisions.map((d, i) => decisionItem(scenario.customer.name, d, i)))
            : h('p', {}, 'This conversation ended before you had to choose a reply.'),
        ),
        pathMap ? pathMap.debriefMapSection(compiled, result, () => screen.active()) : null,
        actions,
      ),
    );
    const back = inPackage ? null : h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => this.go({ screen: 'menu' }) }, icon('back'), 'All scenarios');
    mountScreen('debrief', [topbar(back, h('div', { class: 'spacer' }), muteButton()), main]);
    // cmi5: the way back to the LMS, once it says where that is.
    if (inPackage) void offerReturnToCourse(actions, () => screen.active());

    await lastSaveDone();
    const { history } = await playHistory();
    const plays = await history.forScenario(id);
    if (!screen.active() || !historyLine.isConnected) return;
    const best = Math.max(...plays.map((p) => p.scores.overall), result.scores.overall);
    historyLine.textContent = `Attempt ${Math.max(1, plays.length)} · your best so far ${best}`;
    document.body.dataset.saved = 'yes';
  }

  /** "Try again" takes the debrief's place in the history (Back still goes to the briefing). */
  private go(route: Route, replace = false): void {
    sounds().play('click');
    navigate(route, { replace });
  }
}

function scoresPanel(compiled: CompiledScenario, result: ConversationResult, timers: string, historyLine: HTMLElement): HTMLElement {
  const { scores } = result;
  const rows: HTMLElement[] = [];
  const row = (id: string, label: string, value: number | null, why?: string): void => {
    rows.push(
      h(
        'div',
        { class: 'score-row' },
        h('dt', {}, label),
        value === null
          ? h('dd', { class: 'muted', 'data-testid': `score-${id}` }, why ?? 'Not scored')
          : h('dd', { 'data-testid': `score-${id}` }, String(value)),
        value === null ? null : h('div', { class: 'bar', 'aria-hidden': 'true' }, scoreFill(value)),
      ),
    );
  };
  row('tact', 'Tact', scores.tact, 'No replies to score');
  const speedWhy = !result.timersOn || timers === 'off' ? 'Speed not scored (timers were off)' : 'Speed not scored (no timed replies)';
  row('speed', 'Speed', scores.speed, speedWhy);
  row('satisfaction', 'Satisfaction', scores.satisfaction);
  for (const [dim, { label }] of Object.entries(compiled.scenario.scoring.dimensions)) row(dim, label, scores[dim] ?? null);

  return h(
    'section',
    { class: 'panel scores', 'aria-labelledby': 'scores-title' },
    h('h2', { id: 'scores-title' }, 'Scores'),
    h(
      'div',
      { class: 'overall' },
      h('p', { class: 'overall-number' }, h('span', { class: 'sr-only' }, 'Overall '), h('span', { 'data-testid': 'score-overall' }, String(scores.overall)), h('small', {}, ' / 100')),
      h(
        'div',
        {},
        h('p', { class: `verdict ${result.passed ? 'pass' : 'fail'}`, 'data-testid': 'verdict' }, icon(result.passed ? 'check' : 'cross'), result.passed ? 'Passed' : 'Not passed'),
        h('p', { class: 'hint' }, result.criticalMistakes.length > 0 ? `A critical mistake fails the play · pass mark ${result.passMark}` : `Overall score · pass mark ${result.passMark}`),
      ),
    ),
    h('dl', { class: 'score-list' }, ...rows),
    historyLine,
  );
}

/**
 * The filled part of a score bar. Its width is the one truly dynamic value
 * on the page, so it goes in as a CSS custom property through the CSSOM
 * (`style.setProperty`), never as a style attribute in markup: a
 * strict Content-Security-Policy (no 'unsafe-inline' for styles) blocks
 * inline style attributes but allows CSSOM property setting. The stylesheet
 * reads it (`width: var(--score)`).
 */
function scoreFill(value: number): HTMLElement {
  const fill = h('i', {});
  fill.style.setProperty('--score', `${value}%`);
  return fill;
}

/**
 * Critical mistakes come first on the debrief: they decide the verdict
 * whatever the scores say, so the trainee reads why before anything else.
 */
function criticalPanel(mistakes: readonly CriticalMistake[]): HTMLElement | null {
  if (mistakes.length === 0) return null;
  return h(
    'section',
    { class: 'panel critical', 'aria-labelledby': 'critical-title', 'data-testid': 'critical' },
    h('h2', { id: 'critical-title' }, icon('cross'), mistakes.length === 1 ? 'A critical mistake: this play cannot pass' : `${mistakes.length} critical mistakes: this play cannot pass`),
    h(
      'ul',
      { class: 'critical-list' },
      ...mistakes.map((m) =>
        h(
          'li',
          {},
          h('p', {}, h('span', { class: 'said-who' }, 'You said '), h('q', { 'data-testid': 'critical-said' }, m.say), m.techniques.length > 0 ? ` (${m.techniques.join(', ')})` : ''),
          h('p', { 'data-testid': 'critical-why' }, h('strong', {}, 'Why it is disqualifying: '), m.why),
        ),
      ),
    ),
  );
}

function decisionItem(name: string, d: DecisionDebrief, i: number): HTMLElement {
  const timing = d.limitMs !== null && !d.timedOut ? ` · answered in ${(d.ms / 1000).toFixed(1)} s of ${(d.limitMs / 1000).toFixed(0)} s` : '';
  const techniques = d.techniques;
  return h(
    'li',
    { class: 'panel decision', 'data-testid': 'decision' },
    h(
      'div',
      { class: 'decision-head' },
      h('p', { class: 'step' }, `Choice ${i + 1}${timing}`),
      d.timedOut
        ? h('span', { class: 'badge badge-failed' }, 'Timed out')
        : d.critical
          ? h('span', { class: 'badge badge-failed' }, 'Critical mistake')
          : d.wasBest
            ? h('span', { class: 'badge badge-passed' }, icon('star'), 'Best reply')
            : h('span', { class: 'badge badge-new' }, 'A better reply was offered'),
    ),
    h('div', { class: 'said customer' }, h('span', { class: 'said-who' }, `${name} said`), h('span', {}, d.customer)),
    h(
      'div',
      { class: `said you${d.timedOut ? ' timeout' : ''}` },
      h('span', { class: 'said-who' }, d.timedOut ? 'You did not reply in time' : 'You replied'),
      h('span', { 'data-testid': 'chosen' }, d.said ?? 'No reply: the timer ran out.'),
    ),
    d.feedback ? h('p', { class: 'coach' }, h('strong', {}, 'Coaching: '), d.feedback) : null,
    d.best
      ? h(
          'div',
          { class: 'said best' },
          h('span', { class: 'said-who' }, 'Best reply offered'),
          h('span', { 'data-testid': 'best' }, d.best.say),
          d.best.feedback ? h('span', { class: 'hint' }, d.best.feedback) : null,
        )
      : null,
    techniques.length
      ? h(
          'ul',
          { class: 'technique-list', 'aria-label': 'Techniques you used' },
          ...techniques.map((t) =>
            h(
              'li',
              { class: 'technique' },
              h('span', { class: `badge ${t.kind === 'good' ? 'badge-passed' : 'badge-failed'}` }, t.kind === 'good' ? 'Good practice' : 'Poor habit'),
              h('span', {}, h('b', {}, t.label), t.tip ? ` · ${t.tip}` : ''),
            ),
          ),
        )
      : null,
  );
}
