/**
 * The scenario format: read a YAML file with positions, validate it and lint
 * it (the engine compiles it to a machine). Plain TypeScript: no Phaser, DOM or
 * Node APIs, so the game, the CLI and the tests share it.
 */
export * from './problem.ts';
export * from './model.ts';
export * from './schema.ts';
export * from './techniques.ts';
export * from './lint.ts';
export * from './semantics.ts';
export * from './reading-time.ts';
export { parseExpression, evaluate, type Value, type Expression } from './expression.ts';
export { parseDuration } from './duration.ts';
export { problemAt, type ScenarioSourceFile } from './source.ts';
export type { Analysis } from './analysis.ts';

export * from './graph-export.ts';
export { isScenarioFileName, isCatalogueFileName, scenarioFileStem } from './file-names.ts';
