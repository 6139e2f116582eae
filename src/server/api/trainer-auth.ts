import type { MiddlewareHandler } from 'hono';
import { sameSecret } from '../secrets.ts';
import { HttpProblem } from './http-problem.ts';

/**
 * Requires the trainer key (`Authorization: Bearer KEY`) on every route it
 * guards: 401 without it or with another key. The comparison takes the same
 * time wherever a wrong key differs.
 */
export function requireTrainer(trainerKey: string): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpProblem(401, 'this needs the trainer key: send "Authorization: Bearer <key>" (tactful serve prints the key)', [], { 'WWW-Authenticate': 'Bearer realm="tactful"' });
    if (!sameSecret(match[1]!, trainerKey)) throw new HttpProblem(401, 'the trainer key is wrong', [], { 'WWW-Authenticate': 'Bearer realm="tactful", error="invalid_token"' });
    await next();
  };
}
