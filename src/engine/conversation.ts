import { createActor, type Actor } from 'xstate';
import type { CompiledScenario, TimerSetting } from './machine.ts';
import type { ConversationContext } from './transcript.ts';
import type { ConversationClock } from './clock.ts';
import { startPointProblems, type StartPoint } from './start-point.ts';
import { resultOf, type ConversationResult } from './result.ts';
import { viewOf, type ConversationView } from './view.ts';

/** How to start a conversation. */
export interface ConversationOptions {
  clock: ConversationClock;
  /** Standard, 1.5×, 2× or off. Default standard. */
  timers?: TimerSetting;
  /** The game waits for the line to be typed out before the reply timer starts. */
  waitForShown?: boolean;
  /** Shows each decision's replies in an order drawn from this seed (omit for file order). */
  shuffleSeed?: number;
  /** Start at this node with this mood and these variables instead of the scenario's start (the studio's preview). */
  from?: StartPoint;
}

/**
 * A running conversation: the scenario's XState actor on an injected clock,
 * with the few verbs a UI needs. Every event is stamped with `clock.now()`,
 * so the transcript records each decision with its time.
 *
 * @example
 * const talk = startConversation(compiled, { clock: new SteppedClock() });
 * talk.reply(1);
 * talk.view().result?.scores.overall;
 */
export class Conversation {
  readonly actor: Actor<CompiledScenario['machine']>;
  private readonly clock: ConversationClock;
  private cachedResult: ConversationResult | null = null;

  constructor(readonly compiled: CompiledScenario, options: ConversationOptions) {
    this.clock = options.clock;
    if (options.from) {
      // A programming error, not a trainer's: the studio checks its start point with startPointProblems and says what to change.
      const problems = startPointProblems(compiled.scenario, options.from);
      if (problems.length > 0) throw new RangeError(`Cannot start there: ${problems.join(' ')}`);
    }
    this.actor = createActor(compiled.machine, {
      clock: options.clock,
      input: {
        startedAt: options.clock.now(),
        timers: options.timers ?? 'standard',
        waitForShown: options.waitForShown ?? false,
        ...(options.shuffleSeed === undefined ? {} : { shuffleSeed: options.shuffleSeed }),
        ...(options.from === undefined ? {} : { from: options.from }),
      },
    });
    this.actor.start();
  }

  /** The conversation's context (mood, variables, path, decisions…). */
  get context(): ConversationContext {
    return this.actor.getSnapshot().context;
  }

  /** True once an ending has been reached. */
  get ended(): boolean {
    return this.actor.getSnapshot().status === 'done';
  }

  /** What the UI should show now. */
  view(): ConversationView {
    const snapshot = this.actor.getSnapshot();
    const phase = snapshot.status === 'done' ? 'ended' : snapshot.context.shownAt === null ? 'presenting' : 'choosing';
    return viewOf(this.compiled, snapshot.context, phase, this.result());
  }

  /** The result, once ended; null before. */
  result(): ConversationResult | null {
    if (!this.ended) return null;
    this.cachedResult ??= resultOf(this.compiled, this.context);
    return this.cachedResult;
  }

  /** The line has been presented and the replies are visible: the reply timer starts now. */
  shown(): void {
    this.actor.send({ type: 'SHOWN', at: this.clock.now() });
  }

  /**
   * Chooses the N-th offered reply (1-based). Returns false when no such
   * reply is offered now (the event is ignored).
   */
  reply(number: number): boolean {
    const before = this.actor.getSnapshot();
    if (before.status === 'done' || before.context.shownAt === null) return false;
    // At rest the conversation is at a dialogue node, whose shown replies are the ones offered.
    if (number < 1 || number > before.context.shown.length) return false;
    this.actor.send({ type: 'REPLY', reply: number, at: this.clock.now() });
    return this.actor.getSnapshot() !== before;
  }

  /** Calls `listener` with a fresh view after every change. Returns an unsubscribe function. */
  subscribe(listener: (view: ConversationView) => void): () => void {
    const subscription = this.actor.subscribe(() => listener(this.view()));
    return () => subscription.unsubscribe();
  }

  /** Stops the actor and its timers. */
  stop(): void {
    this.actor.stop();
  }
}

/** Starts a conversation on a compiled scenario. */
export function startConversation(compiled: CompiledScenario, options: ConversationOptions): Conversation {
  return new Conversation(compiled, options);
}
