import { describe, expect, it } from 'vitest';
import { auIri, cmi5CourseStructure, courseIri, DEFAULT_ID_BASE } from '../../../src/cli/package/cmi5-course-structure.ts';
import { asFraction, course, packagedScenario, type PackagedScenario } from '../../../src/cli/package/course.ts';
import { scorm12Manifest } from '../../../src/cli/package/scorm12-manifest.ts';
import { scorm2004Manifest } from '../../../src/cli/package/scorm2004-manifest.ts';
import { compileFile } from '../helpers.ts';
import { attributeValues, elementTexts, xmllint } from './package-helpers.ts';

/**
 * The manifests on their own (no build): whatever a trainer writes in a
 * title or summary, each stays valid against the official schemas and says
 * what the trainer wrote.
 */
const awkward: PackagedScenario = {
  id: '24-hour-refund',
  title: 'Fish & "chips" <large>, café\u0007 — 100% ✓',
  summary: 'She says: "it\'s <broken> & I want it now"\nSecond line.',
  locale: 'en-GB',
  passMark: 72.5,
  masteryScore: 72.5,
};
const critical: PackagedScenario = { id: 'worn-once', title: 'Worn once', summary: 'S', locale: 'en-US', passMark: 70, masteryScore: null };
const files = ['assets/index-abc.js', 'assets/sting ünïcode & more.ogg', 'index.html'];
const c = course('Returns & "refunds" <2025>', [awkward, critical]);

describe('manifests for any title a trainer writes', () => {
  it.each([
    ['scorm12', scorm12Manifest(c, files)],
    ['scorm2004', scorm2004Manifest(c, files)],
    ['cmi5', cmi5CourseStructure(c, DEFAULT_ID_BASE)],
  ] as const)('%s: valid against the official schemas, with the titles as written (minus characters XML cannot carry)', (schema, xml) => {
    const result = xmllint(xml, schema);
    expect(result.valid, result.output).toBe(true);
    const titles = schema === 'cmi5' ? elementTexts(xml, 'langstring').filter((_, i) => i % 2 === 0) : elementTexts(xml, 'title');
    expect(titles).toEqual(['Returns & "refunds" <2025>', 'Fish & "chips" <large>, café — 100% ✓', 'Worn once']);
  });

  it('keeps the file names exact in the SCORM resource lists', () => {
    expect(attributeValues(scorm12Manifest(c, files), 'href').slice(-3)).toEqual(files);
  });

  it('gives identifiers that start with a letter even when a scenario id or title starts with a digit', () => {
    const manifest = scorm2004Manifest(course('2025 returns', [awkward]), files);
    expect(attributeValues(manifest, 'identifier')).toEqual(['course-2025-returns-package', 'course-2025-returns', 'item-24-hour-refund', 'sco-24-hour-refund', 'tactful-game-files']);
  });
});

describe('the pass mark in the LMS', () => {
  it('is the scenario\'s pass mark, as a fraction where the standard wants one', () => {
    expect(asFraction(70)).toBe('0.7');
    expect(asFraction(72.5)).toBe('0.725');
    expect(asFraction(33)).toBe('0.33');
    expect(scorm12Manifest(c, files)).toContain('<adlcp:masteryscore>72.5</adlcp:masteryscore>');
    expect(scorm2004Manifest(c, files)).toContain('<imsss:minNormalizedMeasure>0.725</imsss:minNormalizedMeasure>');
    expect(cmi5CourseStructure(c, DEFAULT_ID_BASE)).toContain('masteryScore="0.725"');
  });

  it('is left to the game for a scenario whose critical reply fails a play whatever its score', () => {
    expect(packagedScenario(compileFile('scenarios/worn-once.yaml').scenario)).toMatchObject({ id: 'worn-once', passMark: 70, masteryScore: null });
    expect(packagedScenario(compileFile('scenarios/estimated-read.yaml').scenario)).toMatchObject({ id: 'estimated-read', passMark: 70, masteryScore: 70 });
  });
});

describe('cmi5 ids', () => {
  it('come from --id-base, the title and the scenario id, so a new version of a package is the same course', () => {
    expect(courseIri('https://tactful.example/', course('Returns desk', []).slug)).toBe('https://tactful.example/courses/returns-desk');
    expect(auIri('https://acme.test/t/', course('Café: Returns!', []).slug, 'worn-once')).toBe('https://acme.test/t/courses/cafe-returns/scenarios/worn-once');
    expect(course('!!!', []).slug).toBe('course');
  });
});
