import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { DialogueNode, Reply } from '../scenario/model.ts';

/**
 * The order a decision's replies are shown in, as the replies themselves.
 *
 * Without a seed (the CLI's `--choose`, tests) or at a node marked
 * `order: fixed`, that is file order. With a seed every decision gets its own
 * Fisher–Yates shuffle, drawn from a generator seeded with the play's seed and
 * the decision's turn (how many nodes the play has visited), so a stored seed
 * replays every order exactly, and a node offered again after a timeout is
 * shuffled afresh. Scores never read this order: tact compares the chosen
 * reply with the offered ones, wherever they stood.
 *
 * @example shownOrder(node, offered, 1234, 3).map((r) => r.index) // [3, 1, 2]
 */
export function shownOrder(node: DialogueNode, offered: readonly Reply[], seed: number | null, turn: number): Reply[] {
  const order = [...offered];
  if (seed === null || node.order === 'fixed' || order.length < 2) return order;
  // Mixing the turn into the seed keeps each decision's order independent of the others.
  const rng = xoroshiro128plus((seed ^ Math.imul(turn + 1, 0x9e3779b1)) | 0);
  for (let i = order.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
