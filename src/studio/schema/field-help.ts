import scenarioJsonSchema from '../../../schema/scenario.schema.json';

/** The parts of a JSON Schema (draft 7, as `tactful schema` writes it) the studio reads for help and completion. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  required?: string[];
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
}

/** One step into a YAML document: a mapping key, or an item of a sequence. */
export type PathStep = { key: string } | { item: true };

/** The scenario format's JSON Schema (schema/scenario.schema.json, the file editors read too). */
export const SCENARIO_SCHEMA: JsonSchema = scenarioJsonSchema;

/**
 * The schema of the value at a path: a key is a property, or any key of a
 * map such as `nodes` (its `additionalProperties`); an item is an array's
 * element. Undefined when the path leaves the format.
 *
 * @example schemaAt(SCENARIO_SCHEMA, [{ key: 'nodes' }, { key: 'opening' }, { key: 'replies' }, { item: true }])
 */
export function schemaAt(root: JsonSchema, path: readonly PathStep[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = root;
  for (const step of path) {
    if (!schema) return undefined;
    if ('item' in step) schema = schema.items;
    else if (schema.properties && Object.hasOwn(schema.properties, step.key)) schema = schema.properties[step.key];
    else schema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined;
  }
  return schema;
}

/** A field a mapping may have, with the help a trainer reads in completion and on hover. */
export interface FieldHelp {
  name: string;
  /** What kind of value it takes, in a few words ("whole number, -3..3"). */
  kind: string;
  /** The schema's description, when it has one. */
  description: string;
  required: boolean;
  /** True when the value is a mapping or a list (written on the lines below). */
  nested: boolean;
}

/** The named fields of a mapping's schema, in the schema's order (empty for a map of ids such as `nodes`). */
export function fieldsOf(schema: JsonSchema | undefined): FieldHelp[] {
  if (!schema?.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, field]) => ({
    name,
    kind: kindOf(field),
    description: field.description ?? '',
    required: required.has(name),
    nested: isNested(field),
  }));
}

/** True when a value of this schema is a mapping or a list. */
export function isNested(schema: JsonSchema): boolean {
  const types = typesOf(schema);
  return types.length > 0 && types.every((t) => t === 'object' || t === 'array');
}

/** The values an enum field accepts, or true/false for a boolean field (empty otherwise). */
export function valuesOf(schema: JsonSchema | undefined): string[] {
  if (!schema) return [];
  if (schema.enum) return schema.enum.map(String);
  return typesOf(schema).includes('boolean') && typesOf(schema).length === 1 ? ['true', 'false'] : [];
}

/** A few words on what a value must be, for a field with no description of its own. */
export function kindOf(schema: JsonSchema): string {
  if (schema.enum) return `one of ${schema.enum.map(String).join(', ')}`;
  if (schema.anyOf) return [...new Set(schema.anyOf.map(kindOf))].join(' or ');
  const types = typesOf(schema);
  const range = rangeOf(schema);
  const words = types.map((type) => {
    switch (type) {
      case 'integer':
        return `whole number${range}`;
      case 'number':
        return `number${range}`;
      case 'string':
        return 'text';
      case 'boolean':
        return 'true or false';
      case 'array':
        return schema.items && typesOf(schema.items).includes('object') ? 'list of entries' : 'list';
      case 'object':
        return schema.properties ? 'fields' : 'map of names';
      default:
        return type;
    }
  });
  return words.join(', ') || 'value';
}

function typesOf(schema: JsonSchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  return schema.properties ? ['object'] : [];
}

function rangeOf(schema: JsonSchema): string {
  const low = schema.minimum ?? schema.exclusiveMinimum;
  if (low === undefined && schema.maximum === undefined) return '';
  if (schema.maximum === undefined) return schema.exclusiveMinimum !== undefined ? `, above ${low}` : `, at least ${low}`;
  if (low === undefined) return `, at most ${schema.maximum}`;
  return `, ${low}..${schema.maximum}`;
}
