import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, newJoinCode, normaliseJoinCode } from '../../../src/server/secrets.ts';
import { statementFingerprint } from '../../../src/server/statements/statement-fingerprint.ts';
import { statementMeaning, UnreadableStatement } from '../../../src/server/statements/statement-meaning.ts';
import { receivedStatementSchema } from '../../../src/server/statements/received-statement.ts';
import { playStatements, playThrough, shippedScenario } from './support/played-statements.ts';

const wornOnce = shippedScenario('worn-once');
const received = new Date('2026-11-23T12:00:00Z');

describe("what the server reads from the game's statements", () => {
  const result = playThrough(wornOnce, 1);
  const statements = playStatements(wornOnce, result, { playId: '3b0c6a7e-0000-4000-8000-000000000001' }).map((s) => receivedStatementSchema.parse(s));

  it('reads a play start, each decision with its reply code and node, the score and the completion', () => {
    const meanings = statements.map((s) => statementMeaning(s, received));
    expect(meanings.map((m) => m.kind)).toEqual(['play-started', ...result.decisions.map(() => 'decision'), 'play-scored', 'play-completed']);
    expect(meanings[1]).toMatchObject({ kind: 'decision', scenario: 'worn-once', node: result.decisions[0]!.node, number: 1, reply: String.fromCharCode(96 + result.decisions[0]!.replyIndex!), timedOut: false });
    expect(meanings.at(-2)).toMatchObject({ kind: 'play-scored', passed: result.passed, overall: result.scores.overall, ending: result.ending, outcome: result.outcome });
    expect(new Set(meanings.map((m) => ('playId' in m ? m.playId : null)))).toEqual(new Set(['3b0c6a7e-0000-4000-8000-000000000001']));
  });

  it('takes the time a statement says unless it is in the future (a wrong clock on a phone)', () => {
    const future = { ...statements[0]!, timestamp: '2099-01-01T00:00:00Z' };
    expect(statementMeaning(statements[0]!, received)).toMatchObject({ at: new Date(statements[0]!.timestamp!) });
    expect(statementMeaning(future, received)).toMatchObject({ at: received });
  });

  it('reads nothing from another verb, and refuses a Tactful verb without its play id', () => {
    expect(statementMeaning({ ...statements[0]!, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' } }, received)).toEqual({ kind: 'other' });
    expect(() => statementMeaning({ ...statements[1]!, context: {} }, received)).toThrow(UnreadableStatement);
  });

  it('fingerprints the same statement alike whatever the order of its keys, and a changed one differently', () => {
    const s = statements[1]!;
    expect(statementFingerprint(Object.fromEntries(Object.entries(s).reverse()))).toBe(statementFingerprint(s));
    expect(statementFingerprint({ ...s, timestamp: '2026-01-01T00:00:00Z' })).not.toBe(statementFingerprint(s));
  });
});

describe('join codes', () => {
  it('are six symbols from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) expect(newJoinCode()).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    for (const lookAlike of '015SZOIULV2') expect(JOIN_CODE_ALPHABET).not.toContain(lookAlike);
  });

  it('are read as typed: any case, with spaces or a dash; anything else is no code', () => {
    expect(normaliseJoinCode(' k7q-x3m ')).toBe('K7QX3M');
    expect(normaliseJoinCode('K7QX3')).toBeNull();
    expect(normaliseJoinCode('K7QX30')).toBeNull();
  });
});
