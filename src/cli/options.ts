import { parseArgs } from 'node:util';
import { UsageError } from './errors.ts';

/** The options one command takes: each a flag or an option with a value. */
export type OptionSpec = Record<string, { type: 'boolean' } | { type: 'string'; multiple?: boolean }>;

/** What was given for each option (absent when not given). */
export type OptionValues<S extends OptionSpec> = {
  [K in keyof S]?: S[K] extends { type: 'boolean' } ? boolean : S[K] extends { multiple: true } ? string[] : string;
};

/**
 * Reads one command's arguments into options and positionals, with messages
 * of our own for every mistake. Node's strict parser refuses `--choose -1`
 * as "ambiguous" and its wording leaks into a trainer's terminal, so it runs
 * leniently here and each token is checked against `spec` instead: a value
 * that starts with one dash is a value (the command's own check then says
 * what is wrong with it), one that starts with two is a forgotten value.
 *
 * @example readOptions('lint', ['scenarios', '--json'], { json: { type: 'boolean' } })
 * // { values: { json: true }, positionals: ['scenarios'] }
 * @throws UsageError for an unknown option, a missing or unwanted value, or an option given twice.
 */
export function readOptions<S extends OptionSpec>(command: string, args: readonly string[], spec: S): { values: OptionValues<S>; positionals: string[] } {
  const { tokens } = parseArgs({ args: [...args], options: spec, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean | string[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = spec[token.name];
    const name = token.rawName;
    if (!option) throw new UsageError(`"${name}" is not an option of "tactful ${command}"`);
    if (option.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${name} takes no value, not "${token.value}"`);
      values[token.name] = true;
      continue;
    }
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) throw new UsageError(`${name} needs a value`);
    const before = values[token.name];
    if (option.multiple) values[token.name] = [...((before as string[] | undefined) ?? []), token.value];
    else if (before !== undefined) throw new UsageError(`${name} is given twice; give it once`);
    else values[token.name] = token.value;
  }
  return { values: values as OptionValues<S>, positionals };
}
