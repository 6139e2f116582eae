import Phaser from 'phaser';
import type { CompiledScenario, Decision, TimerSetting } from '../../engine/index.ts';
import type { Conversation, ConversationResult, ConversationView, SteppedClock } from '../../engine/index.ts';
import { recordOf } from '../../report/history.ts';
import { playHistory, setAddress, shuffleSeedForPlay } from '../app.ts';
import { sounds } from '../audio.ts';
import { loadLibrary } from '../content/index.ts';
import { BEAT_MS, TYPING_CHARS_PER_SECOND } from '../content/pacing.ts';
import { settings } from '../settings.ts';
import { Backdrop } from '../stage/backdrop.ts';
import { Face, loadFaces } from '../stage/face.ts';
import { MoodMeter } from '../stage/mood-meter.ts';
import { EMOTION_LABELS } from '../stage/palette.ts';
import { fitStage, slotRect, watchSlots } from '../stage/viewport.ts';
import { Countdown } from '../ui/countdown.ts';
import { h, icon } from '../ui/dom.ts';
import { focusElement, mountScreen, muteButton, topbar, unmountScreen } from '../ui/screen.ts';

/** What the Debrief scene is started with. */
export interface DebriefData {
  id: string;
  result: ConversationResult;
  timers: TimerSetting;
  /** Resolves once the play is in the history store. */
  saved: Promise<void>;
}

/**
 * The conversation. It renders the engine's view and sends it events, and
 * nothing else: branches and scores are the engine's. The engine runs on a
 * SteppedClock advanced by Phaser's game time in `update`, so the reply
 * timer stops whenever the game does (paused, tab hidden).
 *
 * The customer's line is typed out (skippable; instant with reduced motion);
 * only when it is complete do the reply buttons appear and `talk.shown()`
 * start the reply timer.
 */
export class ConversationScene extends Phaser.Scene {
  private talk?: Conversation;
  private clock?: SteppedClock;
  private compiled?: CompiledScenario;
  private timers: TimerSetting = 'standard';
  private seed = 0;
  private paused = false;
  private decisionsSeen = 0;
  private typing: { text: string; shown: number; onDone: () => void } | null = null;
  private beat: { remaining: number; then: () => void } | null = null;
  private repliesOpen = false;
  private deadline: { startsAt: number; endsAt: number } | null = null;
  private ending = false;
  private dom!: {
    main: HTMLElement;
    bar: HTMLElement;
    faceSlot: HTMLElement;
    meterSlot: HTMLElement;
    moodText: HTMLElement;
    moodDelta: HTMLElement;
    you: HTMLElement;
    youSpeaker: HTMLElement;
    youText: HTMLElement;
    bubble: HTMLElement;
    typed: HTMLElement;
    untyped: HTMLElement;
    skipHint: HTMLElement;
    caption: HTMLElement;
    repliesHead: HTMLElement;
    countdown: Countdown;
    replies: HTMLElement;
    keysHint: HTMLElement;
    after: HTMLElement;
    scrim: HTMLElement;
    resume: HTMLButtonElement;
    pause: HTMLButtonElement;
  };
  private face?: Face;
  private meter?: MoodMeter;
  private cleanup: (() => void)[] = [];

  constructor() {
    super('Conversation');
  }

  create(data: { id: string }): void {
    this.talk = undefined;
    this.paused = false;
    this.decisionsSeen = 0;
    this.typing = null;
    this.beat = null;
    this.repliesOpen = false;
    this.deadline = null;
    this.ending = false;
    this.cleanup = [];
    new Backdrop(this);
    this.events.once('shutdown', () => this.shutdown());
    void this.setup(data.id);
  }

  private async setup(id: string): Promise<void> {
    const lib = await loadLibrary();
    const compiled = lib.get(id)?.compiled;
    if (!compiled) {
      this.scene.start('Menu');
      return;
    }
    await loadFaces(this, compiled.scenario.customer.avatar);
    if (!this.scene.isActive()) return;
    setAddress(compiled.scenario.id);
    this.compiled = compiled;
    this.timers = settings().timers;
    this.clock = new lib.engine.SteppedClock();
    this.seed = shuffleSeedForPlay();
    document.body.dataset.seed = String(this.seed);
    this.talk = lib.engine.startConversation(compiled, { clock: this.clock, timers: this.timers, waitForShown: true, shuffleSeed: this.seed });
    const view = this.talk.view();

    this.buildDom(compiled);
    const reduced = (): boolean => settings().reducedMotion;
    this.face = new Face(this, compiled.scenario.customer.avatar, view.emotion, reduced);
    this.meter = new MoodMeter(this, view.mood, reduced);
    const place = (): void => {
      fitStage(this.game, [this.dom.faceSlot, this.dom.meterSlot]);
      this.face?.layout(slotRect(this.dom.faceSlot));
      this.meter?.layout(slotRect(this.dom.meterSlot));
    };
    place();
    this.cleanup.push(watchSlots([this.dom.faceSlot, this.dom.meterSlot, this.dom.main], place));
    this.setMoodLabel(view.mood, 0);

    const unsubscribe = this.talk.subscribe((v) => this.onChange(v));
    this.cleanup.push(unsubscribe);
    const keydown = (e: KeyboardEvent): void => this.onKey(e);
    document.addEventListener('keydown', keydown);
    this.cleanup.push(() => document.removeEventListener('keydown', keydown));
    const hidden = (): void => this.setPaused(true);
    this.game.events.on('hidden', hidden);
    this.cleanup.push(() => this.game.events.off('hidden', hidden));
    sounds().ambient(true);

    this.presentLine(view);
  }

