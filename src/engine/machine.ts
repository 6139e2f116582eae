import { raise, setup, assign, type AnyStateMachine } from 'xstate';
import { evaluate, truthy, type Expression } from '../scenario/expression.ts';
import type { Analysis } from '../scenario/analysis.ts';
import type { DialogueNode, Effect, Reply, Scenario } from '../scenario/model.ts';
import { readingAllowanceMs } from '../scenario/reading-time.ts';
import { shownOrder } from './reply-order.ts';
import type { TimerSetting } from './timer-setting.ts';
import { applyEffect, offeredReplies, scopeOf } from '../scenario/semantics.ts';
import type { ConversationContext, Decision } from './transcript.ts';

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

/** Id of the machine's root, used to address nodes as `#tactful.<id>`. */
const ROOT = 'tactful';

/**
 * Compiles a (lint-clean) scenario into an XState v5 machine: one state per
 * node and ending, replies as guarded REPLY transitions, reply timers as
 * delayed transitions, branch nodes as eventless transitions. All guards,
 * actions and delays are named in `setup()` so tools can inspect them.
 *
 * @example
 * const actor = createActor(compileMachine(scenario), { input: { timers: 'standard' }, clock });
 */
export function compileMachine(scenario: Scenario) {
  const dialogue = (id: string): DialogueNode => scenario.nodes[id] as DialogueNode;
  const decide = (context: ConversationContext, node: DialogueNode, chosen: Reply | null, effect: Effect, at: number): Partial<ConversationContext> => {
    const after = applyEffect(effect, context);
    const shownAt = context.shownAt ?? context.now;
    // Scoring reads the offered replies in file order, so a score never depends on where a reply was shown.
    const offered = [...context.shown].sort((a, b) => a - b).map((index) => node.replies[index - 1]!);
    const decision: Decision = {
      node: node.id,
      reply: chosen ? context.shown.indexOf(chosen.index) + 1 : null,
      replyIndex: chosen ? chosen.index : null,
      timedOut: chosen === null,
      tact: chosen ? chosen.tact : 0,
      offeredTacts: offered.map((r) => r.tact),
      offered: offered.map((r) => r.index),
      shown: [...context.shown],
      critical: chosen?.critical ?? false,
      techniques: chosen ? chosen.techniques : [],
      ms: Math.max(0, at - shownAt),
      limitMs: context.limitMs,
      allowanceMs: readingAllowanceMs(node.customer, offered.map((r) => r.say)),
      moodBefore: context.mood,
      moodAfter: after.mood,
      score: effect.score,
      at,
    };
    return { mood: after.mood, variables: after.variables, decisions: [...context.decisions, decision], now: at };
  };

  return setup({
    types: {
      context: {} as ConversationContext,
      events: {} as ConversationEvent,
      // Not redundant: XState infers the input type from it (every field is optional, so the rule can't tell).
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
      input: {} as ConversationInput,
    },
    guards: {
      /** Replies count as shown at once unless the game asked to wait for SHOWN. */
      showsAtOnce: ({ context }) => !context.waitForShown,
      /** Timers can be switched off (extended-time accessibility setting). */
      timersOn: ({ context }) => context.limitMs !== null,
      /** The REPLY event picks this reply among those shown now (a reply an `if` hid is never shown). */
      chose: ({ context, event }, params: { node: string; reply: number }) =>
        event.type === 'REPLY' && context.shown[event.reply - 1] === params.reply,
      /** A branch condition holds. */
      holds: ({ context }, params: { expression: Expression }) => truthy(evaluate(params.expression, scopeOf(context))),
    },
    actions: {
      enterNode: assign(({ context }, params: { node: string }) => {
        const node = scenario.nodes[params.node];
        const limit = node?.kind === 'dialogue' ? node.timeLimitMs : null;
        // Entry runs after the reply's effect, so the `if`s see the state this node is offered in.
        const shown = node?.kind === 'dialogue' ? shownOrder(node, offeredReplies(node, context), context.seed, context.path.length).map((r) => r.index) : [];
        return {
          node: params.node,
          shown,
          path: [...context.path, params.node],
          shownAt: null,
          limitMs: limit !== null && context.timerScale !== null ? Math.round(limit * context.timerScale) : null,
          ending: params.node in scenario.endings ? params.node : null,
        };
      }),
      showReplies: assign(({ context, event }) => ({
        shownAt: event.type === 'SHOWN' && event.at !== undefined ? Math.max(event.at, context.now) : context.now,
      })),
      recordReply: assign(({ context, event }, params: { node: string; reply: number }) => {
        const node = dialogue(params.node);
        const chosen = node.replies[params.reply - 1]!;
        const at = event.type === 'REPLY' && event.at !== undefined ? event.at : (context.shownAt ?? context.now);
        return decide(context, node, chosen, chosen, at);
      }),
      recordTimeout: assign(({ context }, params: { node: string }) => {
        const node = dialogue(params.node);
        const at = (context.shownAt ?? context.now) + (context.limitMs ?? 0);
        return decide(context, node, null, node.onTimeout, at);
      }),
    },
    delays: {
      replyDeadline: ({ context }) => context.limitMs ?? 0,
    },
  }).createMachine({
    id: ROOT,
    initial: scenario.start,
    context: ({ input }) => ({
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
    }),
    states: buildStates(scenario),
  });
}

/** Builds the state for every node and ending. Kept loose-typed: XState checks the names against setup(). */
function buildStates(scenario: Scenario): Record<string, object> {
  const target = (id: string): string => `#${ROOT}.${id}`;
  const states: Record<string, object> = {};
  for (const node of Object.values(scenario.nodes)) {
    const entry = [{ type: 'enterNode', params: { node: node.id } }];
    if (node.kind === 'branch') {
      states[node.id] = {
        entry,
        always: node.routes.map((route) => ({
          target: target(route.goto),
          ...(route.condition ? { guard: { type: 'holds', params: { expression: route.condition } } } : {}),
        })),
      };
      continue;
    }
    const timed = node.timeLimitMs !== null;
    states[node.id] = {
      entry,
      initial: 'presenting',
      states: {
        presenting: {
          always: { guard: 'showsAtOnce', target: 'choosing', actions: 'showReplies' },
          on: { SHOWN: { target: 'choosing', actions: 'showReplies' } },
        },
        choosing: {
          ...(timed ? { after: { replyDeadline: { guard: 'timersOn', actions: raise({ type: 'TIMEOUT' }) } } } : {}),
          on: {
            REPLY: node.replies.map((reply) => ({
              guard: { type: 'chose', params: { node: node.id, reply: reply.index } },
              actions: { type: 'recordReply', params: { node: node.id, reply: reply.index } },
              target: target(reply.goto),
              reenter: true,
            })),
            ...(timed
              ? { TIMEOUT: { guard: 'timersOn', actions: { type: 'recordTimeout', params: { node: node.id } }, target: target(node.onTimeout.goto), reenter: true } }
              : {}),
          },
        },
      },
    };
  }
  for (const ending of Object.values(scenario.endings)) {
    states[ending.id] = { type: 'final', entry: [{ type: 'enterNode', params: { node: ending.id } }] };
  }
  return states;
}

/** Any compiled conversation machine. */
export type ConversationMachine = AnyStateMachine;
