import fc from 'fast-check';
import { stringify } from 'yaml';

/**
 * An arbitrary valid scenario, as YAML: dialogue nodes in a forward order
 * (the first reply of every node always moves on, so nothing can trap), with
 * conditions, variables, branch nodes, timers and a few backward loops.
 */
export const validScenarioYaml = fc
  .record({
    nodeCount: fc.integer({ min: 1, max: 10 }),
    endingCount: fc.integer({ min: 1, max: 4 }),
    seedReplies: fc.array(
      fc.record({
        extra: fc.integer({ min: 0, max: 3 }),
        tacts: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }),
        moods: fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 4, maxLength: 4 }),
        targets: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
        condition: fc.constantFrom(undefined, 'flag', 'not flag', 'mood >= 50', 'count > 1 or flag', "tone == 'calm'"),
        set: fc.constantFrom(undefined, { flag: true }, { count: 'count + 1' }, { tone: "'calm'" }, { count: 'count * 2 - 1' }),
        timeLimit: fc.constantFrom(undefined, '5s', 8, 'none', '1m'),
        branch: fc.boolean(),
        backward: fc.boolean(),
        score: fc.integer({ min: -3, max: 3 }),
      }),
      { minLength: 10, maxLength: 10 },
    ),
    startMood: fc.integer({ min: 0, max: 100 }),
    outcomes: fc.array(fc.constantFrom('satisfied', 'neutral', 'dissatisfied', 'escalated', 'lost'), { minLength: 4, maxLength: 4 }),
  })
  .map(({ nodeCount, endingCount, seedReplies, startMood, outcomes }) => {
    const nodeIds = Array.from({ length: nodeCount }, (_, i) => `n${i}`);
    const endingIds = Array.from({ length: endingCount }, (_, i) => `e${i}`);
    const forward = (i: number, pick: number): string => {
      const later = [...nodeIds.slice(i + 1), ...endingIds];
      return later[pick % later.length]!;
    };
    const nodes: Record<string, unknown> = {};
    nodeIds.forEach((id, i) => {
      const seed = seedReplies[i]!;
      if (seed.branch && i > 0) {
        nodes[id] = { branch: [{ if: seed.condition ?? 'flag', goto: forward(i, seed.targets[1]!) }, { goto: forward(i, seed.targets[0]!) }] };
        return;
      }
      const replies = Array.from({ length: 1 + seed.extra }, (_, r) => ({
        say: `Reply ${r + 1} at ${id}`,
        tact: seed.tacts[r],
        mood: seed.moods[r],
        goto: r === 2 && seed.backward && i > 0 ? nodeIds[seed.targets[r]! % i]! : forward(i, seed.targets[r]!),
        ...(r > 0 && seed.condition ? { if: seed.condition } : {}),
        ...(r === 1 && seed.set ? { set: seed.set } : {}),
        ...(r === 1 ? { score: { policy: seed.score } } : {}),
      }));
      nodes[id] = {
        customer: `Line at ${id}`,
        ...(seed.timeLimit !== undefined ? { timeLimit: seed.timeLimit } : {}),
        replies,
      };
    });
    const endings = Object.fromEntries(endingIds.map((id, i) => [id, { customer: `Bye from ${id}`, outcome: outcomes[i] }]));
    return stringify({
      id: 'random',
      title: 'Random',
      customer: { name: 'Rand', mood: startMood, patience: '20s' },
      variables: { flag: false, count: 0, tone: 'tense' },
      scoring: { weights: { tact: 1, speed: 1, satisfaction: 1, policy: 1 }, dimensions: { policy: { label: 'Policy' } } },
      start: 'n0',
      nodes,
      endings,
    });
  });
