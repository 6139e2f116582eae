import { TIMER_SETTINGS, type TimerSetting } from '../../engine/timer-setting.ts';
import { addNotice, forgetSavedPlay, gameResults, inPackageLaunch, playHistory, resumeNext } from '../app.ts';
import { loadStage } from '../conversation-stage.ts';
import { navigate } from '../navigation.ts';
import { sounds } from '../audio.ts';
import { loadLibrary } from '../content/index.ts';
import { emotionForMood } from '../../engine/emotion.ts';
import { settings, TIMER_LABELS, updateSettings, timersLocked } from '../settings.ts';
import { EMOTION_LABELS } from '../stage/palette.ts';
import { h, icon } from '../ui/dom.ts';
import { openOrShowError, type OpeningScreen } from '../ui/error-screen.ts';
import { mountScreen, muteButton, topbar } from '../ui/screen.ts';

/**
 * The briefing: the setting, who the customer is, the objectives and the
 * timer setting, then Start. Plain DOM (the customer's face is an image),
 * so it never waits for Phaser; while the player reads, it loads the
 * Phaser stage, so the conversation opens at once.
 *
 * When the trainee left a conversation of this scenario unfinished (a
 * reload, a closed tab or LMS window), Start becomes "Resume where you left
 * off" and "Start again"; a saved conversation that cannot be resumed is
 * discarded with a notice. In an LMS package launch there is no way to the
 * menu: the LMS launched this one scenario.
 */
export class BriefingScreen {
  private shown = 0;

  /** Shows the briefing for scenario `id`. */
  show(id: string): void {
    const run = ++this.shown;
    const screen = { key: 'Briefing', active: () => run === this.shown, retry: () => this.show(id) } as const;
    mountScreen('loading', [h('main', { class: 'loading', id: 'main' }, h('p', { role: 'status' }, 'Opening the scenario…'))], null);
    openOrShowError(screen, () => this.open(id, screen));
  }

  /** Marks the briefing as left, so late work does nothing. */
  hide(): void {
    this.shown++;
  }

  private async open(id: string, screen: OpeningScreen): Promise<void> {
    const lib = await loadLibrary();
    if (!screen.active()) return;
    const entry = lib.get(id);
    const compiled = entry?.compiled;
    if (!compiled) {
      addNotice(entry ? `This scenario has errors and can't be played yet; its card below lists them.` : `There is no scenario called “${id}”. Pick one of the scenarios below.`);
      navigate({ screen: 'menu' }, { replace: true });
      return;
    }
    // A head start for the conversation: Phaser loads while the player reads (a failure shows when they press Start).
    loadStage().catch(() => undefined);
    const scenario = compiled.scenario;
    const startMood = scenario.customer.mood;
    const [{ faceDataUrl }, { history }, { findSavedPlay }, results] = await Promise.all([
      import('../avatar.ts'),
      playHistory(),
      import('../../report/resume/saved-play.ts'),
      gameResults(),
    ]);
    const plays = await history.forScenario(scenario.id);
    if (!screen.active()) return;
    const saved = findSavedPlay(compiled, results.resumeSources);

    const startEmotion = emotionForMood(startMood);
    const faceImg = h('img', { class: `briefing-face-img emotion-${startEmotion}`, alt: '', src: faceDataUrl(scenario.customer.avatar, startEmotion) });
    const faceSlot = h('div', { class: 'slot briefing-face', 'aria-hidden': 'true' }, faceImg);
    // In a live session the trainer set the timer: shown, not chosen.
    const timerSelect = h('select', { class: 'select', id: 'timer-setting', disabled: timersLocked(), title: timersLocked() ? 'Set by your trainer for this session' : undefined });
    for (const value of TIMER_SETTINGS) {
      timerSelect.appendChild(h('option', { value, selected: settings().timers === value }, TIMER_LABELS[value]));
    }
    timerSelect.addEventListener('change', () => updateSettings({ timers: timerSelect.value as TimerSetting }));

    const best = plays.length ? Math.max(...plays.map((p) => p.scores.overall)) : null;
    const begin = (): void => {
      sounds().play('click');
      navigate({ screen: 'conversation', id: scenario.id });
    };
    const startButtons =
      saved.kind === 'saved'
        ? [
            h('button', { type: 'button', class: 'btn btn-primary', onclick: () => { resumeNext(saved.state); begin(); } }, 'Resume where you left off', icon('play')),
            h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => void forgetSavedPlay(scenario.id).then(begin) }, 'Start again'),
          ]
        : [h('button', { type: 'button', class: 'btn btn-primary', onclick: begin }, 'Start conversation', icon('play'))];
    const resumeNote =
      saved.kind === 'saved'
        ? h('p', { class: 'notice', role: 'status', 'data-testid': 'resume-offer' }, `You left this conversation unfinished after ${saved.state.decisions.length} repl${saved.state.decisions.length === 1 ? 'y' : 'ies'}. Resume where you left off, with the same mood and scores so far, or start again.`)
        : saved.kind === 'discarded'
          ? h('p', { class: 'notice', role: 'status', 'data-testid': 'resume-discarded' }, saved.notice)
          : null;
    const main = h(
      'main',
      { class: 'screen', id: 'main' },
      h(
        'div',
        { class: 'wrap briefing' },
        h(
          'div',
          { class: 'briefing-side' },
          faceSlot,
          h('div', {}, h('p', { class: 'customer-name' }, scenario.customer.name), h('p', { class: 'hint' }, `Starts ${EMOTION_LABELS[startEmotion].toLowerCase()} (mood ${startMood}/100)`)),
        ),
        h(
          'div',
          { class: 'briefing-main' },
          h('div', {}, h('p', { class: 'eyebrow' }, 'Briefing'), h('h1', {}, scenario.title), h('p', { class: 'lede' }, scenario.setting)),
          resumeNote,
          h('section', { class: 'panel prose', 'aria-labelledby': 'situation' }, h('h2', { id: 'situation' }, 'The situation'), ...paragraphs(scenario.brief).map((p) => h('p', {}, p))),
          scenario.objectives.length
            ? h('section', { class: 'panel', 'aria-labelledby': 'objectives' }, h('h2', { id: 'objectives', class: 'objectives-title' }, 'Your objectives'), h('ul', { class: 'objectives' }, ...scenario.objectives.map((o) => h('li', {}, o))))
            : null,
          h(
            'div',
            { class: 'facts' },
            h('span', {}, `Pass mark ${scenario.scoring.passMark}`),
            h('span', {}, `Difficulty ${scenario.difficulty} of 5`),
            best !== null ? h('span', {}, `Your best ${best} (${plays.length} attempt${plays.length === 1 ? '' : 's'})`) : h('span', {}, 'First attempt'),
          ),
        ),
      ),
      // Always in view, however long the brief: the way into the conversation.
      h('div', { class: 'start-bar' }, h('div', { class: 'start-row' }, ...startButtons, h('label', { class: 'row timer-label', for: 'timer-setting' }, icon('clock'), h('span', { class: 'timer-label-text' }, 'Reply timer')), timerSelect)),
    );
    // An LMS package launches one scenario: a way to the menu would leave it.
    const back = inPackageLaunch() ? null : h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => { sounds().play('click'); navigate({ screen: 'menu' }); } }, icon('back'), 'All scenarios');
    mountScreen('briefing', [topbar(back, h('div', { class: 'spacer' }), muteButton()), main]);
  }
}

/** A brief's paragraphs: blank lines separate them; single line breaks are just wrapping in the file. */
function paragraphs(text: string): string[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p.length > 0);
}
