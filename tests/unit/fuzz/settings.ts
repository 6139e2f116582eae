/**
 * Sizes of the fuzz tests in `npm test`: a few hundred cases in all, about
 * half a minute on a busy two-core machine. bench/fuzz.ts runs the big one.
 */

/** Byte-mutation cases per shipped scenario. */
export const BYTE_CASES_PER_SCENARIO = 3;
/** Structure-mutation cases per shipped scenario. */
export const STRUCTURE_CASES_PER_SCENARIO = 3;
/**
 * `paths` walks the routes of a mutant that compiles only under this much
 * estimated work (see pathsWork in targets.ts): about a quarter of a second.
 * The shipped scenarios themselves are all over it (30,000 to 1.5 million),
 * so it is the mutants that cut a scenario down that get walked here.
 */
export const UNIT_PATHS_WORK_BUDGET = 25_000;
/**
 * Per test (a handful of cases). A case that hangs fails its test here;
 * between targets the harness yields to the event loop so the timeout can fire.
 */
export const FUZZ_TEST_TIMEOUT_MS = 120_000;
