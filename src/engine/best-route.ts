import { initialTransition, transition } from 'xstate';
import type { DialogueNode } from '../scenario/index.ts';
import { bestOfferedReply, wasBestReply } from './best-reply.ts';
import type { CompiledScenario } from './machine.ts';
import type { ConversationResult } from './result.ts';
import type { Decision } from './transcript.ts';

/**
 * Where a play left the best route, and where the best route went from
 * there: what the debrief's map draws beside the trainee's own route.
 */
export interface BestRoute {
  /**
   * Index in the play's `decisions` of the first choice that was not a best
   * reply (a timeout never is one); null when every choice was a best reply,
   * or when the play no longer replays on this scenario.
   */
  leftAt: number | null;
  /**
   * The best route from the node where the play left it: that node first,
   * then every node and ending the conversation would have gone through
   * (branch nodes included) had a best reply been taken there and at every
   * decision after. Empty when `leftAt` is null.
   */
  path: string[];
  /** The decisions of that best route, one per dialogue node on `path` (each a best reply). */
  decisions: Decision[];
  /** The ending the best route reaches; null when it never ends (a best reply that loops back forever). */
  ending: string | null;
}

/** A best route longer than this many decisions is taken to loop forever (a best reply that leads back, with nothing changing). */
const MAX_BEST_DECISIONS = 10_000;

type Snapshot = ReturnType<typeof initialTransition<CompiledScenario['machine']>>[0];

/**
 * The best route from where a play left it. "Best" is the debrief's own
 * rule (best-reply.ts): at each decision, the offered reply with the highest
 * tact, the first in file order on a tie; a choice that ties with it is a
 * best reply too, so the play only leaves the best route at the first
 * choice the debrief marks "A better reply was offered" or "Timed out".
 *
 * The play is replayed on the scenario's machine (pure `transition`, as the
 * route walk in paths.ts does) up to that decision, so the best route starts
 * from the trainee's own mood and variables there: the branch nodes and the
 * conditional replies along it are the ones the trainee would have met.
 * Replies are matched by their place in the file, so a shuffled play replays
 * the same.
 *
 * @example bestRoute(compiled, result) // { leftAt: 1, path: ['address', 'apology', 'reassured'], … }
 */
export function bestRoute(compiled: CompiledScenario, result: Pick<ConversationResult, 'decisions'>): BestRoute {
  const none: BestRoute = { leftAt: null, path: [], decisions: [], ending: null };
  const { machine, scenario } = compiled;
  const dialogue = (id: string): DialogueNode | undefined => {
    const node = scenario.nodes[id];
    return node?.kind === 'dialogue' ? node : undefined;
  };
  // Standard timers, so a timeout the trainee let happen replays (the setting only scales the limits).
  let [snapshot] = initialTransition(machine, { timers: 'standard' });
  let leftAt: number | null = null;
  for (const [i, decision] of result.decisions.entries()) {
    const node = dialogue(decision.node);
    if (!node || snapshot.status === 'done' || snapshot.context.node !== decision.node) return none;
    if (!wasBestReply(node, decision)) {
      leftAt = i;
      break;
    }
    const next = move(machine, snapshot, decision.replyIndex);
    if (!next) return none;
    snapshot = next;
  }
  if (leftAt === null) return none;

  const from = snapshot.context.path.length - 1;
  const decisionsBefore = snapshot.context.decisions.length;
  // Taking best replies is deterministic: back at a node with the same mood and variables, the route loops forever.
  const seen = new Set<string>();
  while (snapshot.status !== 'done' && snapshot.context.decisions.length - decisionsBefore < MAX_BEST_DECISIONS) {
    const node = dialogue(snapshot.context.node);
    const state = JSON.stringify([snapshot.context.node, snapshot.context.mood, snapshot.context.variables]);
    if (!node || seen.has(state)) break;
    seen.add(state);
    const offered = [...snapshot.context.shown].sort((a, b) => a - b);
    // No reply on offer (every `if` failed): the only way on is the timer, as in the game.
    const next = move(machine, snapshot, bestOfferedReply(node, { offered })?.index ?? null);
    if (!next) break;
    snapshot = next;
  }
  const { context } = snapshot;
  return {
    leftAt,
    path: context.path.slice(from),
    decisions: context.decisions.slice(decisionsBefore),
    ending: snapshot.status === 'done' ? context.ending : null,
  };
}

/** The machine after reply `replyIndex` (file order) at the current node, or a timeout when null; undefined when the machine refuses it. */
function move(machine: CompiledScenario['machine'], snapshot: Snapshot, replyIndex: number | null): Snapshot | undefined {
  const shownAt = snapshot.context.shown.indexOf(replyIndex ?? -1);
  if (replyIndex !== null && shownAt === -1) return undefined;
  const [after] = transition(machine, snapshot, replyIndex === null ? { type: 'TIMEOUT' } : { type: 'REPLY', reply: shownAt + 1 });
  // A refused event leaves the context as it was: no decision was recorded.
  return after.context.decisions.length > snapshot.context.decisions.length ? after : undefined;
}
