import type { Value } from '../scenario/expression.ts';

/**
 * One decision the trainee made (or let time make): what was offered, what
 * was chosen, and when. Scoring reads only this, so a transcript replayed in
 * the CLI and in the game scores the same.
 */
export interface Decision {
  node: string;
  /** 1-based position among the replies as shown (the number the player pressed); null for a timeout. */
  reply: number | null;
  /** 1-based position in the node's `replies` list in the file; null for a timeout. */
  replyIndex: number | null;
  timedOut: boolean;
  /** The chosen reply's tact (0 for a timeout). */
  tact: number;
  /** Tact of every offered reply, in file order. */
  offeredTacts: number[];
  /** The offered replies' 1-based positions in the file's `replies` list, in file order. */
  offered: number[];
  /** The same positions in the order the replies were shown (differs from `offered` when shuffled). */
  shown: number[];
  /** The chosen reply is a critical mistake: the play cannot pass. */
  critical: boolean;
  techniques: string[];
  /** Milliseconds from the replies being shown to the choice. */
  ms: number;
  /** Effective time limit (timer setting applied); null when untimed or timers are off. */
  limitMs: number | null;
  /** Reading allowance for this decision (see reading-time.ts). */
  allowanceMs: number;
  moodBefore: number;
  moodAfter: number;
  /** Points on extra dimensions earned by this decision. */
  score: Record<string, number>;
  /** When the choice was made, on the conversation clock (ms). */
  at: number;
}

/** The conversation's state, as kept in the machine's context. */
export interface ConversationContext {
  /** The node or ending the conversation is at. */
  node: string;
  mood: number;
  variables: Record<string, Value>;
  /** Every node and ending visited, in order (repeats included). */
  path: string[];
  decisions: Decision[];
  /** Clock time of the last event: when the current node was entered. */
  now: number;
  /** When the replies at the current node were shown; null while the line is still being presented. */
  shownAt: number | null;
  /** Effective reply time limit at the current node; null when untimed or timers are off. */
  limitMs: number | null;
  /** Multiplier on time limits, or null when timers are off. */
  timerScale: number | null;
  /** When false, replies count as shown as soon as a node is entered (CLI, tests). */
  waitForShown: boolean;
  /** The play's shuffle seed; null keeps every node's replies in file order. */
  seed: number | null;
  /** The replies offered at the current node, as 1-based file positions, in the order shown. */
  shown: number[];
  /** The ending reached, once the conversation is over. */
  ending: string | null;
}
