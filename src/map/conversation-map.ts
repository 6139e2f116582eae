import type { Analysis } from '../scenario/analysis.ts';
import type { Outcome, Scenario } from '../scenario/index.ts';
import { locate, type ScenarioSourceFile } from '../scenario/source.ts';
import { idLines } from './id-lines.ts';

/** How tactful a reply is, as the map colours it: below 0 poor, 0 neutral, above 0 good. */
export type TactBand = 'poor' | 'neutral' | 'good';

/** A box on the map: a dialogue node, a branch node or an ending. */
export interface MapNode {
  id: string;
  kind: 'dialogue' | 'branch' | 'ending';
  /** The customer's line (dialogue, ending), or nothing for a branch (its conditions are in `conditions`). */
  line: string;
  /** A branch's routes in file order, as written: "mood >= 50", and "else" for the fallback. */
  conditions: string[];
  /** An ending's outcome. */
  outcome?: Outcome;
  /** Where the node's id is written in the file (1-based): a click on the box puts the cursor there. */
  sourceLine: number;
  start: boolean;
  /** The linter's "unreachable": no route from `start` leads here. */
  unreachable: boolean;
  /** The linter's "dead-end": from here no ending can be reached (or branch nodes route to each other forever). */
  deadEnd: boolean;
}

/** An arrow on the map: a reply, a branch's route, or what happens when the timer runs out. */
export interface MapEdge {
  id: string;
  from: string;
  to: string;
  kind: 'reply' | 'route' | 'timeout';
  /** Short text on the arrow: "2 · +1" (reply 2, tact +1), "if 1", "else", "timeout". */
  label: string;
  /** A reply's tact band (the colour and dash pattern of its arrow). */
  tact?: TactBand;
  /** The reply's tact as written (−3..+3). */
  tactValue?: number;
}

/** The scenario as the studio's map draws it. */
export interface ConversationMap {
  /** Dialogue and branch nodes in file order, then the endings: the order Tab visits them. */
  nodes: MapNode[];
  edges: MapEdge[];
}

/** The band of a tact value: the colour and pattern its arrow gets. */
export function tactBand(tact: number): TactBand {
  return tact < 0 ? 'poor' : tact > 0 ? 'good' : 'neutral';
}

/** "+2", "0", "−1" (a true minus sign, as the game prints it). */
export function signedTact(tact: number): string {
  return tact > 0 ? `+${tact}` : tact < 0 ? `−${-tact}` : '0';
}

/**
 * Builds the map of a checked scenario: every node and ending with the line
 * its id is written on, every reply, route and timeout as an arrow, and the
 * linter's findings (unreachable, dead ends) on the boxes they concern.
 * Branch conditions are shown as the trainer wrote them (read from the
 * file's data, not re-printed from the parsed expression).
 *
 * @example conversationMap(checked.scenario, checked.analysis, checked.source).nodes[0] // { id: 'opening', kind: 'dialogue', … }
 */
export function conversationMap(scenario: Scenario, analysis: Analysis, source: ScenarioSourceFile): ConversationMap {
  const stuck = new Set([...analysis.deadEnds, ...analysis.branchLoops.flat(), ...(analysis.exact ? analysis.traps : [])]);
  const idLine = idLines(source.text);
  const lineOf = (group: 'nodes' | 'endings', id: string): number => idLine[group].get(id) ?? locate(source, [group, id], 'key').line;
  const nodes: MapNode[] = [];
  const edges: MapEdge[] = [];
  const flags = (id: string): Pick<MapNode, 'start' | 'unreachable' | 'deadEnd'> => ({
    start: id === scenario.start,
    unreachable: !analysis.reachable.has(id),
    deadEnd: stuck.has(id),
  });
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') {
      const written = branchConditions(source.data, node.id);
      const conditions = node.routes.map((r, i) => (r.condition ? (written[i] ?? `condition ${i + 1}`) : 'else'));
      nodes.push({ id: node.id, kind: 'branch', line: '', conditions, sourceLine: lineOf('nodes', node.id), ...flags(node.id) });
      node.routes.forEach((r, i) => edges.push({ id: `${node.id}/route/${i + 1}`, from: node.id, to: r.goto, kind: 'route', label: r.condition ? `if ${i + 1}` : 'else' }));
    } else {
      nodes.push({ id: node.id, kind: 'dialogue', line: node.customer, conditions: [], sourceLine: lineOf('nodes', node.id), ...flags(node.id) });
      for (const r of node.replies) {
        edges.push({
          id: `${node.id}/reply/${r.index}`, from: node.id, to: r.goto, kind: 'reply',
          label: `${r.index} · ${signedTact(r.tact)}${r.condition ? ' if' : ''}`, tact: tactBand(r.tact), tactValue: r.tact,
        });
      }
      if (node.timeLimitMs !== null) edges.push({ id: `${node.id}/timeout`, from: node.id, to: node.onTimeout.goto, kind: 'timeout', label: 'timeout' });
    }
  }
  for (const ending of Object.values(scenario.endings)) {
    nodes.push({ id: ending.id, kind: 'ending', line: ending.customer, conditions: [], outcome: ending.outcome, sourceLine: lineOf('endings', ending.id), ...flags(ending.id) });
  }
  return { nodes, edges };
}

/** The `if:` texts of a branch node's routes as written in the file (the model keeps only the parsed expressions). */
function branchConditions(data: unknown, id: string): string[] {
  const nodes = (data as { nodes?: Record<string, { branch?: { if?: unknown }[] }> } | null)?.nodes;
  const routes = nodes?.[id]?.branch;
  // The schema makes `if` a string by the time a scenario exists; anything else is left for the "condition n" fallback.
  return Array.isArray(routes) ? routes.map((r) => (r && typeof r === 'object' && typeof r.if === 'string' ? r.if : '')) : [];
}
