import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { convertTwee } from '../../../../src/authoring/twee/index.ts';

const FIXTURES = 'tests/fixtures/twee';

interface ReplyData { say: string; goto: string; tact?: number; mood?: number; techniques?: string[]; feedback?: string }
/** The converted scenario as the tests read it back. */
interface ScenarioData {
  [field: string]: unknown;
  start?: string;
  customer: Record<string, unknown>;
  nodes: Record<string, { customer?: string; emotion?: string; replies: ReplyData[] }>;
  endings: Record<string, Record<string, unknown>>;
}

/** Converts Twee text and reads the scenario back as data. */
function convert(text: string, file = 'story.twee') {
  const conversion = convertTwee(text, file, 'story');
  return { ...conversion, scenario: parse(conversion.yaml ?? '{}') as ScenarioData };
}

function fixture(path: string) {
  const file = `${FIXTURES}/${path}`;
  return convert(readFileSync(file, 'utf8'), file);
}

describe('converting a Twine story: the convention', () => {
  it('makes a passage with links a node: its text the customer line, each link a reply with tact, mood, techniques and feedback', () => {
    const { scenario } = convert(':: Start\nWhere is it?\n[[Let me look {tact:+2 mood:+10 check-evidence}->Found]]\nFeedback: You looked first.\n[[Not my job {tact:-2}->Found]]\n\n:: Found [satisfied]\nThanks.');
    expect(scenario.nodes.start).toEqual({
      customer: 'Where is it?',
      replies: [
        { say: 'Let me look', tact: 2, mood: 10, techniques: ['check-evidence'], goto: 'found', feedback: 'You looked first.' },
        { say: 'Not my job', tact: -2, goto: 'found' },
      ],
    });
  });

  it('makes a passage without links an ending, its outcome from its tag and its feedback from a Feedback: line', () => {
    const { scenario, problems } = convert(':: Start\nHi\n[[Bye {tact:1}->Gone]]\n[[Go {tact:-1}->Gone]]\n:: Gone [lost angry]\nI am off.\nFeedback: She left.');
    expect(scenario.endings.gone).toEqual({ customer: 'I am off.', emotion: 'angry', outcome: 'lost', feedback: 'She left.' });
    expect(problems.filter((p) => p.rule === 'twee-outcome')).toEqual([]);
  });

  it('reads "neutral" as the outcome on an ending and as the face on a node', () => {
    const { scenario } = convert(':: Start [neutral]\nHi\n[[Bye {tact:1}->End]]\n[[Go {tact:-1}->End]]\n:: End [neutral]\nOk.');
    expect(scenario.nodes.start!.emotion).toBe('neutral');
    expect(scenario.endings.end).toEqual({ customer: 'Ok.', outcome: 'neutral' });
  });

  it('imports an ending without an outcome tag as neutral, and says how to tag it', () => {
    const { scenario, problems } = convert(':: Start\nHi\n[[Bye->End]]\n:: End\nOk.');
    expect(scenario.endings.end!.outcome).toBe('neutral');
    expect(problems.find((p) => p.rule === 'twee-outcome')).toMatchObject({ line: 4, column: 1 });
  });

  it('reads who the customer is and the brief from the Tactful passage', () => {
    const { scenario, problems } = convert(':: Tactful\ncustomer: Dana\nmood: 30\npatience: 20s\nbrief: A blender.\nsummary: Short.\n:: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOk.');
    expect(scenario.customer).toEqual({ name: 'Dana', mood: 30, patience: '20s' });
    expect(scenario).toMatchObject({ brief: 'A blender.', summary: 'Short.' });
    expect(problems).toEqual([]);
  });

  it('warns at the line of a Tactful setting it does not know', () => {
    const { problems } = convert(':: Tactful\ncustomer: Dana\ncolour: red\n:: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOk.');
    expect(problems).toMatchObject([{ line: 3, column: 1, rule: 'twee-settings' }]);
  });

  it('calls the customer "Customer" without a Tactful passage, and says how to name them', () => {
    const { scenario, problems } = convert(':: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOk.');
    expect(scenario.customer).toEqual({ name: 'Customer' });
    expect(problems[0]!.message).toContain('":: Tactful"');
  });

  it('takes the id and title from StoryTitle, else from the file name', () => {
    expect(convert(':: StoryTitle\nThe Late Repair!\n:: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOk.').scenario).toMatchObject({ id: 'the-late-repair', title: 'The Late Repair!' });
    expect(convert(':: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOk.').scenario).toMatchObject({ id: 'story', title: 'story' });
  });

  it('gives passages whose names make the same id distinct ids', () => {
    const { scenario } = convert(':: Start\nHi\n[[A->Why?]]\n[[B->why]]\n:: Why? [satisfied]\nOne.\n:: why [lost]\nTwo.');
    expect(scenario.nodes.start!.replies.map((r) => r.goto)).toEqual(['why', 'why-2']);
    expect(Object.keys(scenario.endings)).toEqual(['why', 'why-2']);
  });

  it('leaves out story-format code passages, with a warning, and keeps the first of two passages with one name', () => {
    const { scenario, problems } = convert(':: StoryInit\n(set: $a to 1)\n:: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOne.\n:: End [lost]\nTwo.');
    expect(scenario.endings).toEqual({ end: { customer: 'One.', outcome: 'satisfied' } });
    expect(problems.map((p) => p.rule)).toEqual(expect.arrayContaining(['twee-code-passage', 'twee-duplicate-passage']));
  });

  it('names the source passage and line above each node and ending in the file', () => {
    expect(convert(':: Start\nHi\n[[Bye->End]]\n\n:: End [satisfied]\nOk.').yaml).toContain('  # passage "End", line 5\n  end:\n');
  });

  it('writes a header comment naming the Twee file', () => {
    expect(convert(':: Start\nHi\n[[Bye->End]]\n:: End [satisfied]\nOk.', 'stories/late.twee').yaml).toMatch(/^# Converted from stories\/late\.twee by "tactful import"/);
  });

  it('converts nothing from a file without story passages', () => {
    expect(convertTwee(':: StoryTitle\nOnly a title', 'story.twee', 'story').yaml).toBeUndefined();
  });
});

describe('converting a Twine story: the start', () => {
  it("starts at StoryData's start passage", () => {
    expect(fixture('links/link-forms.twee').scenario.start).toBe('opening');
  });

  it('starts at the passage named "Start" when StoryData names none', () => {
    const { scenario, problems } = fixture('start/named-start.twee');
    expect(scenario.start).toBe('start');
    expect(problems.filter((p) => p.rule === 'twee-start')).toEqual([]);
  });

  it('starts at the first passage otherwise, and says so', () => {
    const { scenario, problems } = fixture('start/first-passage.twee');
    expect(scenario.start).toBe('first-words');
    expect(problems.find((p) => p.rule === 'twee-start')).toMatchObject({ line: 1 });
  });

  it('warns at StoryData when its start passage does not exist, and falls back to "Start"', () => {
    const { scenario, problems } = fixture('start/missing-start.twee');
    expect(scenario.start).toBe('start');
    const start = problems.find((p) => p.rule === 'twee-start')!;
    expect(start.line).toBe(2);
    expect(start.message).toContain('"Beginning"');
  });
});

describe('converting a Twine story: each link form', () => {
  it('makes a reply of every form, and reads braces in a plain link as the convention', () => {
    const replies = fixture('links/link-forms.twee').scenario.nodes.opening!.replies;
    expect(replies).toEqual([
      { say: 'Plain', goto: 'plain' },
      { say: 'Arrow text', tact: 2, goto: 'plain' },
      { say: 'Back arrow', tact: -1, goto: 'plain' },
      { say: 'Bar text', goto: 'plain' },
      { say: 'Simple with braces', tact: 0, goto: 'simple-with-braces' },
    ]);
  });
});

describe('converting a Twine story: what cannot be converted', () => {
  it('lists each problem in the broken fixture at its Twee line and column', () => {
    const { problems } = fixture('broken/broken-links.twee');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '1:1 twee-settings',
      '4:1 twee-tag',
      '5:1 twee-macro',
      '5:27 twee-variable',
      '5:46 twee-html',
      '5:54 twee-html',
      '7:1 twee-missing-passage',
      '8:1 twee-macro',
      '11:1 twee-macro',
      '11:23 twee-macro',
      '12:1 twee-reply-markup',
      '15:1 twee-empty-passage',
      '19:1 twee-outcome',
    ]);
    expect(problems.every((p) => p.severity === 'warning' && p.file === `${FIXTURES}/broken/broken-links.twee`)).toBe(true);
  });

  it('keeps a link to a missing passage as a goto, so the linter points at it too', () => {
    const { scenario } = fixture('broken/broken-links.twee');
    expect(scenario.nodes.start!.replies[1]).toMatchObject({ say: 'Wait a moment', goto: 'nowhere' });
  });
});