  // ---------------------------------------------------------------- DOM

  private buildDom(compiled: CompiledScenario): void {
    const { scenario } = compiled;
    const name = scenario.customer.name;
    const faceSlot = h('div', { class: 'slot slot-face', 'aria-hidden': 'true' });
    const meterSlot = h('div', { class: 'slot slot-meter', 'aria-hidden': 'true' });
    const moodText = h('span', {});
    const moodDelta = h('span', { class: 'mood-delta' });
    const youSpeaker = h('p', { class: 'speaker' }, 'You');
    const youText = h('p', { class: 'you-text' });
    const you = h('div', { class: 'bubble bubble-you', hidden: true }, youSpeaker, youText);
    const typed = h('span', { class: 'typed' });
    const untyped = h('span', { class: 'untyped' });
    const skipHint = h('p', { class: 'skip-hint', 'aria-hidden': 'true' }, 'Click or press Space to show the whole line');
    const bubble = h('div', { class: 'bubble bubble-customer', 'aria-hidden': 'true', 'data-testid': 'customer-line' }, h('p', { class: 'speaker' }, name), h('p', { class: 'line' }, typed, untyped), skipHint);
    bubble.addEventListener('click', () => this.skipTyping());
    const caption = h('p', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'caption' });
    const countdown = new Countdown();
    const repliesHead = h('div', { class: 'replies-head', hidden: true }, h('h2', { class: 'replies-title', id: 'replies-title' }, 'Your reply'), countdown.element);
    const replies = h('div', { class: 'replies', role: 'group', 'aria-labelledby': 'replies-title' });
    const keysHint = h('p', { class: 'keys-hint', hidden: true }, 'Press a number key to answer, or Tab to a reply and press Enter.');
    const after = h('div', { class: 'ending-actions', hidden: true });

    const main = h(
      'main',
      { class: 'conversation', id: 'main', 'aria-label': `Conversation with ${name}` },
      h('h1', { class: 'sr-only' }, scenario.title),
      h(
        'div',
        { class: 'convo-stage' },
        faceSlot,
        h(
          'div',
          { class: 'convo-stage-info' },
          h('p', { class: 'name-plate' }, name),
          h('div', { class: 'mood', 'data-testid': 'mood' }, meterSlot, h('p', { class: 'mood-label' }, h('span', {}, h('span', { class: 'mood-prefix' }, 'Mood: '), moodText), moodDelta)),
        ),
      ),
      h('div', { class: 'convo-talk' }, you, bubble, caption, repliesHead, replies, keysHint, after),
    );

    const pause = h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Pause', 'data-testid': 'pause', onclick: () => this.setPaused(true) }, icon('pause'));
    const bar = topbar(h('p', { class: 'topbar-title' }, scenario.title), h('div', { class: 'spacer' }), muteButton(), pause);

