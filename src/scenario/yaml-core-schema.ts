import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

/**
 * YAML 1.2's core schema for js-yaml: plain scalars resolve to null, booleans
 * and numbers exactly as the position-keeping `yaml` parser resolves them.
 *
 * Why: clean files are read by js-yaml (fast) and files with problems by
 * `yaml` (positions). js-yaml's own CORE_SCHEMA follows YAML 1.1 (`0b10`,
 * `1_000`, `012` as numbers), so one file could read differently depending on
 * an unrelated anchor elsewhere in it. With this schema both readers agree,
 * and a property test keeps them agreeing.
 *
 * The types only read (no `predicate` or `represent`): the project never
 * writes YAML with this schema.
 */
/*
 * js-yaml asks every implicit type about every plain scalar (keys included):
 * a look at the first character settles most of them without a regular
 * expression (a scenario has hundreds of thousands of scalars, nearly all words).
 */
const startsWith = (data: string, first: string): boolean => data.length > 0 && first.includes(data[0]!);

const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || data === '' || (startsWith(data, '~nN') && /^(?:~|null|Null|NULL)$/.test(data)),
  construct: () => null,
});

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && startsWith(data, 'tTfF') && /^(?:true|True|TRUE|false|False|FALSE)$/.test(data),
  construct: (data: string) => data.toLowerCase() === 'true',
});

/** The characters a number (int or float, `.inf` and `.nan` included) can start with. */
const NUMBER_START = '0123456789+-.';
const INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && startsWith(data, NUMBER_START) && INT.test(data),
  // Number() reads every form INT accepts: decimal with a sign, 0o17 and 0x1F (and 012 as twelve, as YAML 1.2 does).
  construct: (data: string) => Number(data),
});

/** The spellings of infinity and not-a-number FLOAT accepts, lower-cased; Number() reads every other float. */
const SPECIAL_FLOATS = new Map([['.inf', Infinity], ['+.inf', Infinity], ['-.inf', -Infinity], ['.nan', NaN]]);
const FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && startsWith(data, NUMBER_START) && FLOAT.test(data),
  construct: (data: string) => SPECIAL_FLOATS.get(data.toLowerCase()) ?? Number(data),
});

/** The schema the fast reader uses: YAML 1.2 core, as the `yaml` parser reads it. */
export const YAML_12_CORE_SCHEMA = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });
