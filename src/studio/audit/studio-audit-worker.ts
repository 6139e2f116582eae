/**
 * The studio's audit worker: `tactful audit`'s own code (`auditScenario`
 * from src/audit, on the engine, with the shipped technique catalogue) run
 * off the page's thread, since a big file's audit takes seconds. One request
 * at a time; the page terminates this worker when a newer request comes in
 * while it is busy. The file name starts with "studio-" so its chunk stays
 * out of the game's offline copy.
 */
import techniquesYaml from '../../../scenarios/techniques.yaml?raw';
import { auditScenario, DEFAULT_THRESHOLDS } from '../../audit/index.ts';
import { loadScenario } from '../../engine/index.ts';
import { buildCatalogue, formatProblem } from '../../scenario/index.ts';
import type { AuditAnswer, AuditRequest } from './audit-protocol.ts';
import { endingSpread } from './ending-spread.ts';

const scope = self as unknown as { postMessage(message: AuditAnswer): void; onmessage: ((event: MessageEvent<AuditRequest>) => void) | null };
const { catalogue } = buildCatalogue(techniquesYaml);

scope.onmessage = (event) => {
  const { version, file, text } = event.data;
  const started = performance.now();
  try {
    // The CLI's route: load (lint and compile), then audit only a file without errors.
    const loaded = loadScenario(file, text, catalogue);
    if (!loaded.compiled) {
      const errors = loaded.problems.filter((p) => p.severity === 'error');
      scope.postMessage({ kind: 'lint-errors', version, errors: errors.length, first: errors[0] ? formatProblem(errors[0]) : '' });
      return;
    }
    const audit = auditScenario(loaded.compiled, catalogue, DEFAULT_THRESHOLDS);
    const endings = endingSpread(loaded.compiled, DEFAULT_THRESHOLDS.routeLimit);
    scope.postMessage({ kind: 'audited', version, audit, endings, thresholds: DEFAULT_THRESHOLDS, ms: performance.now() - started });
  } catch (error) {
    scope.postMessage({ kind: 'failed', version, message: error instanceof Error ? error.message : String(error) });
  }
};
