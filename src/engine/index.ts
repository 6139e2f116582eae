/**
 * The engine: runs a compiled scenario as an XState actor on an injected
 * clock, and scores the result. Plain TypeScript: no Phaser, DOM or Node APIs.
 */
export * from './clock.ts';
export * from './machine.ts';
export * from './load.ts';
export * from './transcript.ts';
export * from './reply-order.ts';
export * from './shuffle-seed.ts';
export * from './conversation.ts';
export * from './start-point.ts';
export * from './emotion.ts';
export * from './result.ts';
export * from './scoring.ts';
export * from './view.ts';
export * from './choose.ts';
export * from './paths.ts';
export * from './best-reply.ts';
export * from './best-route.ts';
export * from './critical.ts';
export * from './debrief.ts';
