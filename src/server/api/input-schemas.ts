import { z } from 'zod';
import { TIMER_SETTINGS } from '../../engine/timer-setting.ts';

/** Control characters, and the invisible marks that reorder or hide text (a name that reads one way and sorts another). */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/**
 * Text a person typed for others to read (a trainee's display name, a
 * session's name): one line, spaces tidied, plain text. Markup characters
 * are refused outright, not escaped: every screen shows names as text, and
 * refusing them means no copy of a name (a CSV, another tool) can ever
 * carry markup.
 */
export function plainText(what: string, longest: number): z.ZodType<string> {
  return z
    .string({ error: `${what} must be text` })
    .max(longest * 4, `${what} is at most ${longest} characters`)
    .refine((text) => !INVISIBLE.test(text), `${what} may not contain control characters or invisible marks`)
    .transform((text) => text.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, `type ${what}`)
        .refine((text) => [...text].length <= longest, `${what} is at most ${longest} characters`)
        .refine((text) => !/[<>]/.test(text), `${what} is plain text: leave out < and >`),
    );
}

/** A display name: up to 40 characters. */
export const displayNameSchema = plainText('a name', 40);

/** A session id (a UUID) in a path. */
export const sessionIdSchema = z.uuid({ error: 'a session id is a UUID, as the session list gives it' });
/** A participant id (a UUID) in a path. */
export const participantIdSchema = z.uuid({ error: 'a participant id is a UUID, as the roster gives it' });

/** POST /api/sessions */
export const newSessionSchema = z.strictObject({
  name: plainText('a session name', 80),
  scenarios: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a scenario id is letters, digits, - and _'), { error: 'scenarios must be a list of scenario ids' })
    .min(1, 'choose at least one scenario')
    .max(50, 'choose at most 50 scenarios')
    .refine((ids) => new Set(ids).size === ids.length, 'a scenario is listed twice'),
  timers: z.enum(TIMER_SETTINGS, { error: `timers must be one of ${TIMER_SETTINGS.join(', ')}` }).default('standard'),
  mode: z.enum(['self-paced', 'room'], { error: 'mode must be self-paced or room' }),
});

/** POST /api/join */
export const joinSchema = z.strictObject({
  code: z.string({ error: 'code must be text' }).max(32, 'a join code has 6 letters and digits'),
  name: displayNameSchema,
});
