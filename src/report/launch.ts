/**
 * How the game was launched, read once from its address (and, for a web
 * package, the optional `tactful-config.json` written next to index.html by
 * `tactful package --lrs …`). It decides which results destinations a play
 * is reported to:
 *
 * - `?lms=scorm12` / `?lms=scorm2004`: a SCO in a SCORM LMS (the manifest's
 *   launch address sets it, with `scenario=ID`);
 * - `?lms=cmi5`: an AU launched by a cmi5 LMS, which adds `endpoint`,
 *   `fetch`, `actor`, `registration` and `activityId`;
 * - no `lms`: the web game; xAPI is sent when an LRS is configured, by the
 *   package's config file or by `?lrs=URL&lrs-key=KEY&lrs-secret=SECRET`
 *   (the query wins, so one build can serve several LRSs).
 *
 * The browser's own history and resume are always kept.
 */
export type LmsKind = 'scorm12' | 'scorm2004' | 'cmi5';

/** Where xAPI statements go outside an LMS launch. */
export interface LrsSettings {
  /** The LRS's xAPI endpoint, ending in `/`. */
  endpoint: string;
  key: string;
  secret: string;
  /** The trainee's name when the launch already knows it (a live session's join): then it is not asked. */
  learnerName?: string;
}

/** What the launch asked for. */
export interface LaunchSettings {
  /** The LMS hosting this launch, or null for the web game. */
  lms: LmsKind | null;
  /** The scenario a package launch opens (its briefing); null for the menu. */
  scenario: string | null;
  /** The LRS configured for the web game, or null. */
  lrs: LrsSettings | null;
}

/** The contents of `tactful-config.json`, as `tactful package --format web` writes it. */
export interface PackageConfig {
  lrs?: LrsSettings;
}

const LMS_KINDS: readonly LmsKind[] = ['scorm12', 'scorm2004', 'cmi5'];

/** Ends an endpoint with one `/`, as xAPI resource paths are appended to it. */
function withSlash(endpoint: string): string {
  return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

/**
 * Reads the launch from an address and the package's config (if any). An
 * unknown `lms` value is ignored (the web game runs), never an error: a
 * trainee cannot fix a launch address.
 *
 * @example launchSettings('https://lms.example/sco/index.html?scenario=worn-once&lms=scorm12').lms // 'scorm12'
 */
export function launchSettings(href: string, config: PackageConfig = {}): LaunchSettings {
  const params = new URL(href).searchParams;
  const lmsParam = params.get('lms');
  const lms = LMS_KINDS.find((kind) => kind === lmsParam) ?? null;
  const scenario = params.get('scenario')?.trim() || null;
  const queryEndpoint = params.get('lrs')?.trim();
  const lrs: LrsSettings | null = queryEndpoint
    ? { endpoint: withSlash(queryEndpoint), key: params.get('lrs-key') ?? '', secret: params.get('lrs-secret') ?? '' }
    : config.lrs?.endpoint
      ? { ...config.lrs, endpoint: withSlash(config.lrs.endpoint) }
      : null;
  return { lms, scenario, lrs };
}

/**
 * Reads a `tactful-config.json` value: only a complete `lrs` entry (three
 * strings, an endpoint) is taken; anything else is no config at all (a
 * trainee cannot fix a package, and the game runs without an LRS).
 *
 * @example packageConfigFrom({ lrs: { endpoint: 'https://lrs.example/xapi', key: 'k', secret: 's' } }).lrs?.key // 'k'
 */
export function packageConfigFrom(value: unknown): PackageConfig {
  if (typeof value !== 'object' || value === null) return {};
  const lrs = (value as { lrs?: unknown }).lrs;
  if (typeof lrs !== 'object' || lrs === null) return {};
  const { endpoint, key, secret } = lrs as Record<string, unknown>;
  if (typeof endpoint !== 'string' || endpoint.trim() === '' || typeof key !== 'string' || typeof secret !== 'string') return {};
  return { lrs: { endpoint: endpoint.trim(), key, secret } };
}

/**
 * The package's config, fetched from `tactful-config.json` next to the
 * game. Every build carries one (without an LRS); a missing, unreadable or
 * malformed file is no config, never an error: the game runs without an LRS.
 */
export async function readPackageConfig(url = './tactful-config.json', get: typeof fetch = (input, init) => fetch(input, init)): Promise<PackageConfig> {
  try {
    const response = await get(url, { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) return {};
    return packageConfigFrom(await response.json());
  } catch {
    return {};
  }
}
