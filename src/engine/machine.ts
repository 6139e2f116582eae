import { assign, cancel, enqueueActions, setup, type AnyStateMachine } from 'xstate';
import type { Expression } from '../scenario/expression.ts';
import type { Analysis } from '../scenario/analysis.ts';
import type { Scenario } from '../scenario/model.ts';
import { conversationSteps, holds } from './steps.ts';
import type { TimerSetting } from './timer-setting.ts';
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

/** Id of the machine's root (a node's state id is `tactful.<id>`). */
const ROOT = 'tactful';
/** Id of the delayed TIMEOUT a dialogue node schedules once its replies are shown (cancelled when the node is left). */
const REPLY_TIMER = 'replyTimer';

/**
 * Compiles a (lint-clean) scenario into an XState v5 machine: one state per
 * node and ending, replies as guarded REPLY transitions, reply timers as
 * delayed TIMEOUT events, branch nodes as eventless transitions. All guards,
 * actions and delays are named in `setup()` so tools can inspect them.
 *
 * Each node is a single (atomic) state, and every transition makes one
 * context update, which records the decision and enters the next node (see
 * steps.ts): a reply is one XState microstep, plus one per branch node it
 * passes (whose routing the update has already done). Whether the replies
 * are up yet (the game can wait for the line to be typed out) is the
 * context's `shownAt`, not a child state.
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
      /** The REPLY event picks this reply among those shown now (a reply an `if` hid is never shown). */
      chose: ({ context, event }, params: { node: string; reply: number }) =>
        event.type === 'REPLY' && context.shownAt !== null && context.shown[event.reply - 1] === params.reply,
      /** The replies are up and timers are on (they can be switched off: extended-time accessibility setting). */
      timerRunning: ({ context }) => context.shownAt !== null && context.limitMs !== null,
      /** A branch condition holds. */
      holds: ({ context }, params: { expression: Expression }) => holds(params.expression, context),
    },
    actions: {
      showReplies: assign(({ context, event }) => steps.show(context, event.type === 'SHOWN' ? event.at : undefined)),
      recordReply: assign(({ context, event }, params: { node: string; reply: number }) => {
        const at = event.type === 'REPLY' && event.at !== undefined ? event.at : (context.shownAt ?? context.now);
        return steps.reply(context, params.node, params.reply, at);
      }),
      recordTimeout: assign(({ context }, params: { node: string }) => steps.timeout(context, params.node)),
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
    initial: scenario.start,
    context: ({ input }) =>
      steps.enter(
        {
          node: scenario.start,
          mood: scenario.customer.mood,
          variables: { ...scenario.variables },
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
        scenario.start,
      ),
    // One SHOWN transition for every node: it only sets shownAt (and starts the timer of a timed node).
    on: { SHOWN: { guard: 'presenting', actions: ['showReplies', 'startReplyTimer'] } },
    states: buildStates(scenario),
  });
}

/** Builds the state for every node and ending. Kept loose-typed: XState checks the names against setup(). */
function buildStates(scenario: Scenario): Record<string, object> {
  // Every state is a child of the root, so a target is its sibling's key, the node id itself (ids have no "." or "#"):
  // XState resolves that with less work than a `#tactful.<id>` reference, thousands of times per load.
  const states: Record<string, object> = {};
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') {
      states[node.id] = {
        // The context already went through (steps.ts routes a run of branch nodes on entering the first): only the state follows.
        always: node.routes.map((route) => ({
          target: route.goto,
          ...(route.condition ? { guard: { type: 'holds', params: { expression: route.condition } } } : {}),
        })),
      };
      continue;
    }
    const on: Record<string, object> = {
      REPLY: node.replies.map((reply) => {
        const params = { node: node.id, reply: reply.index };
        return { guard: { type: 'chose', params }, actions: { type: 'recordReply', params }, target: reply.goto, reenter: true };
      }),
    };
    // Built up rather than spread in: this runs for every node of a file that can hold thousands.
    if (node.timeLimitMs === null) {
      states[node.id] = { on };
      continue;
    }
    on.TIMEOUT = { guard: 'timerRunning', actions: { type: 'recordTimeout', params: { node: node.id } }, target: node.onTimeout.goto, reenter: true };
    // The timer starts on entry when the replies are up at once, else on SHOWN (handled at the root).
    states[node.id] = { entry: 'startReplyTimer', exit: 'stopReplyTimer', on };
  }
  for (const ending of Object.values(scenario.endings)) states[ending.id] = { type: 'final' };
  return states;
}

/** Any compiled conversation machine. */
export type ConversationMachine = AnyStateMachine;
