import type { Scenario } from './model.ts';

/** Formats `tactful graph` can print. */
export type GraphFormat = 'mermaid' | 'dot';

/**
 * Draws a scenario as a graph: dialogue nodes as boxes (id and the start of
 * the customer line), branch nodes as diamonds, endings as rounded boxes with
 * their outcome; edges labelled with the reply number and its tact.
 *
 * @example scenarioGraph(scenario, 'mermaid') // "flowchart TD\n  opening[...] ..."
 */
export function scenarioGraph(scenario: Scenario, format: GraphFormat): string {
  const edges: { from: string; to: string; label: string }[] = [];
  const shapes: { id: string; kind: 'dialogue' | 'branch' | 'ending'; label: string }[] = [];
  for (const node of Object.values(scenario.nodes)) {
    if (node.kind === 'branch') {
      shapes.push({ id: node.id, kind: 'branch', label: node.id });
      node.routes.forEach((r, i) => edges.push({ from: node.id, to: r.goto, label: r.condition ? `if ${i + 1}` : 'else' }));
    } else {
      shapes.push({ id: node.id, kind: 'dialogue', label: `${node.id}: ${excerpt(node.customer)}` });
      node.replies.forEach((r) => edges.push({ from: node.id, to: r.goto, label: `${r.index} (tact ${r.tact >= 0 ? '+' : ''}${r.tact})${r.condition ? ' if' : ''}` }));
      if (node.timeLimitMs !== null) edges.push({ from: node.id, to: node.onTimeout.goto, label: 'timeout' });
    }
  }
  for (const ending of Object.values(scenario.endings)) shapes.push({ id: ending.id, kind: 'ending', label: `${ending.id} (${ending.outcome})` });
  return format === 'dot' ? toDot(scenario, shapes, edges) : toMermaid(scenario, shapes, edges);
}

function excerpt(text: string): string {
  const words = text.split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : text;
}

function toMermaid(scenario: Scenario, shapes: { id: string; kind: string; label: string }[], edges: { from: string; to: string; label: string }[]): string {
  // Mermaid ids cannot contain "-"; labels are quoted with #quot; for quotes.
  const ids = new Map(shapes.map((s, i) => [s.id, `n${i}`]));
  const text = (s: string): string => `"${s.replace(/"/g, '#quot;')}"`;
  const lines = ['flowchart TD', `  start((start)) --> ${ids.get(scenario.start)}`];
  for (const s of shapes) {
    const id = ids.get(s.id)!;
    lines.push(s.kind === 'branch' ? `  ${id}{${text(s.label)}}` : s.kind === 'ending' ? `  ${id}([${text(s.label)}])` : `  ${id}[${text(s.label)}]`);
  }
  for (const e of edges) lines.push(`  ${ids.get(e.from)} -->|${text(e.label)}| ${ids.get(e.to)}`);
  return `${lines.join('\n')}\n`;
}

function toDot(scenario: Scenario, shapes: { id: string; kind: string; label: string }[], edges: { from: string; to: string; label: string }[]): string {
  const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const lines = [`digraph ${q(scenario.id)} {`, '  rankdir=TB;', '  node [fontname="sans-serif"];', `  __start [shape=point]; __start -> ${q(scenario.start)};`];
  for (const s of shapes) {
    const shape = s.kind === 'branch' ? 'diamond' : s.kind === 'ending' ? 'doubleoctagon' : 'box';
    lines.push(`  ${q(s.id)} [shape=${shape}, label=${q(s.label)}];`);
  }
  for (const e of edges) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
