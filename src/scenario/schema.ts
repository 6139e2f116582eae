import { z } from 'zod';
import { DURATION_PATTERN } from './duration.ts';

/** Ids of nodes, endings, dimensions and techniques: what `goto` may name. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** Variable names usable inside expressions. */
export const VARIABLE_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The scenario's own id: kebab-case, used in links (`?scenario=<id>`). */
export const SCENARIO_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The faces the game can draw. */
export const EMOTIONS = ['angry', 'annoyed', 'neutral', 'pleased', 'delighted'] as const;
/** How a conversation can end. `lost`: the customer leaves for good, or is let go. */
export const OUTCOMES = ['satisfied', 'neutral', 'dissatisfied', 'escalated', 'lost'] as const;
/** How a dialogue node's replies are ordered on screen. */
export const REPLY_ORDERS = ['shuffled', 'fixed'] as const;

const duration = z
  .union([z.number().positive(), z.string().regex(new RegExp(DURATION_PATTERN), 'a duration such as 15s, 1.5s, 500ms, 1m or none')])
  .describe('Seconds (15), or "15s", "1.5s", "500ms", "1m", or "none" for untimed.');

const value = z.union([z.boolean(), z.number(), z.string()]);
const id = z.string().regex(ID_PATTERN, 'an id made of letters, digits, "-" and "_"');

const effect = {
  mood: z.number().int().min(-100).max(100).optional().describe('Change to the customer mood, -100..+100.'),
  set: z.record(z.string(), value).optional().describe('Variables to change: a YAML number/boolean is a value, a string is an expression.'),
  score: z.record(z.string(), z.number()).optional().describe('Points on extra scored dimensions.'),
  goto: id.describe('Node or ending id to go to next.'),
};

const reply = z
  .strictObject({
    say: z.string().min(1).describe('What the trainee says.'),
    ...effect,
    if: z.string().optional().describe('Expression; the reply is only offered when it is true.'),
    tact: z.number().int().min(-3).max(3).optional().describe('How tactful the reply is, -3..+3 (default 0).'),
    techniques: z.array(id).optional().describe('Technique ids from the catalogue.'),
    feedback: z.string().optional().describe('Coaching shown in the debrief.'),
    critical: z.boolean().optional().describe('A critical mistake: a play that chooses this reply cannot pass, whatever its overall score.'),
  })
  .describe('A reply the trainee can choose.');

const onTimeout = z
  .strictObject({ ...effect, goto: id.optional().describe('Where to go when time runs out (default: this node again).') })
  .describe('What happens when the reply timer runs out. Default: mood -10 and the node is offered again.');

const branchEntry = z.strictObject({ if: z.string().optional().describe('Expression; first true entry wins.'), goto: id });

/**
 * A node is either a dialogue node (`customer` + `replies`) or a branch node
 * (`branch`). One object type keeps editor completion simple; the linter
 * reports a node that mixes both with a message that says which to remove.
 */
const node = z
  .strictObject({
    customer: z.string().min(1).optional().describe('The customer line.'),
    emotion: z.enum(EMOTIONS).optional().describe('Face to show, overriding the one derived from mood.'),
    timeLimit: duration.optional().describe('Reply time limit, overriding customer.patience.'),
    onTimeout: onTimeout.optional(),
    replies: z.array(reply).min(1).max(9).optional(),
    order: z.enum(REPLY_ORDERS).optional().describe('"shuffled" (default): the game shows the replies in a fresh random order; "fixed": keep the file order (for a natural order such as Yes / No).'),
    branch: z.array(branchEntry).min(1).optional().describe('Branch node: routes on state without a customer line.'),
  })
  .describe('A dialogue node or a branch node.');

const ending = z.strictObject({
  customer: z.string().optional().describe('The customer\u2019s last line.'),
  emotion: z.enum(EMOTIONS).optional(),
  outcome: z.enum(OUTCOMES).describe('satisfied, neutral, dissatisfied, escalated or lost.'),
  feedback: z.string().optional().describe('Coaching shown in the debrief.'),
});

