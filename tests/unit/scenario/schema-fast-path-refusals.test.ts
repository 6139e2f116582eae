import { describe, expect, it } from 'vitest';
import { parseScenarioSource, scenarioSchema } from '../../../src/scenario/schema.ts';

/**
 * parseScenarioSource hands a valid scenario on as it is (the same object,
 * no zod copy) and leaves everything else to zod. One example per kind of
 * damage the fast path must refuse, and one valid file per edge it must
 * accept: tests/unit/property/schema-fast-path.test.ts samples the same
 * ground at random, but too slowly for mutation testing, which leaves it out.
 */

type Data = Record<string | symbol, unknown>;

/** The object at a dotted path (`nodes.open.replies.0`), to damage in place. */
const at = (data: Data, path: string): Data => path.split('.').reduce<Data>((object, key) => object[key] as Data, data);

/** A scenario that uses every kind of field the schema has. */
function scenario(): Data {
  return {
    id: 'cracked-blender',
    title: 'T',
    summary: 'A blender arrived cracked.',
    brief: 'Calm the customer.',
    setting: 'Phone',
    objectives: ['Apologise'],
    tags: ['retail'],
    difficulty: 2,
    locale: 'en-GB',
    customer: { name: 'Ann', avatar: 'ann', mood: 50, patience: '15s' },
    variables: { refund: false, tries: 0, note: 'none' },
    scoring: { weights: { tact: 1, rapport: 0.5 }, passMark: 60, dimensions: { rapport: { label: 'Rapport' } } },
    start: 'open',
    nodes: {
      open: {
        customer: 'It is broken!',
        emotion: 'angry',
        timeLimit: 10,
        order: 'fixed',
        onTimeout: { mood: -10, set: { tries: 'tries + 1' }, score: { rapport: -1 }, goto: 'open' },
        replies: [
          { say: 'Sorry.', mood: 10, tact: 2, techniques: ['apology'], feedback: 'Good.', critical: false, if: 'tries < 3', set: { refund: true }, score: { rapport: 1 }, goto: 'route' },
        ],
      },
      route: { branch: [{ if: 'refund', goto: 'happy' }, { goto: 'sad' }] },
    },
    endings: {
      happy: { customer: 'Thanks.', emotion: 'pleased', outcome: 'satisfied', feedback: 'Well done.' },
      sad: { outcome: 'lost' },
    },
  };
}

/** The data after `damage`, read by parseScenarioSource and checked against zod's own answer. */
function read(damage: (data: Data) => void): { data: Data; result: ReturnType<typeof parseScenarioSource> } {
  const data = scenario();
  damage(data);
  const result = parseScenarioSource(data);
  const zod = scenarioSchema.safeParse(data);
  expect(result.success).toBe(zod.success);
  if (result.success && zod.success) expect(result.data).toEqual(zod.data);
  if (!result.success && !zod.success) expect(result.error.issues).toEqual(zod.error.issues);
  return { data, result };
}

/** True when the fast path vouched for the data: the result is the data itself. */
const handedOn = (damage: (data: Data) => void): boolean => {
  const { data, result } = read(damage);
  return result.success && result.data === data;
};

/** True when zod refused the data (and the fast path did not vouch for it). */
const refused = (damage: (data: Data) => void): boolean => !read(damage).result.success;

const reply = (data: Data): Data => at(data, 'nodes.open.replies.0');
const node = (data: Data): Data => at(data, 'nodes.open');

describe('the schema fast path vouches for valid scenarios', () => {
  it('hands a scenario using every kind of field on as it is', () => {
    expect(handedOn(() => {})).toBe(true);
  });

  it.each<[string, (d: Data) => void]>([
    ['nine replies', (d) => { node(d).replies = Array.from({ length: 9 }, () => ({ ...reply(d) })); }],
    ['a one-letter title and say', (d) => { d.title = 'T'; reply(d).say = 'k'; }],
    ['pass mark 0', (d) => { at(d, 'scoring').passMark = 0; }],
    ['pass mark 100', (d) => { at(d, 'scoring').passMark = 100; }],
    ['weight 0', (d) => { at(d, 'scoring.weights').tact = 0; }],
    ['mood -100 and +100 on replies', (d) => { reply(d).mood = -100; at(d, 'nodes.open.onTimeout').mood = 100; }],
    ['tact -3 and +3', (d) => { reply(d).tact = -3; (node(d).replies as Data[]).push({ ...reply(d), tact: 3 }); }],
    ['starting mood 0', (d) => { at(d, 'customer').mood = 0; }],
    ['starting mood 100', (d) => { at(d, 'customer').mood = 100; }],
    ['difficulty 1', (d) => { d.difficulty = 1; }],
    ['difficulty 5', (d) => { d.difficulty = 5; }],
    ['a time limit in seconds as a number', (d) => { at(d, 'customer').patience = 0.5; }],
    ['a time limit of none', (d) => { node(d).timeLimit = 'none'; }],
    ['a very large weight', (d) => { at(d, 'scoring.weights').tact = 1e300; }],
    ['a critical reply', (d) => { reply(d).critical = true; }],
    ['an optional field present as undefined', (d) => { d.summary = undefined; }],
    ['no variables, no scoring', (d) => { delete d.variables; delete d.scoring; }],
  ])('hands on %s', (_name, edit) => {
    expect(handedOn(edit)).toBe(true);
  });
});

