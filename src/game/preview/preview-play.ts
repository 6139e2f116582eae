import type { CompiledScenario, Conversation, SteppedClock } from '../../engine/index.ts';

/**
 * A play the studio's preview hands the conversation scene instead of a
 * library id: a scenario compiled from the trainer's text, and its
 * conversation already started (at the chosen node, with the decisions
 * replayed after an edit; see src/preview/). The scene plays it exactly as
 * in the game, except that nothing is recorded (no history entry, no
 * resume, no LMS), Back is not guarded, and the ending offers "Play again"
 * instead of the debrief.
 */
export interface PreviewPlay {
  compiled: CompiledScenario;
  talk: Conversation;
  /** The conversation's clock: the scene advances it with game time. */
  clock: SteppedClock;
  /** "Play again" (at the ending, or from the pause dialog): the preview starts the play afresh from its start point. */
  playAgain(): void;
}

/** What the conversation scene is started with: a scenario of the game's library, or a preview play. */
export type ConversationStart = { id: string } | { preview: PreviewPlay };