/**
 * The scenario file, as trainers write it (format v1). Defaults are applied
 * later by `normalise`, so the JSON Schema shows fields as optional.
 */
export const scenarioSchema = z
  .strictObject({
    id: z.string().regex(SCENARIO_ID_PATTERN, 'kebab-case, e.g. cracked-blender').describe('Unique kebab-case id.'),
    title: z.string().min(1),
    summary: z.string().optional(),
    brief: z.string().optional(),
    setting: z.string().optional(),
    objectives: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    difficulty: z.number().int().min(1).max(5).optional().describe('1 (gentle) .. 5 (very hard), default 2.'),
    locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 tag such as en or en-GB').optional(),
    customer: z.strictObject({
      name: z.string().min(1),
      avatar: z.string().optional().describe('Any string; the game draws a stable face from it.'),
      mood: z.number().int().min(0).max(100).optional().describe('Starting mood, 0 (furious) .. 100 (delighted), default 50.'),
      patience: duration.optional().describe('Default reply time limit, default none.'),
    }),
    variables: z.record(z.string().regex(VARIABLE_PATTERN, 'a name of letters, digits and "_"'), value).optional(),
    scoring: z
      .strictObject({
        weights: z.record(z.string(), z.number().min(0)).optional(),
        passMark: z.number().min(0).max(100).optional(),
        dimensions: z.record(id, z.strictObject({ label: z.string().min(1) })).optional(),
      })
      .optional(),
    start: id,
    nodes: z.record(z.string(), node),
    endings: z.record(z.string(), ending),
  })
  .describe('A Tactful scenario (format v1).');

/**
 * Reads scenario data exactly as `scenarioSchema.safeParse` does. Most
 * files are valid, and zod spends its time building a copy of them; so the
 * data is first walked against the schema's own definition, accepting only
 * what zod certainly accepts and would hand back unchanged (the same types,
 * lengths, ranges and patterns, no key it would drop or refuse). Such data
 * is used as it is. Anything else, a mistake or a construct the walk does
 * not know, goes to zod, whose issues name every problem.
 *
 * @example parseScenarioSource(source.data).success
 */
export function parseScenarioSource(data: unknown): z.ZodSafeParseResult<ScenarioSource> {
  return vouchFor(scenarioSchema)(data) ? { success: true, data: data as ScenarioSource } : scenarioSchema.safeParse(data);
}

