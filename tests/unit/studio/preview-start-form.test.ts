import { describe, expect, it } from 'vitest';
import { startPointProblems, type StartPoint } from '../../../src/engine/index.ts';
import { checkScenario } from '../../../src/scenario/index.ts';
import { newScenarioText } from '../../../src/studio/files/template.ts';
import { playOutline, type PlayOutline } from '../../../src/studio/preview/play-outline.ts';
import { inputKind, startFromForm, valuesFor } from '../../../src/studio/preview/start-form.ts';
import { catalogue } from '../helpers.ts';

/** The template with a number and a text variable besides its true/false one. */
const TEXT = newScenarioText('late-parcel').replace('  checkedAddress: false\n', '  checkedAddress: false\n  calls: 0\n  channel: phone\n');
const scenario = checkScenario('scenarios/late-parcel.yaml', TEXT, catalogue).scenario!;
const outline: PlayOutline = playOutline(scenario);

/** The start point as the preview checks it (a null node is the scenario's start). */
const asStartPoint = (form: ReturnType<typeof startFromForm>): StartPoint => ({ ...form, node: form.node ?? scenario.start });

describe('the Play panel\'s start form', () => {
  it('lists the dialogue and branch nodes with their lines, and the variables with their declared values', () => {
    expect(outline.start).toBe('opening');
    expect(outline.mood).toBe(35);
    expect(outline.nodes).toEqual([
      { id: 'opening', kind: 'dialogue', line: 'The tracking says delivered. It wasn\'t. Where is my parcel?' },
      { id: 'address', kind: 'dialogue', line: 'It\'s 14 Rose Lane. Same as always.' },
      { id: 'outcome', kind: 'branch', line: '→ reassured, unhappy' },
    ]);
    expect(Object.entries(outline.variables).map(([name, value]) => [name, inputKind(value)])).toEqual([
      ['checkedAddress', 'checkbox'],
      ['calls', 'number'],
      ['channel', 'text'],
    ]);
  });

  it('starts with the scenario\'s values, which give a start the engine accepts', () => {
    const values = valuesFor(outline, null, { mood: false });
    expect(values).toEqual({ node: '', mood: '35', variables: { checkedAddress: false, calls: '0', channel: 'phone' } });
    const from = startFromForm(outline, values);
    expect(from).toEqual({ node: null, mood: 35, variables: { checkedAddress: false, calls: 0, channel: 'phone' } });
    expect(startPointProblems(scenario, asStartPoint(from))).toEqual([]);
  });

  it('turns a middle node, a mood and typed variables into the start point', () => {
    const from = startFromForm(outline, { node: 'address', mood: '20', variables: { checkedAddress: true, calls: '3', channel: 'email' } });
    expect(from).toEqual({ node: 'address', mood: 20, variables: { checkedAddress: true, calls: 3, channel: 'email' } });
    expect(startPointProblems(scenario, asStartPoint(from))).toEqual([]);
  });

  it('keeps the scenario\'s value for an empty mood or number field', () => {
    expect(startFromForm(outline, { node: '', mood: ' ', variables: { checkedAddress: false, calls: '', channel: '' } })).toEqual({ node: null, variables: { checkedAddress: false, channel: '' } });
  });

  it('passes a bad value through, for the engine\'s check to name it', () => {
    const from = startFromForm(outline, { node: 'address', mood: '150', variables: { checkedAddress: false, calls: 'three', channel: 'phone' } });
    expect(startPointProblems(scenario, asStartPoint(from))).toEqual(['Mood must be a number from 0 to 100 (got 150).', 'Variable "calls" holds a number, not "three".']);
  });

  it('keeps what the trainer entered when the file changes, where it still fits', () => {
    const entered = { node: 'address', mood: '12', variables: { checkedAddress: true, calls: '4', channel: 'chat' } };
    // The file now declares calls as text and drops the address node.
    const changed = playOutline(checkScenario('scenarios/late-parcel.yaml', TEXT.replace('  calls: 0\n', '  calls: none\n'), catalogue).scenario!);
    changed.nodes = changed.nodes.filter((n) => n.id !== 'address');
    expect(valuesFor(changed, entered, { mood: true })).toEqual({ node: '', mood: '12', variables: { checkedAddress: true, calls: '4', channel: 'chat' } });
    // A mood the trainer never touched follows the file's.
    expect(valuesFor({ ...changed, mood: 60 }, entered, { mood: false }).mood).toBe('60');
  });
});
