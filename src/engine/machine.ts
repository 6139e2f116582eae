import { assign, cancel, enqueueActions, setup, type AnyStateMachine } from 'xstate';
import type { Analysis } from '../scenario/analysis.ts';
import type { Scenario } from '../scenario/model.ts';
import { clampMood } from '../scenario/semantics.ts';
import { conversationSteps } from './steps.ts';
import type { TimerSetting } from './timer-setting.ts';
import type { StartPoint } from './start-point.ts';
import type { ConversationContext } from './transcript.ts';

export { TIMER_SETTINGS, isTimerSetting, type TimerSetting } from './timer-setting.ts';

/** The multiplier a timer setting applies to time limits (null = off). */
export function timerScale(setting: TimerSetting): number | null {
  return setting === 'off' ? null : setting === '2x' ? 2 : setting === '1.5x' ? 1.5 : 1;
}

/** What a conversation actor is started with. */
export interface ConversationInput {
  /** Clock time the conversation starts at (ms). Default 0. */
  startedAt?: number;
  timers?: TimerSetting;
  /**
   * When true the reply timer starts only on a SHOWN event (the game sends
   * it once the customer line has been typed out and the replies appear).
   */
  waitForShown?: boolean;
  /**
   * Shuffle seed for this play: each decision shows its replies in an order
   * drawn from it (nodes with `order: fixed` excepted). Omit for file order.
   */
  shuffleSeed?: number;
  /**
   * Start somewhere other than the scenario's `start`, with chosen mood and
   * variables (the studio's "Play from here"). Check it first with
   * startPointProblems: the machine trusts it.
   */
  from?: StartPoint;
}

/** Events the conversation machine accepts. `at` is clock time in ms. */
export type ConversationEvent =
  | { type: 'SHOWN'; at?: number }
  | { type: 'REPLY'; /** 1-based position among the replies as shown. */ reply: number; at?: number }
  | { type: 'TIMEOUT' };

/** A scenario ready to play: the model, what the linter learnt, and its machine. */
export interface CompiledScenario {
  scenario: Scenario;
  analysis: Analysis;
  machine: ReturnType<typeof compileMachine>;
}

/** Id of the machine's root. */
const ROOT = 'tactful';
/** Id of the delayed TIMEOUT a dialogue node schedules once its replies are shown (cancelled when the node is left). */
const REPLY_TIMER = 'replyTimer';

/**
 * Compiles a (lint-clean) scenario into an XState v5 machine that plays it:
 * replies as guarded REPLY events, reply timers as delayed TIMEOUT events,
 * the conversation's end as the final state. All guards, actions and delays
 * are named in `setup()` so tools can inspect them.
 *
 * The machine has the same two states whatever the scenario: `talking`
 * (at a dialogue node) and `ended` (final). Where the conversation is, the
 * replies shown, mood, variables and the decisions so far are its context,
 * and each transition makes one context update that records the decision
 * and enters the next node, routing any branch nodes on the way (see
 * steps.ts). An earlier version had a state per node and a transition per
 * reply; XState builds every state and transition when a machine is
 * created, which cost about 200 ms for a 5,000-node file, and nothing read
 * the state's name: the graph is the scenario model's (`tactful graph`),
 * and the model-based tests and route walks follow the context.
 *
 * A reply is one XState microstep; one that ends the conversation takes one
 * more (the eventless move to `ended`). Every move re-enters `talking`, so
 * the node's reply timer is cancelled on leaving and started afresh.
 *
 * @example
 * const actor = createActor(compileMachine(scenario), { input: { timers: 'standard' }, clock });
 */
export function compileMachine(scenario: Scenario) {
  const steps = conversationSteps(scenario);
  return setup({
    types: {
      context: {} as ConversationContext,
      events: {} as ConversationEvent,
      // Not redundant: XState infers the input type from it (every field is optional, so the rule can't tell).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      input: {} as ConversationInput,
    },
    guards: {
      /** The line is still being presented: the game has not yet said the replies are shown. */
      presenting: ({ context }) => context.shownAt === null,
      /** The REPLY event picks one of the replies shown now (a reply an `if` hid is never shown). */
      chose: ({ context, event }) =>
        event.type === 'REPLY' && context.shownAt !== null && Number.isInteger(event.reply) && context.shown[event.reply - 1] !== undefined,
      /** The replies are up and timers are on (they can be switched off: extended-time accessibility setting). */
      timerRunning: ({ context }) => context.shownAt !== null && context.limitMs !== null,
      /** The conversation has reached an ending. */
      atEnding: ({ context }) => context.ending !== null,
    },
    actions: {
      showReplies: assign(({ context, event }) => steps.show(context, event.type === 'SHOWN' ? event.at : undefined)),
      recordReply: assign(({ context, event }) => {
        if (event.type !== 'REPLY') return context;
        const at = event.at !== undefined ? event.at : (context.shownAt ?? context.now);
        return steps.reply(context, context.node, context.shown[event.reply - 1]!, at);
      }),
      recordTimeout: assign(({ context }) => steps.timeout(context, context.node)),
      /** Counts down from when the replies are shown; nothing to do while the line is presented or timers are off. */
      startReplyTimer: enqueueActions(({ context, enqueue }) => {
        if (context.shownAt !== null && context.limitMs !== null) enqueue.raise({ type: 'TIMEOUT' }, { id: REPLY_TIMER, delay: 'replyDeadline' });
      }),
      stopReplyTimer: cancel(REPLY_TIMER),
    },
    delays: {
      replyDeadline: ({ context }) => context.limitMs ?? 0,
    },
  }).createMachine({
    id: ROOT,
    initial: 'talking',
    context: ({ input }) =>
      steps.enter(
        {
          node: input.from?.node ?? scenario.start,
          mood: input.from?.mood === undefined ? scenario.customer.mood : clampMood(input.from.mood),
          variables: { ...scenario.variables, ...input.from?.variables },
          path: [],
          decisions: [],
          now: input.startedAt ?? 0,
          shownAt: null,
          limitMs: null,
          timerScale: timerScale(input.timers ?? 'standard'),
          waitForShown: input.waitForShown ?? false,
          seed: input.shuffleSeed ?? null,
          shown: [],
          ending: null,
        },
        input.from?.node ?? scenario.start,
      ),
    states: {
      talking: {
        // A start that branches straight to an ending, or a reply that ends the conversation, moves on at once.
        always: { guard: 'atEnding', target: 'ended' },
        // The timer starts on entry when the replies are up at once, else on SHOWN.
        entry: 'startReplyTimer',
        exit: 'stopReplyTimer',
        on: {
          SHOWN: { guard: 'presenting', actions: ['showReplies', 'startReplyTimer'] },
          REPLY: { guard: 'chose', actions: 'recordReply', target: 'talking', reenter: true },
          TIMEOUT: { guard: 'timerRunning', actions: 'recordTimeout', target: 'talking', reenter: true },
        },
      },
      ended: { type: 'final' },
    },
  });
}

/** Any compiled conversation machine. */
export type ConversationMachine = AnyStateMachine;