/** The parts of zod's schema definitions (`_zod.def`) the walk reads. */
interface SchemaDef {
  type: string;
  coerce?: boolean;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.core.$ZodType>;
  catchall?: z.core.$ZodType;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  keyType?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  mode?: string;
  options?: z.core.$ZodType[];
  entries?: Record<string, unknown>;
}
interface CheckDef {
  check: string;
  when?: (payload: { value: unknown; issues: unknown[] }) => boolean;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

/** True only when zod would accept a value and give it back unchanged; false when unsure. */
type Vouch = (value: unknown) => boolean;
const NEVER: Vouch = () => false;
const vouches = new WeakMap<z.core.$ZodType, Vouch>();
const defOf = (schema: z.core.$ZodType): SchemaDef => schema._zod.def as unknown as SchemaDef;
/** An object as YAML data has them: zod reads it the same whether it checks it as an object or a record. */
const isPlainData = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const isEnumerable = (value: object, key: string): boolean => Object.prototype.propertyIsEnumerable.call(value, key);

/** The walk for a schema, built once from its definition (the schema is a few levels deep, so building recurses little). */
function vouchFor(schema: z.core.$ZodType): Vouch {
  let vouch = vouches.get(schema);
  if (!vouch) {
    const def = defOf(schema);
    const type = def.coerce ? NEVER : typeVouch(def);
    const checks = (def.checks ?? []).map((c) => checkVouch(c._zod.def));
    vouch = checks.length === 0 ? type : (value) => type(value) && checks.every((check) => check(value));
    vouches.set(schema, vouch);
  }
  return vouch;
}

function typeVouch(def: SchemaDef): Vouch {
  switch (def.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => Number.isFinite(value); // false for anything but a finite number: it does not convert
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries!));
      return (value) => values.has(value);
    }
    case 'optional': {
      const inner = vouchFor(def.innerType!);
      return (value) => value === undefined || inner(value);
    }
    case 'union': {
      const options = def.options!.map(vouchFor);
      return (value) => options.some((option) => option(value));
    }
    case 'array': {
      const element = vouchFor(def.element!);
      return (value) => Array.isArray(value) && value.every(element);
    }
    case 'object': {
      // Strict objects only (the catchall `never`): an unknown key, an inherited one too, is zod's to report.
      if (def.catchall === undefined || defOf(def.catchall).type !== 'never') return NEVER;
      const fields = Object.entries(def.shape!).map(([key, field]) => ({ key, vouch: vouchFor(field), optional: defOf(field).type === 'optional' }));
      const known = new Set(fields.map((f) => f.key));
      return (value) => {
        if (!isPlainData(value)) return false;
        // `__proto__` is never a field of the schema, so an own `__proto__` key is refused here too.
        for (const key in value) if (!known.has(key)) return false;
        // A field zod reads but the walk above did not see (not enumerable) is left to zod too.
        for (const f of fields) if (!(Object.hasOwn(value, f.key) ? isEnumerable(value, f.key) && f.vouch(value[f.key]) : f.optional)) return false;
        return true;
      };
    }
    case 'record': {
      // zod skips a `__proto__` or non-enumerable key, so its copy would differ: those are left to it.
      if (def.mode !== undefined || def.keyType!._zod.values !== undefined) return NEVER;
      const key = vouchFor(def.keyType!);
      const item = vouchFor(def.valueType!);
      return (value) => isPlainData(value) && Reflect.ownKeys(value).every((k) =>
        typeof k === 'string' && k !== '__proto__' && isEnumerable(value, k) && key(k) && item(value[k]));
    }
    default:
      return NEVER;
  }
}

function checkVouch(check: CheckDef): Vouch {
  const test = checkTest(check);
  // zod runs a check only when its `when` says so (length checks: on values with a length).
  // `when` only reads the payload, so one is reused for every value (thousands of strings per file).
  const when = check.when;
  if (!when) return test;
  const payload: { value: unknown; issues: unknown[] } = { value: undefined, issues: [] };
  return (value) => {
    payload.value = value;
    const applies = when(payload);
    payload.value = undefined; // holds on to no part of the file
    return !applies || test(value);
  };
}

function checkTest(check: CheckDef): Vouch {
  switch (check.check) {
    case 'min_length':
      return (value) => (value as { length: number }).length >= check.minimum!;
    case 'max_length':
      return (value) => (value as { length: number }).length <= check.maximum!;
    case 'string_format':
      if (check.format !== 'regex') return NEVER;
      return (value) => {
        check.pattern!.lastIndex = 0;
        return check.pattern!.test(value as string);
      };
    case 'number_format':
      return check.format === 'safeint' ? (value) => Number.isSafeInteger(value) : NEVER;
    case 'greater_than':
      return check.inclusive ? (value) => (value as number) >= check.value! : (value) => (value as number) > check.value!;
    case 'less_than':
      return check.inclusive ? (value) => (value as number) <= check.value! : (value) => (value as number) < check.value!;
    default:
      return NEVER;
  }
}

/** The scenario exactly as written (before defaults). */
export type ScenarioSource = z.infer<typeof scenarioSchema>;
export type NodeSource = z.infer<typeof node>;
export type ReplySource = z.infer<typeof reply>;
export type EndingSource = z.infer<typeof ending>;
export type Emotion = (typeof EMOTIONS)[number];
export type Outcome = (typeof OUTCOMES)[number];
export type ReplyOrder = (typeof REPLY_ORDERS)[number];

/** JSON Schema for editors (`# yaml-language-server: $schema=…`). */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  return { ...schema, title: 'Tactful scenario (format v1)' };
}