describe('the schema fast path leaves damaged scenarios to zod', () => {
  it.each<[string, (d: Data) => void]>([
    ['a field of the wrong type (number for text)', (d) => { d.title = 3; }],
    ['text for a number', (d) => { d.difficulty = '2'; }],
    ['text for a yes/no', (d) => { reply(d).critical = 'yes'; }],
    ['an empty title', (d) => { d.title = ''; }],
    ['an empty reply', (d) => { reply(d).say = ''; }],
    ['no replies', (d) => { node(d).replies = []; }],
    ['ten replies', (d) => { node(d).replies = Array.from({ length: 10 }, () => ({ ...reply(d) })); }],
    ['replies as a mapping', (d) => { node(d).replies = { 0: reply(d) }; }],
    ['an unknown emotion', (d) => { node(d).emotion = 'sad'; }],
    ['an unknown outcome', (d) => { at(d, 'endings.sad').outcome = 'gone'; }],
    ['a pass mark over 100', (d) => { at(d, 'scoring').passMark = 101; }],
    ['a pass mark under 0', (d) => { at(d, 'scoring').passMark = -1; }],
    ['a negative weight', (d) => { at(d, 'scoring.weights').tact = -1; }],
    ['an infinite weight', (d) => { at(d, 'scoring.weights').tact = Infinity; }],
    ['a not-a-number score', (d) => { at(d, 'nodes.open.replies.0.score').rapport = NaN; }],
    ['a mood change over 100', (d) => { reply(d).mood = 101; }],
    ['tact 4', (d) => { reply(d).tact = 4; }],
    ['tact 1.5', (d) => { reply(d).tact = 1.5; }],
    ['a starting mood beyond safe integers', (d) => { at(d, 'customer').mood = 2 ** 53; }],
    ['a time limit of 0 seconds', (d) => { at(d, 'customer').patience = 0; }],
    ['a negative time limit', (d) => { node(d).timeLimit = -5; }],
    ['a time limit as malformed text', (d) => { at(d, 'customer').patience = '15 s'; }],
    ['a time limit as a mapping', (d) => { at(d, 'customer').patience = {}; }],
    ['a bad scenario id', (d) => { d.id = 'Cracked Blender'; }],
    ['a bad goto id', (d) => { reply(d).goto = 'bad id'; }],
    ['a variable name starting with a digit, beside a good one', (d) => { at(d, 'variables')['1x'] = 1; }],
    ['a variable without a value, beside good ones', (d) => { at(d, 'variables').empty = null; }],
    ['an unknown top-level field', (d) => { d.extra = 1; }],
    ['an unknown reply field', (d) => { reply(d).says = 'x'; }],
    ['a missing required field', (d) => { delete d.start; }],
    ['a missing outcome', (d) => { delete at(d, 'endings.sad').outcome; }],
    ['a list for the customer', (d) => { d.customer = [d.customer]; }],
    ['a list for the nodes', (d) => { d.nodes = [node(d)]; }],
    ['an empty list for the nodes', (d) => { d.nodes = []; }],
    ['nodes: null', (d) => { d.nodes = null; }],
    ['a node written as null (`open:` with nothing under it)', (d) => { at(d, 'nodes').open = null; }],
    ['a node written as empty text', (d) => { at(d, 'nodes').route = ''; }],
    ['a number for scoring', (d) => { d.scoring = 0; }],
    ['empty text for scoring', (d) => { d.scoring = ''; }],
    ['a number for onTimeout', (d) => { node(d).onTimeout = 5; }],
    ['text for the variables', (d) => { d.variables = 'refund'; }],
    ['a number for the endings', (d) => { d.endings = 3; }],
    ['a __proto__ key in a fixed set of fields', (d) => { Object.defineProperty(d, '__proto__', { value: 1, enumerable: true, configurable: true, writable: true }); }],
    ['a symbol key in the nodes', (d) => { at(d, 'nodes')[Symbol('n')] = at(d, 'nodes.route'); }],
    ['a symbol key in the variables', (d) => { at(d, 'variables')[Symbol('v')] = 1; }],
    ['text for a score', (d) => { at(d, 'nodes.open.replies.0.score').rapport = 'high'; }],
    ['a field inherited, not its own', (d) => { d.customer = Object.assign(Object.create({ extra: 1 }) as Data, d.customer); }],
  ])('refuses %s', (_name, damage) => {
    expect(refused(damage)).toBe(true);
  });

  it.each<[string, (d: Data) => void]>([
    ['a scenario without a prototype', (d) => { Object.setPrototypeOf(d, null); }],
    ['a customer without a prototype', (d) => { Object.setPrototypeOf(d.customer, null); }],
    ['nodes without a prototype', (d) => { Object.setPrototypeOf(d.nodes, null); }],
    ['a customer that is a class instance', (d) => { d.customer = Object.assign(new (class Customer {})(), d.customer); }],
    ['a hidden (not enumerable) optional field', (d) => { Object.defineProperty(d, 'summary', { value: 'hidden', enumerable: false }); }],
    ['a hidden required field', (d) => { const { title } = d; delete d.title; Object.defineProperty(d, 'title', { value: title, enumerable: false }); }],
    ['a hidden node', (d) => { Object.defineProperty(d.nodes, 'extra', { value: at(d, 'nodes.route'), enumerable: false }); }],
    ['a node named __proto__', (d) => { Object.defineProperty(d.nodes, '__proto__', { value: at(d, 'nodes.route'), enumerable: true, configurable: true, writable: true }); }],
  ])('leaves %s to zod, which reads it into a copy', (_name, damage) => {
    expect(handedOn(damage)).toBe(false);
    expect(read(damage).result.success).toBe(true);
  });

  it('refuses data that is not a mapping at all', () => {
    for (const data of [null, undefined, 'title: x', 3, []]) {
      expect(parseScenarioSource(data).success).toBe(false);
    }
  });
});
