/**
 * Setup file for the Vitest run Stryker uses (vitest.stryker.config.ts), never
 * for `npm test`. Each mutant re-runs the property tests that reach it; a time
 * budget per property keeps that affordable. The tests' own `numRuns` still
 * applies: fast-check stops at whichever comes first, and a budget that runs
 * out is not a failure (`markInterruptAsFailure` stays false). A property
 * test that counts its runs cannot take a budget: vitest.stryker.config.ts
 * leaves those out.
 */
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 400 });
