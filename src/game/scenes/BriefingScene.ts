import Phaser from 'phaser';
import { TIMER_SETTINGS, type TimerSetting } from '../../engine/timer-setting.ts';
import { addNotice, playHistory, setAddress } from '../app.ts';
import { sounds } from '../audio.ts';
import { loadLibrary } from '../content/index.ts';
import { emotionForMood } from '../../engine/emotion.ts';
import { settings, TIMER_LABELS, updateSettings } from '../settings.ts';
import { Backdrop } from '../stage/backdrop.ts';
import { Face, loadFaces } from '../stage/face.ts';
import { EMOTION_LABELS } from '../stage/palette.ts';
import { fitStage, slotRect, watchSlots } from '../stage/viewport.ts';
import { h, icon } from '../ui/dom.ts';
import { openOrShowError } from '../ui/error-screen.ts';
import { mountScreen, muteButton, topbar, unmountScreen } from '../ui/screen.ts';

/**
 * The briefing: the setting, who the customer is, the objectives and the
 * timer setting, then Start. It also loads the engine chunk and the
 * customer's faces, so the conversation opens at once.
 */
export class BriefingScene extends Phaser.Scene {
  constructor() {
    super('Briefing');
  }

  create(data: { id: string }): void {
    new Backdrop(this, true);
    sounds().ambient(false);
    sounds().prefetch();
    this.events.once('shutdown', () => unmountScreen());
    mountScreen('loading', [h('main', { class: 'loading', id: 'main' }, h('p', { role: 'status' }, 'Opening the scenario…'))], null);
    openOrShowError(this, () => this.open(data.id), data);
  }

  private async open(id: string): Promise<void> {
    const lib = await loadLibrary();
    const entry = lib.get(id);
    const compiled = entry?.compiled;
    if (!compiled) {
      addNotice(entry ? `This scenario has errors and can't be played yet.` : `There is no scenario called “${id}”. Pick one of the scenarios below.`);
      this.scene.start('Menu');
      return;
    }
    const scenario = compiled.scenario;
    await loadFaces(this, scenario.customer.avatar);
    if (!this.scene.isActive()) return;
    setAddress(scenario.id);

    const { history } = await playHistory();
    const plays = await history.forScenario(scenario.id);
    if (!this.scene.isActive()) return;

    const faceSlot = h('div', { class: 'slot briefing-face', 'aria-hidden': 'true' });
    const startMood = scenario.customer.mood;
    const timerSelect = h('select', { class: 'select', id: 'timer-setting' });
    for (const value of TIMER_SETTINGS) {
      timerSelect.appendChild(h('option', { value, selected: settings().timers === value }, TIMER_LABELS[value]));
    }
    timerSelect.addEventListener('change', () => updateSettings({ timers: timerSelect.value as TimerSetting }));

    const best = plays.length ? Math.max(...plays.map((p) => p.scores.overall)) : null;
    const start = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => this.start(scenario.id) }, 'Start conversation', icon('play'));
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
          h('div', {}, h('p', { class: 'customer-name' }, scenario.customer.name), h('p', { class: 'hint' }, `Starts ${EMOTION_LABELS[emotionForMood(startMood)].toLowerCase()} (mood ${startMood}/100)`)),
        ),
        h(
          'div',
          { class: 'briefing-main' },
          h('div', {}, h('p', { class: 'eyebrow' }, 'Briefing'), h('h1', {}, scenario.title), h('p', { class: 'lede' }, scenario.setting)),
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
      h('div', { class: 'start-bar' }, h('div', { class: 'start-row' }, start, h('label', { class: 'row timer-label', for: 'timer-setting' }, icon('clock'), h('span', { class: 'timer-label-text' }, 'Reply timer')), timerSelect)),
    );
    mountScreen('briefing', [topbar(h('button', { type: 'button', class: 'btn btn-quiet', onclick: () => this.back() }, icon('back'), 'All scenarios'), h('div', { class: 'spacer' }), muteButton()), main]);

    const face = new Face(this, scenario.customer.avatar, emotionForMood(startMood), () => settings().reducedMotion);
    const place = (): void => {
      fitStage(this.game, [faceSlot]);
      face.layout(slotRect(faceSlot));
    };
    place();
    const stop = watchSlots([faceSlot, main], place);
    this.events.once('shutdown', stop);
  }

  private start(id: string): void {
    sounds().play('click');
    this.scene.start('Conversation', { id });
  }

  private back(): void {
    sounds().play('click');
    this.scene.start('Menu');
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
