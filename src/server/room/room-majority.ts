import type { VoteCount } from '../storage/room-store.ts';

/** What a round's votes say. */
export interface Majority {
  /** The reply with strictly more votes than any other (file position); null on a tie or with no votes. */
  winner: number | null;
  /** On a tie, the replies sharing the most votes (file positions, in file order); empty otherwise. */
  tied: number[];
  /** Every vote cast in the round. */
  votes: number;
  /** The room was divided: no reply won more than half of the votes (a tie always is). */
  split: boolean;
}

/**
 * The room's rule: the reply with the most votes is the room's reply. A
 * tie for the most votes has no majority: the trainer picks (one of the
 * tied replies, or any other). A round nobody voted in has none either.
 *
 * @example majorityOf([{ reply: 1, count: 3 }, { reply: 2, count: 3 }]) // { winner: null, tied: [1, 2], votes: 6, split: true }
 */
export function majorityOf(counts: readonly VoteCount[]): Majority {
  const votes = counts.reduce((total, c) => total + c.count, 0);
  const most = Math.max(0, ...counts.map((c) => c.count));
  const top = counts.filter((c) => c.count === most && most > 0).map((c) => c.reply).sort((a, b) => a - b);
  return { winner: top.length === 1 ? top[0]! : null, tied: top.length > 1 ? top : [], votes, split: votes > 0 && most * 2 <= votes };
}
