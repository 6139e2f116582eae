/**
 * When the audit calls something a finding. Each applies to every scenario
 * and to the set of files audited together; a trainer can change any of them
 * (`tactful audit --threshold random-pass=0.2`).
 */
export interface AuditThresholds {
  /** A rule of thumb may pass at most this share of its plays (0..1). */
  naivePass: number;
  /** Random play may pass at most this share of its plays (0..1). */
  randomPass: number;
  /** Random play must average below this overall score. */
  randomMean: number;
  /** The longest reply may be a best reply (and the shortest a worst) at most at this share of decisions (0..1). */
  lengthBias: number;
  /** How many times each randomised rule is played per scenario. */
  runs: number;
  /** How many times random play is played per scenario. */
  randomRuns: number;
  /** Seed for the randomised rules, so an audit is repeatable. */
  seed: number;
  /** Most routes walked per scenario for ranking and spread. */
  routeLimit: number;
}

/** The defaults, documented in docs/audit.md. */
export const DEFAULT_THRESHOLDS: AuditThresholds = {
  naivePass: 0.15,
  randomPass: 0.1,
  randomMean: 60,
  lengthBias: 0.45,
  runs: 40,
  randomRuns: 200,
  seed: 1,
  routeLimit: 50_000,
};

/** The CLI names of the thresholds (`--threshold naive-pass=0.2`). */
export const THRESHOLD_NAMES: Record<string, keyof AuditThresholds> = {
  'naive-pass': 'naivePass',
  'random-pass': 'randomPass',
  'random-mean': 'randomMean',
  'length-bias': 'lengthBias',
  runs: 'runs',
  'random-runs': 'randomRuns',
  seed: 'seed',
  'route-limit': 'routeLimit',
};
