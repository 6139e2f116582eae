import { z } from 'zod';
import { EXTENSIONS, VERBS } from '../../report/xapi/vocabulary.ts';
import type { ReceivedStatement } from './received-statement.ts';

/**
 * What a trainee's statement tells the dashboard, read from the statements
 * the game already sends (src/report/xapi/statements.ts): a play started, a
 * decision was made, a play was scored, a play was completed. Everything
 * else the statement says stays in the stored statement.
 */
export type StatementMeaning =
  | { kind: 'play-started'; playId: string; scenario: string; timers: string | null; at: Date }
  | { kind: 'decision'; playId: string; scenario: string; timers: string | null; at: Date; node: string; number: number; reply: string | null; best: boolean; tact: number | null; timedOut: boolean }
  | { kind: 'play-scored'; playId: string; scenario: string; timers: string | null; at: Date; passed: boolean; overall: number; scores: Record<string, number | null>; ending: string; outcome: string }
  | { kind: 'play-completed'; playId: string; scenario: string; timers: string | null; at: Date }
  | { kind: 'other' };

/** Scenario and node ids as the format allows them, and a little more; nothing that could be mistaken for markup or a path. */
const idText = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/);
const playIdText = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);

const playContext = z.looseObject({
  extensions: z.looseObject({
    [EXTENSIONS.playId]: playIdText,
    [EXTENSIONS.timers]: z.string().max(20).optional(),
  }),
});

const answered = z.looseObject({
  result: z.looseObject({
    response: z.string().regex(/^[a-z]?$/),
    success: z.boolean(),
    score: z.looseObject({ raw: z.number().min(0).max(100) }).optional(),
    extensions: z.looseObject({ [EXTENSIONS.timedOut]: z.boolean() }),
  }),
  context: z.looseObject({
    extensions: z.looseObject({
      [EXTENSIONS.playId]: playIdText,
      [EXTENSIONS.timers]: z.string().max(20).optional(),
      [EXTENSIONS.decision]: z.string().regex(/\.\d{1,6}$/),
    }),
  }),
});

const scored = z.looseObject({
  result: z.looseObject({
    success: z.boolean(),
    score: z.looseObject({ raw: z.number().min(0).max(100) }),
    extensions: z.looseObject({
      [EXTENSIONS.scores]: z.record(z.string().max(64), z.number().nullable()),
      [EXTENSIONS.ending]: z.looseObject({ id: idText, outcome: z.string().max(64) }),
    }),
  }),
});

/** A statement the server reads but that lacks what it needs: the POST is refused with this message. */
export class UnreadableStatement extends Error {}

/** `…/scenarios/<id>` → the scenario id; `…/scenarios/<id>/decisions/<node>` → both. */
function activityIds(objectId: string): { scenario: string; node?: string } | null {
  const match = /\/scenarios\/([^/]+)(?:\/decisions\/([^/]+))?$/.exec(objectId);
  if (!match) return null;
  try {
    const scenario = idText.parse(decodeURIComponent(match[1]!));
    const node = match[2] === undefined ? undefined : idText.parse(decodeURIComponent(match[2]));
    return node === undefined ? { scenario } : { scenario, node };
  } catch {
    return null;
  }
}

/** The zod issue, said in a line: where in the statement, and what. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not a statement Tactful sends';
  return `${issue.path.length > 0 ? issue.path.join('.') : 'the statement'}: ${issue.message}`;
}

/**
 * Reads what a statement means for the roster and the reply distribution.
 * A statement with one of Tactful's verbs must carry what the game always
 * puts in it; a statement with another verb means nothing here ("other").
 *
 * @throws UnreadableStatement when a Tactful verb's statement lacks its play id, scenario, node or result.
 * @example statementMeaning(answeredStatement(...)).kind // 'decision'
 */
export function statementMeaning(statement: ReceivedStatement, receivedAt: Date): StatementMeaning {
  const verb = statement.verb.id;
  const known = Object.values(VERBS).some((v) => v.id === verb);
  if (!known) return { kind: 'other' };
  const where = activityIds(statement.object.id);
  if (!where) throw new UnreadableStatement(`object.id must end in /scenarios/<scenario id>${verb === VERBS.answered.id ? '/decisions/<node id>' : ''}`);
  const context = playContext.safeParse(statement.context);
  if (!context.success) throw new UnreadableStatement(`context: ${firstIssue(context.error)}`);
  const base = {
    playId: context.data.extensions[EXTENSIONS.playId],
    scenario: where.scenario,
    timers: context.data.extensions[EXTENSIONS.timers] ?? null,
    // The trainee's clock may be wrong; it is only used when the statement says when it happened sensibly (not in the future).
    at: statement.timestamp && Date.parse(statement.timestamp) <= receivedAt.getTime() ? new Date(statement.timestamp) : receivedAt,
  };
  switch (verb) {
    case VERBS.initialized.id:
      return { kind: 'play-started', ...base };
    case VERBS.completed.id:
      return { kind: 'play-completed', ...base };
    case VERBS.answered.id: {
      if (where.node === undefined) throw new UnreadableStatement('object.id of an answered statement must end in /decisions/<node id>');
      const read = answered.safeParse(statement);
      if (!read.success) throw new UnreadableStatement(firstIssue(read.error));
      const { result, context: answerContext } = read.data;
      const number = Number(/\.(\d+)$/.exec(answerContext.extensions[EXTENSIONS.decision])![1]);
      return {
        kind: 'decision',
        ...base,
        node: where.node,
        number,
        reply: result.response === '' ? null : result.response,
        best: result.success,
        tact: result.score?.raw ?? null,
        timedOut: result.extensions[EXTENSIONS.timedOut],
      };
    }
    default: {
      const read = scored.safeParse(statement);
      if (!read.success) throw new UnreadableStatement(firstIssue(read.error));
      const { result } = read.data;
      const ending = result.extensions[EXTENSIONS.ending];
      return {
        kind: 'play-scored',
        ...base,
        passed: result.success,
        overall: result.score.raw,
        scores: result.extensions[EXTENSIONS.scores],
        ending: ending.id,
        outcome: ending.outcome,
      };
    }
  }
}
