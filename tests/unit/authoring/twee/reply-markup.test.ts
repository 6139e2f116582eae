import { describe, expect, it } from 'vitest';
import { readReplyMarkup } from '../../../../src/authoring/twee/index.ts';

describe('the reply convention in link text', () => {
  it('reads tact, mood and techniques from the braces at the end', () => {
    expect(readReplyMarkup('Sorry about that {tact:+2 mood:+10 acknowledge}')).toEqual({
      say: 'Sorry about that', tact: 2, mood: 10, score: {}, techniques: ['acknowledge'], unreadable: [],
    });
  });

  it('accepts commas, "=" and spaces around the colon', () => {
    expect(readReplyMarkup('No {tact: -3, mood=-20, accuse}')).toMatchObject({ say: 'No', tact: -3, mood: -20, techniques: ['accuse'] });
  });

  it('reads any other name:number as points on an extra score dimension', () => {
    expect(readReplyMarkup('Refund it {tact:0 policy:-2 give-in}')).toMatchObject({ score: { policy: -2 }, techniques: ['give-in'] });
  });

  it('leaves text without braces as it is, with no tact or mood', () => {
    expect(readReplyMarkup(' Just words ')).toEqual({ say: 'Just words', score: {}, techniques: [], unreadable: [] });
  });

  it('reads only braces at the very end, so braces inside the sentence stay in it', () => {
    expect(readReplyMarkup('The {brand} one, please')).toMatchObject({ say: 'The {brand} one, please', techniques: [] });
  });

  it('lists entries it cannot read, with their place in the link text', () => {
    expect(readReplyMarkup('Thanks {tact:2 oops!}').unreadable).toEqual([{ entry: 'oops!', index: 15 }]);
  });
});
