import { parse } from 'yaml';
import type { Problem } from './problem.ts';

/** A technique a reply can demonstrate: good practice or a poor habit. */
export interface Technique {
  id: string;
  label: string;
  kind: 'good' | 'poor';
  /** One line of coaching shown in the debrief. */
  tip: string;
  /**
   * A critical mistake (e.g. calling the customer a liar, breaking a safety
   * rule): any reply that lists it fails the play, whatever its overall.
   */
  critical?: boolean;
}

/** The ids of good practice defined by the format itself. */
export const BUILT_IN_GOOD = [
  'acknowledge', 'appreciate', 'listen', 'ask-for-facts', 'check-evidence', 'way-out', 'educate', 'offer-options',
  'own-the-next-step', 'stay-calm', 'act-promptly', 'set-boundary', 'document',
] as const;
/** The ids of poor practice defined by the format itself. */
export const BUILT_IN_POOR = [
  'accuse', 'call-them-wrong', 'blame', 'argue', 'lecture', 'over-apologize', 'give-in', 'stall', 'dismiss', 'jargon',
] as const;

/** Technique ids to full entries. */
export type TechniqueCatalogue = ReadonlyMap<string, Technique>;

/**
 * The catalogue every scenario can use: the built-in ids, with labels and
 * tips from `scenarios/techniques.yaml` when it is given, plus any ids a
 * trainer added there.
 */
export function buildCatalogue(techniquesYaml?: string, file = 'scenarios/techniques.yaml'): { catalogue: TechniqueCatalogue; problems: Problem[] } {
  const catalogue = new Map<string, Technique>();
  for (const id of BUILT_IN_GOOD) catalogue.set(id, { id, label: humanise(id), kind: 'good', tip: '' });
  for (const id of BUILT_IN_POOR) catalogue.set(id, { id, label: humanise(id), kind: 'poor', tip: '' });
  const problems: Problem[] = [];
  if (techniquesYaml === undefined) return { catalogue, problems };
  const fail = (message: string): { catalogue: TechniqueCatalogue; problems: Problem[] } => ({
    catalogue,
    problems: [{ file, line: 1, column: 1, severity: 'error', rule: 'techniques-file', message }],
  });
  let data: unknown;
  try {
    data = parse(techniquesYaml, { maxAliasCount: 50 });
  } catch (error) {
    return fail(`cannot read the techniques file: ${(error as Error).message.split('\n')[0]}`);
  }
  const entries = (data as { techniques?: unknown } | null)?.techniques;
  if (!entries || typeof entries !== 'object' || Array.isArray(entries)) return fail('expected a "techniques:" mapping of id → { label, kind, tip }');
  for (const [id, raw] of Object.entries(entries as Record<string, unknown>)) {
    const entry = (raw ?? {}) as Partial<Technique>;
    if (entry.kind !== 'good' && entry.kind !== 'poor') {
      problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'techniques-file', message: `technique "${id}" needs "kind: good" or "kind: poor"` });
      continue;
    }
    if (entry.critical !== undefined && typeof entry.critical !== 'boolean') {
      problems.push({ file, line: 1, column: 1, severity: 'error', rule: 'techniques-file', message: `technique "${id}": "critical" must be true or false` });
      continue;
    }
    catalogue.set(id, { id, label: String(entry.label ?? humanise(id)), kind: entry.kind, tip: String(entry.tip ?? ''), ...(entry.critical ? { critical: true } : {}) });
  }
  return { catalogue, problems };
}

function humanise(id: string): string {
  const text = id.replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
