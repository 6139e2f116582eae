/**
 * The scenario audit: can a scenario be beaten without skill, and do its
 * scores rank conversations the way a trainer would? Plain TypeScript on the
 * engine, so the CLI (`tactful audit`) and the studio's Audit panel share it.
 */
export * from './audit.ts';
export * from './audit-wording.ts';
export * from './strategies.ts';
export * from './thresholds.ts';
export * from './length-bias.ts';
export * from './play-strategy.ts';
export * from './ranking.ts';
export * from './route-walk.ts';
