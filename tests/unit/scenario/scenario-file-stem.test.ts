import { describe, expect, it } from 'vitest';
import { isCatalogueFileName, isScenarioFileName, scenarioFileStem } from '../../../src/scenario/index.ts';

/**
 * The id the game's menu falls back to for a file whose own id cannot be
 * read: the file's name without its folder and YAML extension.
 */
describe('a scenario file name without folder and extension', () => {
  it.each([
    ['angry-refund.yaml', 'angry-refund'],
    ['scenarios/angry-refund.yml', 'angry-refund'],
    ['C:\\trainers\\scenarios\\Late-Delivery.YAML', 'Late-Delivery'],
    ['a/b.c/late.delivery.yaml', 'late.delivery'],
  ])('%s gives %s', (path, stem) => {
    expect(scenarioFileStem(path)).toBe(stem);
  });

  it('keeps the folder out of the scenario and catalogue checks as well', () => {
    expect(isScenarioFileName('techniques/opening.yaml')).toBe(true);
    expect(isCatalogueFileName('scenarios\\techniques.yml')).toBe(true);
    expect(isScenarioFileName('scenarios\\techniques.yml')).toBe(false);
  });
});
