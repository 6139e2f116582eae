import type { Context } from 'hono';
import { z } from 'zod';

/** One thing wrong in a request body or parameter: where (`name`, `scenarios.2`) and what to change. */
export interface Issue {
  path: string;
  message: string;
}

/**
 * A request the server refuses, with the status and a message a person can
 * act on. The app turns it into `{ "error": message, "issues"?: [...] }`
 * (never a stack trace).
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429,
    message: string,
    readonly issues: readonly Issue[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** zod's issues as the API reports them. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Checks a value against a schema; a mismatch is a 400 listing each issue.
 *
 * @throws HttpProblem 400
 */
export function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesOf(result.error);
  const first = issues[0];
  throw new HttpProblem(400, `${what} is not valid${first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : ''}`, issues);
}

/**
 * The request's JSON body, checked against a schema.
 *
 * @throws HttpProblem 415 when it is not sent as JSON, 400 when it is not JSON or does not match.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpProblem(415, 'send the body as JSON (Content-Type: application/json)');
  let value: unknown;
  try {
    value = JSON.parse(await c.req.text());
  } catch {
    throw new HttpProblem(400, 'the body is not valid JSON');
  }
  return checked(schema, value, 'the body');
}

/** The `{ error, issues }` body of a refused request. */
export function problemBody(problem: HttpProblem): { error: string; issues?: Issue[] } {
  return problem.issues.length > 0 ? { error: problem.message, issues: [...problem.issues] } : { error: problem.message };
}
