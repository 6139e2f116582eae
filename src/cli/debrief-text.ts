import type { ConversationResult } from '../engine/index.ts';
import { bestOfferedReply, criticalMistakes, decisionTact, wasBestReply } from '../engine/index.ts';
import type { CompiledScenario, DialogueNode, TechniqueCatalogue } from '../scenario/index.ts';

/**
 * The debrief as plain text for the terminal: ending, outcome, scores with
 * pass/fail, then every decision with the best offered reply and coaching.
 */
export function debriefText(compiled: CompiledScenario, result: ConversationResult, catalogue: TechniqueCatalogue): string {
  const { scenario } = compiled;
  const ending = scenario.endings[result.ending]!;
  const lines: string[] = [];
  lines.push('', `── Debrief: ${scenario.title} ──`);
  // A critical mistake is named before anything else: it decides the verdict.
  for (const mistake of criticalMistakes(compiled, result, catalogue)) {
    lines.push(`CRITICAL MISTAKE (this play cannot pass): you said “${mistake.say}”${mistake.techniques.length > 0 ? ` (${mistake.techniques.join(', ')})` : ''}`, `   Why: ${mistake.why}`, '');
  }
  if (ending.customer) lines.push(`${scenario.customer.name}: “${ending.customer}”`);
  lines.push(result.satisfied ? 'Customer left satisfied.' : `Customer did not leave satisfied (outcome: ${result.outcome}).`);
  if (ending.feedback) lines.push(ending.feedback);
  const s = result.scores;
  const extra = Object.entries(scenario.scoring.dimensions).map(([id, d]) => `${d.label} ${s[id] ?? '-'}`);
  lines.push(
    '',
    [`Tact ${s.tact ?? 'not scored'}`, s.speed === null ? 'Speed not scored' : `Speed ${s.speed}`, `Satisfaction ${s.satisfaction}`, ...extra].join(' · '),
    `Overall ${s.overall} — ${result.passed ? 'PASSED' : 'NOT PASSED'} (pass mark ${result.passMark}${result.criticalMistakes.length > 0 ? '; a critical mistake fails the play' : ''})`,
  );
  if (result.decisions.length > 0) lines.push('', 'Your decisions:');
  result.decisions.forEach((d, i) => {
    const node = scenario.nodes[d.node] as DialogueNode;
    lines.push('', `${i + 1}. ${scenario.customer.name}: “${node.customer}”`);
    if (d.timedOut) {
      lines.push('   You let the time run out (tact 0, speed 0).');
    } else {
      const chosen = node.replies[d.replyIndex! - 1]!;
      lines.push(`   You said: “${chosen.say}” (${(d.ms / 1000).toFixed(1)} s, tact score ${Math.round(decisionTact(d) * 100)})`);
      if (chosen.techniques.length > 0) {
        lines.push(`   Techniques: ${chosen.techniques.map((t) => `${catalogue.get(t)?.label ?? t}${catalogue.get(t)?.kind === 'poor' ? ' (poor)' : ''}`).join(', ')}`);
      }
      if (chosen.critical) lines.push('   Critical mistake: this reply alone fails the play.');
      if (chosen.feedback) lines.push(`   Coaching: ${chosen.feedback}`);
    }
    const best = bestOfferedReply(node, d);
    if (best && !wasBestReply(node, d)) lines.push(`   Best reply offered: “${best.say}”`);
  });
  return lines.join('\n');
}
