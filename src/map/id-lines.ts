/** The line (1-based) each node and ending id is written on, by group. */
export interface IdLines {
  nodes: Map<string, number>;
  endings: Map<string, number>;
}

const TOP_KEY = /^([A-Za-z_][\w-]*)\s*:(?:\s|$)/;
const CHILD_KEY = /^( +)([A-Za-z0-9_][\w.-]*)\s*:(?:\s|$)/;

/**
 * Finds where the ids under `nodes:` and `endings:` are written, by reading
 * the file's lines and their indentation: a child key of either block is a
 * line indented like the block's first key. This costs a pass over the
 * lines, where the YAML tree with positions that `locate` reads would cost
 * a second parse of the file (hundreds of ms on a big one); ids it cannot
 * see (a quoted key, a flow-style `{…}` block) are left for `locate`.
 *
 * @example idLines('nodes:\n  opening:\n    customer: Hi\n').nodes.get('opening') // 2
 */
export function idLines(text: string): IdLines {
  const found: IdLines = { nodes: new Map(), endings: new Map() };
  let group: Map<string, number> | undefined;
  let indent = -1;
  let lineNo = 0;
  let at = 0;
  while (at <= text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    at = end === -1 ? text.length + 1 : end + 1;
    lineNo++;
    const first = line.search(/\S/);
    if (first === -1 || line[first] === '#') continue;
    if (first === 0) {
      const key = TOP_KEY.exec(line)?.[1];
      group = key === 'nodes' ? found.nodes : key === 'endings' ? found.endings : undefined;
      indent = -1;
      continue;
    }
    if (!group) continue;
    if (indent === -1) indent = first;
    if (first !== indent) continue;
    const child = CHILD_KEY.exec(line);
    if (child && !group.has(child[2]!)) group.set(child[2]!, lineNo);
  }
  return found;
}
