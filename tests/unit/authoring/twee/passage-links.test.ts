import { describe, expect, it } from 'vitest';
import { findLinks, splitLink } from '../../../../src/authoring/twee/index.ts';

describe('Twine link forms', () => {
  it.each([
    ['[[Target]] leads to the passage it names', 'Target', { text: 'Target', target: 'Target' }],
    ['[[text->Target]] divides at the rightmost arrow', 'Go -> on->Target', { text: 'Go -> on', target: 'Target' }],
    ['[[Target<-text]] divides at the leftmost arrow', 'Target<-Back <- here', { text: 'Back <- here', target: 'Target' }],
    ['[[text|Target]] divides at the bar', 'Say this|Target', { text: 'Say this', target: 'Target' }],
  ])('%s', (_, inside, expected) => {
    expect(splitLink(inside)).toEqual(expected);
  });

  it('prefers an arrow to a bar, as Twine does', () => {
    expect(splitLink('a|b->Target')).toEqual({ text: 'a|b', target: 'Target' });
  });
});

describe('findLinks', () => {
  it('gives each link the Twee line and column of its "[["', () => {
    const links = findLinks('Where is it?\nWell [[Look->Shelf]] or [[Ask]]\n', 20);
    expect(links.map((l) => [l.target, l.at.line, l.at.column, l.textLineIndex])).toEqual([['Shelf', 21, 6, 1], ['Ask', 21, 25, 1]]);
  });

  it('keeps a single "]" inside a link', () => {
    expect(findLinks('[[Say [quietly]->Next]]', 1)[0]).toMatchObject({ text: 'Say [quietly]', target: 'Next' });
  });

  it('separates a SugarCube setter from the link', () => {
    expect(findLinks('[[Again|Start][$tries to 2]]', 1)[0]).toMatchObject({ text: 'Again', target: 'Start', setter: '$tries to 2' });
  });
});
