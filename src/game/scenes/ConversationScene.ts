import Phaser from 'phaser';
import type { CompiledScenario, TimerSetting } from '../../engine/index.ts';
import type { Conversation, ConversationView, LastDecision, SteppedClock } from '../../engine/index.ts';
import type { PlayInProgress } from '../../report/results.ts';
import { replayPlay } from '../../report/resume/replay.ts';
import { gameResults, inPackageLaunch, setLeaveActivePlay, shuffleSeedForPlay, takeResume, trackSave } from '../app.ts';
import { guardLeaving, leave, navigate, stayHere } from '../navigation.ts';
import { sounds } from '../audio.ts';
import { loadLibrary } from '../content/index.ts';
import { BEAT_MS } from '../content/pacing.ts';
import { Beat } from '../conversation/beat.ts';
import { ConversationScreen } from '../conversation/conversation-screen.ts';
import { listenForKeys } from '../conversation/keys.ts';
import { PauseDialog } from '../conversation/pause-dialog.ts';
import { PlayReport } from '../conversation/play-report.ts';
import { Typewriter } from '../conversation/typewriter.ts';
import { settings } from '../settings.ts';
import { Face, loadFaces } from '../stage/face.ts';
import { MoodMeter } from '../stage/mood-meter.ts';
import { fitStage, slotRect, watchSlots } from '../stage/viewport.ts';
import { openOrShowError } from '../ui/error-screen.ts';
import { h } from '../ui/dom.ts';
import { mountScreen } from '../ui/screen.ts';
import type { ConversationStart, PreviewPlay } from '../preview/preview-play.ts';

/**
 * The conversation. It renders the engine's view and sends it events, and
 * nothing else: branches and scores are the engine's. The engine runs on a
 * SteppedClock advanced by Phaser's game time in `update`, so the reply
 * timer stops whenever the game does (paused, tab hidden).
 *
 * The customer's line is typed out (skippable; instant with reduced motion);
 * only when it is complete do the reply buttons appear and `talk.shown()`
 * start the reply timer. The pieces live in `src/game/conversation/`: the
 * screen's DOM, the typewriter, the beat, the pause dialog, the keys and
 * reporting the play (play-report.ts: the game's one results destination,
 * which keeps history, resume state and any LMS or LRS up to date); this
 * scene wires them to the engine and to game time.
 *
 * A conversation the trainee asked to resume (the briefing's "Resume where
 * you left off") is rebuilt by replaying its saved decisions through the
 * engine (report/resume/replay.ts) and goes on from the customer's current
 * line, with that decision's timer starting afresh.
 *
 * The studio's preview (preview.html) starts it with a PreviewPlay instead
 * of an id (game/preview/preview-play.ts): the same conversation, with
 * nothing recorded or guarded, and "Play again" at the ending.
 */
export class ConversationScene extends Phaser.Scene {
  private talk?: Conversation;
  private clock?: SteppedClock;
  private compiled?: CompiledScenario;
  private timers: TimerSetting = 'standard';
  private seed = 0;
  private report?: PlayReport;
  /** Set when the studio's preview started this play (nothing is recorded). */
  private preview?: PreviewPlay;
  /** Game time not yet given to the engine's clock: it moves in whole milliseconds (see update). */
  private pendingMs = 0;
  private paused = false;
  private decisionsSeen = 0;
  private repliesOpen = false;
  private deadline: { startsAt: number; endsAt: number } | null = null;
  private ending = false;
  private screen?: ConversationScreen;
  private pauseDialog?: PauseDialog;
  private typewriter = new Typewriter(() => {});
  private beat = new Beat();
  private face?: Face;
  private meter?: MoodMeter;
  private cleanup: (() => void)[] = [];

  constructor() {
    super('Conversation');
  }

  create(data: ConversationStart): void {
    this.talk = undefined;
    this.preview = 'preview' in data ? data.preview : undefined;
    this.report = undefined;
    this.pendingMs = 0;
    this.paused = false;
    this.decisionsSeen = 0;
    this.repliesOpen = false;
    this.deadline = null;
    this.ending = false;
    this.screen = undefined;
    this.pauseDialog = undefined;
    this.beat = new Beat();
    this.cleanup = [];
    this.events.once('shutdown', () => this.shutdown());
    openOrShowError({ key: 'Conversation', active: () => this.scene.isActive(), retry: () => this.scene.restart(data) }, () => this.setup(data));
  }