    const resume = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => this.setPaused(false) }, icon('play'), 'Resume');
    const quit = h('button', { type: 'button', class: 'btn btn-secondary', onclick: () => this.quit() }, 'Quit to menu');
    const scrim = h(
      'div',
      { class: 'scrim', hidden: true },
      h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'paused-title', 'aria-describedby': 'paused-text' },
        h('h2', { id: 'paused-title' }, 'Paused'),
        h('p', { id: 'paused-text' }, 'The reply timer is stopped. Take your time.'),
        h('div', { class: 'ending-actions' }, resume, quit)),
    );
    this.dom = { main, bar, faceSlot, meterSlot, moodText, moodDelta, you, youSpeaker, youText, bubble, typed, untyped, skipHint, caption, repliesHead, countdown, replies, keysHint, after, scrim, resume, pause };
    mountScreen('conversation', [bar, main], undefined, [scrim]);
  }

  private setMoodLabel(mood: number, delta: number): void {
    const view = this.talk?.view();
    const emotion = view?.emotion ?? 'neutral';
    this.dom.moodText.replaceChildren(h('strong', {}, EMOTION_LABELS[emotion]), ` · ${Math.round(mood)}/100`);
    this.dom.moodDelta.className = 'mood-delta';
    this.dom.moodDelta.replaceChildren();
    if (delta > 0) {
      this.dom.moodDelta.classList.add('up');
      this.dom.moodDelta.append(icon('up'), h('span', {}, `+${delta}`), h('span', { class: 'sr-only' }, ' (mood went up)'));
    } else if (delta < 0) {
      this.dom.moodDelta.classList.add('down');
      this.dom.moodDelta.append(icon('down'), h('span', {}, `−${-delta}`), h('span', { class: 'sr-only' }, ' (mood went down)'));
    }
  }

  // ------------------------------------------------------- presenting lines

  /** Types the customer's current line; then shows the replies (or the ending's actions). */
  private presentLine(view: ConversationView): void {
    this.face?.setEmotion(view.emotion);
    this.dom.caption.textContent = `${view.customerName}: ${view.line}`;
    this.dom.repliesHead.hidden = true;
    this.dom.keysHint.hidden = true;
    this.dom.replies.replaceChildren();
    this.dom.countdown.set(null);
    const done = view.phase === 'ended' ? () => this.showEnding() : () => this.showReplies();
    if (settings().reducedMotion || view.line.length === 0) {
      this.typing = null;
      this.renderTyped(view.line, view.line.length);
      done();
      return;
    }
    this.typing = { text: view.line, shown: 0, onDone: done };
    this.renderTyped(view.line, 0);
  }

  private renderTyped(text: string, count: number): void {
    // The untyped rest is laid out but invisible, so the bubble never changes size while typing.
    this.dom.typed.textContent = text.slice(0, count);
    this.dom.untyped.textContent = text.slice(count);
    this.dom.skipHint.hidden = count >= text.length;
  }

  private skipTyping(): void {
    if (!this.typing || this.paused) return;
    const { text, onDone } = this.typing;
    this.typing = null;
    this.renderTyped(text, text.length);
    onDone();
  }

  private showReplies(): void {
    const talk = this.talk;
    if (!talk || talk.ended) return;
    const view = talk.view();
    const buttons = view.replies.map((reply) =>
      h('button', { type: 'button', class: 'reply', 'data-number': reply.number, onclick: () => this.choose(reply.number) },
        h('span', { class: 'reply-num', 'aria-hidden': 'true' }, String(reply.number)),
        h('span', { class: 'reply-say' }, reply.say)),
    );
    this.dom.replies.classList.toggle('appear', !settings().reducedMotion);
    this.dom.replies.replaceChildren(...buttons);
    this.dom.repliesHead.hidden = false;
    this.dom.keysHint.hidden = false;
    this.repliesOpen = true;
    focusElement(buttons[0]);
    // The reply timer starts now, with the replies on screen.
    talk.shown();
    this.deadline = talk.view().deadline;
    this.updateTimer();
  }

  private choose(number: number): void {
    if (!this.talk || !this.repliesOpen || this.paused) return;
    sounds().play('click');
    this.repliesOpen = false;
    this.talk.reply(number);
  }

  /** After every engine change: react to a new decision (a reply or a timeout). */
  private onChange(view: ConversationView): void {
    const talk = this.talk;
    if (!talk) return;
    const decisions = talk.context.decisions;
    if (decisions.length <= this.decisionsSeen) return;
    const decision = decisions[decisions.length - 1]!;
    this.decisionsSeen = decisions.length;
    this.afterDecision(decision, view);
  }

  private afterDecision(d: Decision, view: ConversationView): void {
    this.repliesOpen = false;
    this.deadline = null;
    this.typing = null;
    this.dom.replies.replaceChildren();
    this.dom.repliesHead.hidden = true;
    this.dom.keysHint.hidden = true;
    this.dom.countdown.set(null);

    const node = this.compiled!.scenario.nodes[d.node];
    const said = d.timedOut || node?.kind !== 'dialogue' ? null : node.replies[(d.replyIndex ?? 0) - 1]?.say ?? null;
    this.dom.you.hidden = false;
    this.dom.you.classList.toggle('timeout', d.timedOut);
    this.dom.youSpeaker.textContent = d.timedOut ? 'Time ran out' : 'You';
    this.dom.youText.textContent = said ?? `You didn't reply in time, and ${view.customerName} noticed.`;

    const delta = Math.round(d.moodAfter - d.moodBefore);
    if (delta > 0) sounds().play('mood-up');
    else if (delta < 0) sounds().play('mood-down');
    this.meter?.setMood(view.mood);
    this.setMoodLabel(view.mood, delta);

    // Keep the customer's previous line in place for a beat, then their answer.
    this.dom.bubble.classList.add('waiting');
    const next = (): void => {
      this.dom.bubble.classList.remove('waiting');
      const now = this.talk?.view();
      if (now) this.presentLine(now);
    };
    if (settings().reducedMotion) next();
    else this.beat = { remaining: BEAT_MS, then: next };
  }

  private showEnding(): void {
    const talk = this.talk;
    const result = talk?.result();
    if (!talk || !result || this.ending) return;
    this.ending = true;
    sounds().ambient(false);
    sounds().sting(result.outcome);
    const record = recordOf(result, this.compiled!.scenario.title, this.timers, this.seed);
    const saved = playHistory().then(({ history }) => history.add(record));
    const data: DebriefData = { id: this.compiled!.scenario.id, result, timers: this.timers, saved };
    const debrief = h('button', { type: 'button', class: 'btn btn-primary', onclick: () => { sounds().play('click'); this.scene.start('Debrief', data); } }, 'See your debrief');
    this.dom.after.replaceChildren(debrief);
    this.dom.after.hidden = false;
    this.dom.pause.disabled = true;
    focusElement(debrief);
  }

  // ----------------------------------------------------------- pause, keys

  private setPaused(paused: boolean): void {
    if (!this.talk || this.ending || paused === this.paused) return;
    this.paused = paused;
    this.dom.scrim.hidden = !paused;
    this.dom.main.inert = paused;
    this.dom.bar.inert = paused;
    sounds().ambient(!paused);
    if (paused) focusElement(this.dom.resume);
    else {
      sounds().play('click');
      const first = this.dom.replies.querySelector<HTMLElement>('.reply');
      focusElement(first ?? this.dom.pause);
    }
  }

  private quit(): void {
    sounds().play('click');
    this.scene.start('Menu');
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (this.paused) {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.setPaused(false);
      } else if (e.key === 'Tab') {
        // Keep focus inside the pause dialog.
        const items = [...this.dom.scrim.querySelectorAll<HTMLElement>('button')];
        const i = items.indexOf(document.activeElement as HTMLElement);
        e.preventDefault();
        items[(i + (e.shiftKey ? items.length - 1 : 1)) % items.length]?.focus();
      }
      return;
    }
    if (e.key === 'Escape' && !this.ending) {
      e.preventDefault();
      this.setPaused(true);
      return;
    }
    const onControl = e.target instanceof HTMLElement && /^(BUTTON|INPUT|SELECT|TEXTAREA|A)$/.test(e.target.tagName);
    if (this.typing) {
      if (/^[1-9]$/.test(e.key) || ((e.key === ' ' || e.key === 'Enter') && !onControl)) {
        e.preventDefault();
        this.skipTyping();
      }
      return;
    }
    if (this.repliesOpen && /^[1-9]$/.test(e.key)) {
      const button = this.dom.replies.querySelector<HTMLButtonElement>(`.reply[data-number="${e.key}"]`);
      if (button) {
        e.preventDefault();
        button.focus();
        this.choose(Number(e.key));
      }
    }
  }

  // ----------------------------------------------------------------- time

  override update(_time: number, delta: number): void {
    if (!this.talk || !this.clock || this.paused) return;
    // The engine's clock is the game's clock: it moves only while the game runs.
    this.clock.advance(delta);
    if (this.typing) {
      const t = this.typing;
      t.shown = Math.min(t.text.length, t.shown + (delta * TYPING_CHARS_PER_SECOND) / 1000);
      this.renderTyped(t.text, Math.floor(t.shown));
      if (t.shown >= t.text.length) {
        this.typing = null;
        t.onDone();
      }
    }
    if (this.beat) {
      this.beat.remaining -= delta;
      if (this.beat.remaining <= 0) {
        const then = this.beat.then;
        this.beat = null;
        then();
      }
    }
    this.updateTimer();
  }

  private updateTimer(): void {
    const deadline = this.repliesOpen ? this.deadline : null;
    if (!deadline || !this.clock) {
      this.dom.countdown.set(null);
      return;
    }
    this.dom.countdown.set(Math.max(0, deadline.endsAt - this.clock.now()), deadline.endsAt - deadline.startsAt);
  }

  private shutdown(): void {
    for (const fn of this.cleanup) fn();
    this.cleanup = [];
    this.talk?.stop();
    this.talk = undefined;
    this.face?.destroy();
    sounds().ambient(false);
    unmountScreen();
  }
}
