import type { DialogueNode, Technique, TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario } from './machine.ts';
import { bestOfferedReply, wasBestReply } from './best-reply.ts';
import { criticalMistakes, type CriticalMistake } from './critical.ts';
import type { ConversationResult } from './result.ts';
import { decisionTact } from './scoring.ts';

/** One decision as every debrief shows it. */
export interface DecisionDebrief {
  node: string;
  /** What the customer had just said. */
  customer: string;
  timedOut: boolean;
  /** The reply chosen; null for a timeout. */
  said: string | null;
  /** The chosen reply's coaching. */
  feedback: string | null;
  /** This decision's tact, 0..100. */
  tact: number;
  ms: number;
  limitMs: number | null;
  /** A reply with the highest tact offered was chosen (a tie counts). */
  wasBest: boolean;
  critical: boolean;
  /** The best reply offered, when a better one than the choice was on offer (or time ran out). */
  best: { say: string; feedback: string | null } | null;
  /** The techniques the chosen reply showed, from the catalogue. */
  techniques: Technique[];
}

/** Everything a debrief says about the choices, in the order to say it. */
export interface Debrief {
  /** Named first: any one fails the play. */
  critical: CriticalMistake[];
  decisions: DecisionDebrief[];
}

/**
 * What the debrief says about each choice, worked out once for the terminal
 * and the browser alike, so the two can never disagree on which reply was
 * best or what the coaching was. Renderers only lay it out.
 *
 * @example debriefOf(compiled, result, catalogue).decisions[0].wasBest
 */
export function debriefOf(compiled: CompiledScenario, result: ConversationResult, catalogue: TechniqueCatalogue): Debrief {
  const decisions = result.decisions.map((d): DecisionDebrief => {
    const node = compiled.scenario.nodes[d.node] as DialogueNode;
    const chosen = d.replyIndex === null ? undefined : node.replies[d.replyIndex - 1];
    const wasBest = wasBestReply(node, d);
    const best = wasBest ? undefined : bestOfferedReply(node, d);
    return {
      node: d.node,
      customer: node.customer,
      timedOut: d.timedOut,
      said: chosen?.say ?? null,
      feedback: chosen?.feedback ?? null,
      tact: Math.round(decisionTact(d) * 100),
      ms: d.ms,
      limitMs: d.limitMs,
      wasBest,
      critical: d.critical,
      best: best ? { say: best.say, feedback: best.feedback ?? null } : null,
      techniques: d.techniques.map((id) => catalogue.get(id) ?? { id, label: id, kind: 'good', tip: '' }),
    };
  });
  return { critical: criticalMistakes(compiled, result, catalogue), decisions };
}
