import type { Expression, Value } from './expression.ts';
import type { Emotion, Outcome, ReplyOrder } from './schema.ts';

/**
 * A scenario after validation: defaults applied, durations in milliseconds,
 * expressions parsed. This is what the compiler, the engine and the game read.
 */
export interface Scenario {
  id: string;
  /** The file it came from, for messages. */
  file: string;
  title: string;
  summary: string;
  brief: string;
  setting: string;
  objectives: string[];
  tags: string[];
  difficulty: number;
  locale: string;
  customer: { name: string; avatar: string; mood: number; patienceMs: number | null };
  variables: Record<string, Value>;
  scoring: ScoringRules;
  start: string;
  nodes: Record<string, ScenarioNode>;
  endings: Record<string, Ending>;
}

/** How a scenario is scored (see the spec's scoring rules). */
export interface ScoringRules {
  /** Weights as written; normalised when the overall score is computed. */
  weights: Record<string, number>;
  passMark: number;
  /** Extra scored dimensions by id. */
  dimensions: Record<string, { label: string }>;
}

export type ScenarioNode = DialogueNode | BranchNode;

/** A variable change: `name` takes the value of `expression`. */
export interface Assignment {
  name: string;
  expression: Expression;
}

/** What a reply or a timeout does to the conversation. */
export interface Effect {
  mood: number;
  set: Assignment[];
  score: Record<string, number>;
  goto: string;
}

/** The customer speaks; the trainee picks one of the replies. */
export interface DialogueNode {
  kind: 'dialogue';
  id: string;
  customer: string;
  emotion?: Emotion;
  /** Reply time limit (standard timer setting); null = untimed. */
  timeLimitMs: number | null;
  /** What happens when the timer runs out. */
  onTimeout: Effect;
  replies: Reply[];
  /** 'shuffled': shown in a random order per decision (seeded per play); 'fixed': file order. */
  order: ReplyOrder;
}

/** One reply the trainee can choose. */
export interface Reply extends Effect {
  /** 1-based position in the file's `replies` list. */
  index: number;
  say: string;
  /** Offered only when this holds. */
  condition?: Expression;
  tact: number;
  techniques: string[];
  feedback?: string;
  /**
   * A critical mistake: marked `critical: true` on the reply, or listing a
   * technique the catalogue marks critical. A play that chooses it cannot pass.
   */
  critical: boolean;
}

/** A node without a customer line that routes on state. */
export interface BranchNode {
  kind: 'branch';
  id: string;
  routes: { condition?: Expression; goto: string }[];
}

/** Where a conversation ends. */
export interface Ending {
  kind: 'ending';
  id: string;
  customer: string;
  emotion?: Emotion;
  outcome: Outcome;
  feedback?: string;
}
