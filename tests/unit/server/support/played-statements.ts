import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, playChoices, parseChoices, type CompiledScenario, type ConversationResult, type TimerSetting } from '../../../../src/engine/index.ts';
import { buildCatalogue } from '../../../../src/scenario/index.ts';
import type { PlayInProgress } from '../../../../src/report/results.ts';
import type { XapiStatement } from '../../../../src/report/xapi/statement.ts';
import { answeredStatement, completedStatement, initializedStatement, scoredStatement, type StatementSetting } from '../../../../src/report/xapi/statements.ts';

const SCENARIOS = join(import.meta.dirname, '../../../../scenarios');

/** A shipped scenario, compiled by the engine. */
export function shippedScenario(id: string): CompiledScenario {
  const { catalogue } = buildCatalogue(readFileSync(join(SCENARIOS, 'techniques.yaml'), 'utf8'));
  const file = join(SCENARIOS, `${id}.yaml`);
  const { compiled, problems } = loadScenario(file, readFileSync(file, 'utf8'), catalogue);
  if (!compiled) throw new Error(`${id} does not load: ${problems.map((p) => p.message).join('; ')}`);
  return compiled;
}

/** A whole play, reply `pick` at every decision (until the ending), through the engine. */
export function playThrough(compiled: CompiledScenario, pick: number, timers: TimerSetting = 'standard'): ConversationResult {
  for (let steps = 1; steps <= 40; steps++) {
    const parsed = parseChoices(Array.from({ length: steps }, () => String(pick)).join(','));
    if ('error' in parsed) throw new Error(parsed.error);
    const played = playChoices(compiled, parsed.steps, timers);
    if ('result' in played) return played.result;
  }
  throw new Error(`playing reply ${pick} every time never ends ${compiled.scenario.id}`);
}

/**
 * The statements the game's xAPI destination sends for a play, built by the
 * game's own statement builders (src/report/xapi/statements.ts): initialized,
 * one answered per decision, passed or failed, completed.
 */
export function playStatements(compiled: CompiledScenario, result: ConversationResult, options: { playId?: string; base?: string; start?: Date } = {}): XapiStatement[] {
  const start = options.start ?? new Date('2026-11-23T09:00:00Z');
  const play: PlayInProgress = { playId: options.playId ?? randomUUID(), compiled, timers: 'standard', seed: 1, startedAt: start, resumedDecisions: 0 };
  const setting: StatementSetting = {
    actor: { objectType: 'Agent', name: 'Trainee', account: { homePage: 'http://localhost', name: 'Trainee' } },
    scenarioActivity: `${options.base ?? 'http://localhost/play/'}scenarios/${encodeURIComponent(compiled.scenario.id)}`,
    registration: play.playId,
  };
  let seconds = 0;
  const stamp = (): { id: string; at: Date } => ({ id: randomUUID(), at: new Date(start.getTime() + 1000 * seconds++) });
  return [
    initializedStatement(setting, play, stamp()),
    ...result.decisions.map((decision, i) => answeredStatement(setting, play, decision, i + 1, stamp())),
    scoredStatement(setting, play, result, stamp()),
    completedStatement(setting, play, stamp()),
  ];
}
