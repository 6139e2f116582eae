/**
 * One fuzz case: a shipped scenario and the mutations applied to it. Cases
 * are plain data, drawn by fast-check from a fixed seed, so a failure names
 * the case and the seed replays it.
 */
import fc from 'fast-check';
import { applyByteMutations, byteMutation, type ByteMutation } from './byte-mutations.ts';
import { applyStructureMutations, structureMutation, type Profile, type StructureMutation } from './structure-mutations.ts';

/** The seed every fuzz run starts from unless told otherwise (`--seed` in the bench). */
export const FUZZ_SEED = 20_260_613;

export type FuzzCase =
  | { kind: 'bytes'; scenario: string; bytes: ByteMutation[]; twin: boolean }
  | { kind: 'structure'; scenario: string; structure: StructureMutation[]; bytes: ByteMutation[]; twin: boolean };

/** `twin`: lint the file together with a copy of itself (two scenarios with one id), one time in five. */
const twin = fc.integer({ min: 0, max: 4 }).map((n) => n === 0);

/** Byte mutations of one scenario, 1 to 4 at a time. */
export function byteCase(scenario: fc.Arbitrary<string>): fc.Arbitrary<FuzzCase> {
  return fc.record({ kind: fc.constant('bytes' as const), scenario, bytes: fc.array(byteMutation, { minLength: 1, maxLength: 4 }), twin });
}

/** Structure mutations of one scenario, 1 to 3 at a time, then now and then a byte mutation on the written YAML. */
export function structureCase(scenario: fc.Arbitrary<string>, profile: Profile = 'unit'): fc.Arbitrary<FuzzCase> {
  return fc.record({
    kind: fc.constant('structure' as const),
    scenario,
    structure: fc.array(structureMutation(profile), { minLength: 1, maxLength: 3 }),
    bytes: fc.oneof({ weight: 4, arbitrary: fc.constant<ByteMutation[]>([]) }, { weight: 1, arbitrary: fc.array(byteMutation, { minLength: 1, maxLength: 2 }) }),
    twin,
  });
}

/** Either kind, half and half, over the given scenario names. */
export function anyCase(scenarios: readonly string[], profile: Profile = 'unit'): fc.Arbitrary<FuzzCase> {
  const scenario = fc.constantFrom(...scenarios);
  return fc.oneof(byteCase(scenario), structureCase(scenario, profile));
}

/** The bytes a case feeds to the CLI and the game. */
export function buildInput(c: FuzzCase, original: Uint8Array): Uint8Array {
  if (c.kind === 'bytes') return applyByteMutations(original, c.bytes);
  const text = applyStructureMutations(new TextDecoder().decode(original), c.structure);
  return applyByteMutations(new TextEncoder().encode(text), c.bytes);
}

/** A short description of a case for failure messages (mutation kinds, not their long data). */
export function describeCase(c: FuzzCase): string {
  const kinds = [...(c.kind === 'structure' ? c.structure.map((m) => m.kind) : []), ...c.bytes.map((m) => `bytes:${m.kind}`)];
  return `${c.scenario} [${kinds.join(', ')}]${c.twin ? ' (linted with a twin)' : ''}`;
}
