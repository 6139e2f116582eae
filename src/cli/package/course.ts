import type { Scenario } from '../../scenario/index.ts';

/** One scenario as a package presents it to an LMS: one SCO (SCORM) or AU (cmi5). */
export interface PackagedScenario {
  id: string;
  title: string;
  summary: string;
  /** BCP 47 language of its text. */
  locale: string;
  /** Overall score needed to pass, 0..100. */
  passMark: number;
  /**
   * The pass mark the LMS may apply by itself (SCORM mastery score, cmi5
   * masteryScore), or null when the score alone does not decide a pass.
   * A scenario with a critical reply fails a play that chooses it, whatever
   * its overall; an LMS told "pass at 70" would mark such a play passed on
   * its score and disagree with the debrief, so the LMS is then left to take
   * the game's own passed/failed.
   */
  masteryScore: number | null;
}

/** What one package holds: a title and its scenarios, in the order given. */
export interface Course {
  /** The course (organization) title, `--title` (default "Tactful"). */
  title: string;
  /** A name made of a–z, 0–9 and "-" from the title, for identifiers. */
  slug: string;
  scenarios: PackagedScenario[];
}

/** The course title when `--title` is not given. */
export const DEFAULT_COURSE_TITLE = 'Tactful';

/**
 * The package's view of a checked scenario.
 *
 * @example packagedScenario(scenario).masteryScore // 70, or null when a reply is critical
 */
export function packagedScenario(scenario: Scenario): PackagedScenario {
  const critical = Object.values(scenario.nodes).some((node) => node.kind === 'dialogue' && node.replies.some((reply) => reply.critical));
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    locale: scenario.locale,
    passMark: scenario.scoring.passMark,
    masteryScore: critical ? null : scenario.scoring.passMark,
  };
}

/**
 * The course for a title and its scenarios.
 *
 * @example course('Returns desk', scenarios).slug // 'returns-desk'
 */
export function course(title: string, scenarios: PackagedScenario[]): Course {
  return { title, slug: slugOf(title), scenarios };
}

/** Letters and digits of a title, lower case, accents dropped, joined by "-" ("Café: Returns!" → "cafe-returns"); "course" when none is left. */
function slugOf(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'course' : slug.slice(0, 60).replace(/-+$/, '');
}

/** The language most of the course's scenarios are written in (the first one's on a tie), for the course's own text. */
export function courseLocale(c: Course): string {
  const counts = new Map<string, number>();
  for (const s of c.scenarios) counts.set(s.locale, (counts.get(s.locale) ?? 0) + 1);
  let best = c.scenarios[0]?.locale ?? 'en';
  for (const [locale, n] of counts) if (n > (counts.get(best) ?? 0)) best = locale;
  return best;
}

/**
 * A 0..100 mark as the 0..1 fraction SCORM 2004 and cmi5 use, without float noise.
 *
 * @example asFraction(70) // '0.7'
 */
export function asFraction(mark: number): string {
  return String(Math.round(mark * 100) / 10_000);
}
