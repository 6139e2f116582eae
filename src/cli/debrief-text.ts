import type { ConversationResult } from '../engine/index.ts';
import { debriefOf } from '../engine/index.ts';
import type { TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario } from '../engine/index.ts';

/**
 * The debrief as plain text for the terminal: ending, outcome, scores with
 * pass/fail, then every decision with the best offered reply and coaching.
 */
export function debriefText(compiled: CompiledScenario, result: ConversationResult, catalogue: TechniqueCatalogue): string {
  const { scenario } = compiled;
  const ending = scenario.endings[result.ending]!;
  const lines: string[] = [];
  lines.push('', `── Debrief: ${scenario.title} ──`);
  const debrief = debriefOf(compiled, result, catalogue);
  // A critical mistake is named before anything else: it decides the verdict.
  for (const mistake of debrief.critical) {
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
  debrief.decisions.forEach((d, i) => {
    lines.push('', `${i + 1}. ${scenario.customer.name}: “${d.customer}”`);
    if (d.timedOut) {
      lines.push('   You let the time run out (tact 0, speed 0).');
    } else {
      lines.push(`   You said: “${d.said}” (${(d.ms / 1000).toFixed(1)} s, tact score ${d.tact})`);
      if (d.techniques.length > 0) lines.push(`   Techniques: ${d.techniques.map((t) => `${t.label}${t.kind === 'poor' ? ' (poor)' : ''}`).join(', ')}`);
      if (d.critical) lines.push('   Critical mistake: this reply alone fails the play.');
      if (d.feedback) lines.push(`   Coaching: ${d.feedback}`);
    }
    if (d.best) lines.push(`   Best reply offered: “${d.best.say}”`);
  });
  return lines.join('\n');
}
