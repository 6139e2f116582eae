import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { walkReplyRoutes } from '../../../src/audit/index.ts';
import { resultOf } from '../../../src/engine/index.ts';
import { offeredReplies, type DialogueNode } from '../../../src/scenario/index.ts';
import type { CompiledScenario, ConversationContext, ConversationEvent } from '../../../src/engine/index.ts';
import { compileFile, shippedScenarioFiles } from '../helpers.ts';

/** The events a player can cause in a state: each offered reply, and letting a timer run out. */
function playerEvents(compiled: CompiledScenario) {
  return (snapshot: { context: ConversationContext; status: string }): ConversationEvent[] => {
    if (snapshot.status === 'done') return [];
    const { context } = snapshot;
    const node = compiled.scenario.nodes[context.node] as DialogueNode;
    const replies = offeredReplies(node, context).map((_, i): ConversationEvent => ({ type: 'REPLY', reply: i + 1 }));
    return context.limitMs !== null ? [...replies, { type: 'TIMEOUT' }] : replies;
  };
}

/** A state is where the conversation is plus what conditions can see; the transcript is history, not state. */
const serializeState = (snapshot: { context: ConversationContext; status: string }): string =>
  `${snapshot.context.node}|${snapshot.context.mood}|${JSON.stringify(snapshot.context.variables)}|${snapshot.status}`;

describe.each(shippedScenarioFiles())('%s (model-based, xstate/graph)', (file) => {
  const compiled = compileFile(file);
  const options = { input: { timers: 'standard' as const }, events: playerEvents(compiled), serializeState: serializeState as never };

  it('reaches every ending', () => {
    const paths = getShortestPaths(compiled.machine, options);
    const reached = new Set(paths.filter((p) => p.state.status === 'done').map((p) => p.state.context.ending));
    expect([...reached].sort()).toEqual(Object.keys(compiled.scenario.endings).sort());
  });

  it('has no trap: from every reachable state an ending can still be reached', () => {
    const adjacency = getAdjacencyMap(compiled.machine, options);
    // Its keys are branded strings, which Object.entries can't see through (it would type the values any).
    const states = Object.entries(adjacency) as [string, (typeof adjacency)[keyof typeof adjacency]][];
    const canFinish = new Set(states.filter(([, v]) => v.state.status === 'done').map(([k]) => k));
    let grew = true;
    while (grew) {
      grew = false;
      for (const [key, value] of states) {
        if (canFinish.has(key)) continue;
        if (Object.values(value.transitions).some((t) => canFinish.has(serializeState(t.state)))) {
          canFinish.add(key);
          grew = true;
        }
      }
    }
    const traps = Object.keys(adjacency).filter((k) => !canFinish.has(k));
    expect(traps).toEqual([]);
  });

  it('scores within 0..100 on every explored path', () => {
    const paths = getShortestPaths(compiled.machine, options).filter((p) => p.state.status === 'done');
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      const result = resultOf(compiled, path.state.context);
      for (const [name, value] of Object.entries(result.scores)) {
        if (value === null) continue;
        expect(value, `${name} on ${path.steps.map((s) => JSON.stringify(s.event)).join(' ')}`).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
        expect(Number.isInteger(value)).toBe(true);
      }
    }
    // Every route of replies, through the audit's walk (a property test keeps it equal to the engine's, and
    // it is fast enough to walk the largest scenario whole); timeouts are covered by the shortest paths above.
    let lowest = 100;
    let highest = 0;
    walkReplyRoutes(compiled, ({ scores }) => {
      lowest = Math.min(lowest, scores.overall);
      highest = Math.max(highest, scores.overall);
    }, 1_000_000);
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(highest).toBeLessThanOrEqual(100);
  });
});
