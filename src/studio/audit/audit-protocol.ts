import type { AuditThresholds, ScenarioAudit } from '../../audit/index.ts';
import type { EndingSpread } from './ending-spread.ts';

/** What the page asks the audit worker: audit this text, as the file `file` (the path the CLI would print). */
export interface AuditRequest {
  kind: 'audit';
  version: number;
  file: string;
  text: string;
}

/**
 * The audit worker's answer to one request: the audit (as `tactful audit`
 * makes it, with the score spread per ending), or the file's lint errors
 * (the CLI does not audit a file with errors either), or what went wrong.
 */
export type AuditAnswer =
  | { kind: 'audited'; version: number; audit: ScenarioAudit; endings: EndingSpread[]; thresholds: AuditThresholds; ms: number }
  | { kind: 'lint-errors'; version: number; errors: number; first: string }
  | { kind: 'failed'; version: number; message: string };
