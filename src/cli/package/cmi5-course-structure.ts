import { asFraction, courseLocale, type Course } from './course.ts';
import { launchAddress } from './launch-address.ts';
import { xmlAttribute, xmlText } from './xml.ts';

/** Where the course and AU ids live when `--id-base` is not given. `.example` is reserved: it never names a real site. */
export const DEFAULT_ID_BASE = 'https://tactful.example/';

/**
 * The course's IRI: `<id-base>courses/<title slug>`. Stable for the same
 * title, so a new version of a package is the same course to the LMS.
 *
 * @example courseIri('https://training.acme.com/', 'returns-desk') // 'https://training.acme.com/courses/returns-desk'
 */
export function courseIri(idBase: string, courseSlug: string): string {
  return `${idBase}courses/${courseSlug}`;
}

/**
 * A scenario's AU IRI: the course's, then `/scenarios/<scenario id>`.
 *
 * @example auIri('https://tactful.example/', 'tactful', 'worn-once') // 'https://tactful.example/courses/tactful/scenarios/worn-once'
 */
export function auIri(idBase: string, courseSlug: string, scenarioId: string): string {
  return `${courseIri(idBase, courseSlug)}/scenarios/${scenarioId}`;
}

/**
 * `cmi5.xml`, the cmi5 course structure (checked in the tests against the
 * cmi5 working group's CourseStructure.xsd). One AU per scenario, launching
 * `index.html?scenario=ID&lms=cmi5` (the LMS appends the cmi5 launch
 * parameters). `moveOn="Passed"`: the trainee has done a scenario when a
 * play passes, which is what a trainer setting a pass mark means (the game
 * always finishes a play it starts, so "Completed" would say nothing).
 * `masteryScore` is the pass mark as 0..1, left out for a scenario with a
 * critical reply, where the game's own passed/failed decides (a critical
 * mistake fails a play whatever its score).
 *
 * @param idBase an absolute IRI ending in "/" (`--id-base`, default {@link DEFAULT_ID_BASE}).
 */
export function cmi5CourseStructure(c: Course, idBase: string): string {
  const lang = xmlAttribute(courseLocale(c));
  const description = `Customer conversations to practise: ${c.scenarios.map((s) => s.title).join('; ')}`;
  const aus = c.scenarios.flatMap((s) => [
    `  <au id="${xmlAttribute(auIri(idBase, c.slug, s.id))}" moveOn="Passed"${s.masteryScore === null ? '' : ` masteryScore="${asFraction(s.masteryScore)}"`}>`,
    `    <title><langstring lang="${xmlAttribute(s.locale)}">${xmlText(s.title)}</langstring></title>`,
    `    <description><langstring lang="${xmlAttribute(s.locale)}">${xmlText(s.summary)}</langstring></description>`,
    `    <url>${xmlText(launchAddress(s.id, 'cmi5'))}</url>`,
    '  </au>',
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">',
    `  <course id="${xmlAttribute(courseIri(idBase, c.slug))}">`,
    `    <title><langstring lang="${lang}">${xmlText(c.title)}</langstring></title>`,
    `    <description><langstring lang="${lang}">${xmlText(description)}</langstring></description>`,
    '  </course>',
    ...aus,
    '</courseStructure>',
    '',
  ].join('\n');
}