  private async setup(data: ConversationStart): Promise<void> {
    const started = 'preview' in data ? await this.startPreview(data.preview) : await this.startPlay(data.id);
    if (!started || !this.talk || !this.compiled) return;
    const compiled = this.compiled;
    const view = this.talk.view();

    const { scenario } = compiled;
    const screen = new ConversationScreen(scenario.title, scenario.customer.name, {
      skipTyping: () => this.skipTyping(),
      pause: () => this.setPaused(true),
      choose: (n) => this.choose(n),
    });
    this.screen = screen;
    this.typewriter = new Typewriter((text, count) => screen.renderTyped(text, count));
    const quitLabel = this.preview ? 'Play again' : inPackageLaunch() ? 'Quit to the briefing' : 'Quit to menu';
    this.pauseDialog = new PauseDialog({ resume: () => this.setPaused(false), quit: () => this.quit() }, quitLabel);
    mountScreen('conversation', [screen.bar, screen.main], undefined, [this.pauseDialog.element]);

    const reduced = (): boolean => settings().reducedMotion;
    this.face = new Face(this, scenario.customer.avatar, view.emotion, reduced);
    this.meter = new MoodMeter(this, view.mood, reduced);
    const place = (): void => {
      fitStage(this.game, [screen.faceSlot, screen.meterSlot]);
      this.face?.layout(slotRect(screen.faceSlot));
      this.meter?.layout(slotRect(screen.meterSlot));
    };
    place();
    this.cleanup.push(watchSlots([screen.faceSlot, screen.meterSlot, screen.main], place));
    screen.setMood(view.emotion, view.mood, 0);

    this.cleanup.push(this.talk.subscribe((v) => this.onChange(v)));
    this.cleanup.push(
      listenForKeys({
        paused: () => this.paused,
        ending: () => this.ending,
        typing: () => this.typewriter.busy,
        choosing: () => this.repliesOpen,
        pause: () => this.setPaused(true),
        resume: () => this.setPaused(false),
        skipTyping: () => this.skipTyping(),
        replyButton: (n) => screen.replyButton(n),
        choose: (n) => this.choose(n),
      }),
    );
    const hidden = (): void => this.setPaused(true);
    this.game.events.on('hidden', hidden);
    this.cleanup.push(() => this.game.events.off('hidden', hidden));
    sounds().ambient(true);
    // Back mid-conversation pauses and asks (the pause dialog) instead of leaving at once (a preview has no history to leave).
    if (!this.preview)
      guardLeaving(() => {
        if (this.ending) return false;
        this.setPaused(true);
        return true;
      });

    this.presentLine(view);
  }

  /** A preview play from the studio: its conversation is already started; nothing is recorded. */
  private async startPreview(preview: PreviewPlay): Promise<boolean> {
    await loadFaces(this, preview.compiled.scenario.customer.avatar);
    if (!this.scene.isActive()) return false;
    this.compiled = preview.compiled;
    this.talk = preview.talk;
    this.clock = preview.clock;
    this.decisionsSeen = this.talk.context.decisions.length;
    return true;
  }

  /** A play of a library scenario (fresh, or resumed from its saved decisions), reported to the game's results. */
  private async startPlay(id: string): Promise<boolean> {
    const [lib, results] = await Promise.all([loadLibrary(), gameResults()]);
    const compiled = lib.get(id)?.compiled;
    if (!compiled) {
      navigate({ screen: 'menu' }, { replace: true });
      return false;
    }
    await loadFaces(this, compiled.scenario.customer.avatar);
    if (!this.scene.isActive()) return false;
    this.compiled = compiled;
    const saved = takeResume(id);
    const replayed = saved ? replayPlay(compiled, saved, { waitForShown: true }) : null;
    let play: PlayInProgress;
    if (saved && replayed && 'talk' in replayed) {
      this.timers = saved.timers;
      this.seed = saved.seed;
      this.clock = replayed.clock;
      this.talk = replayed.talk;
      play = { playId: saved.playId, compiled, timers: saved.timers, seed: saved.seed, startedAt: new Date(saved.startedAt), resumedDecisions: saved.decisions.length };
    } else {
      // A fresh play (the briefing checked a saved one replays, so falling back here means it was just started again).
      this.timers = settings().timers;
      this.clock = new lib.engine.SteppedClock();
      this.seed = shuffleSeedForPlay();
      this.talk = lib.engine.startConversation(compiled, { clock: this.clock, timers: this.timers, waitForShown: true, shuffleSeed: this.seed });
      play = { playId: crypto.randomUUID(), compiled, timers: this.timers, seed: this.seed, startedAt: new Date(), resumedDecisions: 0 };
    }
    document.body.dataset.seed = String(this.seed);
    this.decisionsSeen = this.talk.context.decisions.length;
    const report = new PlayReport(results.destination, play, this.talk);
    this.report = report;
    report.start();
    setLeaveActivePlay(() => report.leave());
    return true;
  }

  // ------------------------------------------------------- presenting lines

  /** Types the customer's current line; then shows the replies (or the ending's actions). */
  private presentLine(view: ConversationView): void {
    this.face?.setEmotion(view.emotion);
    this.screen?.newLine(view.customerName, view.line);
    const done = view.phase === 'ended' ? () => this.showEnding() : () => this.showReplies();
    this.typewriter.type(view.line, done, settings().reducedMotion);
  }

  private skipTyping(): void {
    if (this.paused) return;
    this.typewriter.skip();
  }

