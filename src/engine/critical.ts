import type { DialogueNode, TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario } from './machine.ts';
import type { ConversationResult } from './result.ts';

/** A critical mistake as the debrief names it: where, what was said, and why it disqualifies. */
export interface CriticalMistake {
  node: string;
  /** What the customer had just said. */
  customer: string;
  /** The reply that was chosen. */
  say: string;
  /** The critical techniques it showed, by label (empty when the reply itself is marked critical). */
  techniques: string[];
  /** Why it fails the play, in coaching words. */
  why: string;
}

/** Said when neither the reply's feedback nor its technique explains the mistake. */
const DEFAULT_WHY = 'This reply is one a real employee could be disciplined for, so the play cannot pass however well the rest went.';

/**
 * The critical mistakes of a finished play, in the order made, with the
 * reason each one fails it: the reply's own feedback, else the catalogue tip
 * of the critical technique it showed. The terminal and browser debriefs
 * both list these first.
 *
 * @example criticalMistakes(compiled, result, catalogue)[0]?.why
 */
export function criticalMistakes(compiled: CompiledScenario, result: ConversationResult, catalogue: TechniqueCatalogue): CriticalMistake[] {
  return result.criticalMistakes.map((d) => {
    const node = compiled.scenario.nodes[d.node] as DialogueNode;
    const reply = node.replies[d.replyIndex! - 1]!;
    const critical = reply.techniques.map((t) => catalogue.get(t)).filter((t) => t?.critical === true);
    const why = reply.feedback ?? critical.find((t) => t!.tip)?.tip ?? DEFAULT_WHY;
    return { node: d.node, customer: node.customer, say: reply.say, techniques: critical.map((t) => t!.label), why };
  });
}
