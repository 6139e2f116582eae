import { randomUUID } from 'node:crypto';
import { walkRoutes, type CompiledScenario, type ConversationResult } from '../../../src/engine/index.ts';
import type { PlayInProgress } from '../../../src/report/results.ts';
import { compileFile } from '../helpers.ts';

/**
 * Real plays for the xAPI and cmi5 tests: worn-once played by the engine
 * (every route walked), one that passes and one with a timed-out decision.
 */
export const compiled: CompiledScenario = compileFile('scenarios/worn-once.yaml');

function pickRoute(test: (result: ConversationResult, choices: string[]) => boolean): ConversationResult {
  let found: ConversationResult | undefined;
  walkRoutes(compiled, (route) => {
    if (!found && test(route.result, route.choices)) found = route.result;
  });
  if (!found) throw new Error('no worn-once route fits this test');
  return found;
}

/** A play that passes, with several decisions. */
export const passedResult = pickRoute((r) => r.passed && r.decisions.length >= 3);
/** A play that fails, with a timed-out decision. */
export const timedOutResult = pickRoute((r, choices) => !r.passed && choices.includes('t'));

/** The play in progress the game would report. */
export function playOf(overrides: Partial<PlayInProgress> = {}): PlayInProgress {
  return {
    playId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    compiled,
    timers: 'standard',
    seed: 42,
    startedAt: new Date('2026-11-23T09:00:00.000Z'),
    resumedDecisions: 0,
    ...overrides,
  };
}

/**
 * Ids `<prefix>-0000-4000-8000-000000000001`, …02, … in order: exact, and
 * valid UUIDs. The prefix (8 hex digits, random unless given) keeps tests
 * sharing one LRS apart: an LRS treats a known id as the same statement.
 */
export function countingIds(prefix = randomUUID().slice(0, 8)): () => string {
  let n = 0;
  return () => `${prefix}-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
