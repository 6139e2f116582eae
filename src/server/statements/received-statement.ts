import { z } from 'zod';

/**
 * What the server accepts as an xAPI statement: the parts every statement
 * must have (a UUID id, an actor, a verb and an object with ids), anything
 * else kept as sent. The server is the LRS of its own sessions, so it is
 * lenient like one: statements it does not read (another verb) are stored
 * all the same.
 */
export const receivedStatementSchema = z.looseObject({
  id: z.uuid({ error: 'needs an "id" that is a UUID (the game makes one per statement)' }),
  actor: z.looseObject({}),
  verb: z.looseObject({ id: z.string().min(1).max(2048) }),
  object: z.looseObject({ id: z.string().min(1).max(2048) }),
  timestamp: z.iso.datetime({ offset: true }).optional(),
});

/** A statement as received, checked by `receivedStatementSchema`. */
export type ReceivedStatement = z.infer<typeof receivedStatementSchema>;

/** The most statements one POST may carry (the game's outbox sends 25 at most). */
export const MOST_STATEMENTS_PER_POST = 100;

/** One statement or an array of them, as the xAPI Statements resource takes them. */
export const statementsBodySchema = z.preprocess(
  // One statement is a list of one: errors then name the statement by its place (`0.id`), as for an array.
  (body: unknown): unknown => (Array.isArray(body) ? body : [body]),
  z.array(receivedStatementSchema).min(1, 'send at least one statement').max(MOST_STATEMENTS_PER_POST, `send at most ${MOST_STATEMENTS_PER_POST} statements at once`),
);