  private showReplies(): void {
    const talk = this.talk;
    if (!talk || talk.ended || !this.screen) return;
    this.screen.showReplies(talk.view().replies, !settings().reducedMotion);
    this.repliesOpen = true;
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
    const decision = view.lastDecision;
    if (!decision || decision.count <= this.decisionsSeen) return;
    this.decisionsSeen = decision.count;
    this.afterDecision(decision, view);
  }

  private afterDecision(d: LastDecision, view: ConversationView): void {
    const screen = this.screen;
    if (!screen) return;
    this.repliesOpen = false;
    this.deadline = null;
    this.typewriter.stop();
    screen.clearReplies();
    screen.showYourLine(d.said, d.timedOut, view.customerName);

    const delta = Math.round(d.moodChange);
    if (delta > 0) sounds().play('mood-up');
    else if (delta < 0) sounds().play('mood-down');
    this.meter?.setMood(view.mood);
    screen.setMood(this.talk?.view().emotion ?? 'neutral', view.mood, delta);

    // Keep the customer's previous line in place for a beat, then their answer.
    screen.setWaiting(true);
    const next = (): void => {
      screen.setWaiting(false);
      const now = this.talk?.view();
      if (now) this.presentLine(now);
    };
    if (settings().reducedMotion) next();
    else this.beat.start(BEAT_MS, next);
  }

  private showEnding(): void {
    const talk = this.talk;
    const result = talk?.result();
    if (!talk || !result || this.ending || !this.compiled || !this.screen) return;
    this.ending = true;
    sounds().ambient(false);
    sounds().sting(result.outcome);
    const preview = this.preview;
    if (preview) {
      // A preview records nothing: the trainer plays again (or edits, and the preview reloads).
      const again = (): void => {
        sounds().play('click');
        preview.playAgain();
      };
      this.screen.showEndingAction(h('button', { type: 'button', class: 'btn btn-primary', onclick: again }, 'Play again'));
      return;
    }
    const id = this.compiled.scenario.id;
    const timers = this.timers;
    // The ending is on screen: the play counts as finished (quitting while the last line still types keeps it for resume).
    setLeaveActivePlay(null);
    trackSave(this.report?.finish(result) ?? Promise.resolve());
    // The debrief takes the conversation's place in the history: Back from it goes to the briefing.
    const open = (): void => {
      sounds().play('click');
      navigate({ screen: 'debrief', id, play: { result, timers } }, { replace: true });
    };
    const debrief = h('button', { type: 'button', class: 'btn btn-primary', onclick: open }, 'See your debrief');
    this.screen.showEndingAction(debrief);
  }

  // ---------------------------------------------------------------- pause

  private setPaused(paused: boolean): void {
    if (!this.talk || this.ending || paused === this.paused) return;
    this.paused = paused;
    sounds().ambient(!paused);
    if (paused) this.pauseDialog?.open();
    else {
      stayHere();
      this.pauseDialog?.close();
      sounds().play('click');
      this.screen?.focusAfterPause();
    }
  }

  private quit(): void {
    sounds().play('click');
    if (this.preview) {
      this.preview.playAgain();
      return;
    }
    // In an LMS package the menu would leave what the LMS launched: quitting goes back to this scenario's briefing.
    const compiled = this.compiled;
    leave(inPackageLaunch() && compiled ? { screen: 'briefing', id: compiled.scenario.id } : { screen: 'menu' });
  }

  // ----------------------------------------------------------------- time

  override update(_time: number, delta: number): void {
    if (!this.talk || !this.clock || this.paused) return;
    // The engine's clock is the game's clock: it moves only while the game runs. It takes the frame's
    // raw time, not Phaser's smoothed delta (smoothing evens out animation, but would bend the reply timer).
    // Whole milliseconds only (the fraction is carried to the next frame): every time the engine records is then an
    // exact integer, so replaying a saved play (resume) gives bit-for-bit the same reply times and scores.
    this.pendingMs += this.game.loop.rawDelta;
    const whole = Math.floor(this.pendingMs);
    this.pendingMs -= whole;
    if (whole > 0) this.clock.advance(whole);
    this.typewriter.advance(delta);
    this.beat.advance(delta);
    this.updateTimer();
  }

  private updateTimer(): void {
    const deadline = this.repliesOpen ? this.deadline : null;
    if (!this.screen) return;
    if (!deadline || !this.clock) {
      this.screen.countdown.set(null);
      return;
    }
    this.screen.countdown.set(Math.max(0, deadline.endsAt - this.clock.now()), deadline.endsAt - deadline.startsAt);
  }

  private shutdown(): void {
    // Leaving before the ending (Quit, Back, another scenario): the play is kept for resume.
    this.report?.leave();
    setLeaveActivePlay(null);
    this.report = undefined;
    for (const fn of this.cleanup) fn();
    this.cleanup = [];
    this.talk?.stop();
    this.talk = undefined;
    this.face?.destroy();
    sounds().ambient(false);
    // The DOM is left to the next screen, which replaces it (and releases what it subscribed to).
  }
}
