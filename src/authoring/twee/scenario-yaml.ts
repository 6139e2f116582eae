import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import type { TweePassage } from './twee-story.ts';

/**
 * Writes converted scenario data as a scenario file: a header comment
 * naming the source, a comment above each node and ending naming its
 * passage and line (so a lint message leads back to the Twee file), and
 * short lists and scores written inline, as the shipped scenarios write them.
 *
 * @example scenarioYaml(converted.scenario, converted.sources, ['Converted from story.twee']) // '# Converted from story.twee\nid: …'
 */
export function scenarioYaml(scenario: Record<string, unknown>, sources: ReadonlyMap<string, TweePassage>, header: readonly string[]): string {
  const doc = new Document(scenario);
  doc.commentBefore = header.map((line) => ` ${line}`).join('\n');
  for (const group of ['nodes', 'endings']) {
    const map = doc.get(group, true);
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      const passage = isScalar(pair.key) ? sources.get(String(pair.key.value)) : undefined;
      if (passage && isScalar(pair.key)) pair.key.commentBefore = ` passage "${passage.name}", line ${passage.line}`;
      if (isMap(pair.value)) inlineShortCollections(pair.value);
    }
  }
  const tags = doc.get('tags', true);
  if (isSeq(tags)) tags.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** `techniques: [a, b]` and `score: { policy: 1 }` on one line each. */
function inlineShortCollections(node: YAMLMap): void {
  const replies = node.get('replies', true);
  if (!isSeq(replies)) return;
  for (const reply of replies.items) {
    if (!isMap(reply)) continue;
    for (const key of ['techniques', 'score']) {
      const value = reply.get(key, true);
      if (isSeq(value) || isMap(value)) value.flow = true;
    }
  }
}
