import { describe, expect, it } from 'vitest';
import { findLinks, type TweePassage } from '../../../../src/authoring/twee/index.ts';
import { readPassageText } from '../../../../src/authoring/twee/passage-text.ts';

function read(text: string) {
  const passage: TweePassage = { name: 'P', tags: [], metadata: {}, text, line: 9, textLine: 10 };
  return readPassageText(passage, findLinks(text, passage.textLine), 'story.twee');
}

describe("a passage's text", () => {
  it('becomes the customer line on one line, links removed', () => {
    expect(read("Where's my phone?\nYou said Thursday.\n[[Look->A]]\n[[Wait->B]]").customer).toBe("Where's my phone? You said Thursday.");
  });

  it('gives each Feedback: line to the link above it, and one above every link to the passage', () => {
    const text = read('All right.\nFeedback: the ending went well.\n[[Look->A]]\nFeedback: Good.\nfeedback: Very good.\n[[Wait->B]]');
    expect(text.feedback).toBe('the ending went well.');
    expect([...text.linkFeedback]).toEqual([[0, 'Good. Very good.']]);
    expect(text.customer).toBe('All right.');
  });

  it('leaves out Harlowe and SugarCube macros, with a warning at each', () => {
    const text = read('(set: $a to 1)Fine. (if: $a)[Really fine.] <<set $b to 2>>Done.');
    expect(text.customer).toBe('Fine. Done.');
    expect(text.problems.map((p) => [p.line, p.column, p.rule])).toEqual([[10, 1, 'twee-macro'], [10, 21, 'twee-macro'], [10, 44, 'twee-macro']]);
    expect(text.problems[1]!.message).toContain('(if:) and its hook were left out');
  });

  it('strips HTML tags but keeps their text, with a warning at each tag', () => {
    const text = read('Where is my <b>order</b>?');
    expect(text.customer).toBe('Where is my order?');
    expect(text.problems.map((p) => p.column)).toEqual([13, 21]);
  });

  it('keeps a variable as text and points at it, even after something cut before it on the line', () => {
    const text = read('<i>Hi</i> $name, and _temp too.');
    expect(text.customer).toBe('Hi $name, and _temp too.');
    expect(text.problems.filter((p) => p.rule === 'twee-variable').map((p) => [p.line, p.column])).toEqual([[10, 11], [10, 22]]);
  });

  it('drops comments silently and unwraps bold text', () => {
    const text = read("/* note to self */It's ''broken''. <!-- check -->");
    expect(text.customer).toBe("It's broken.");
    expect(text.problems).toEqual([]);
  });
});
