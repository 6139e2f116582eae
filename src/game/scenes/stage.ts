import Phaser from 'phaser';
import { ConversationScene } from './ConversationScene.ts';
import { drawOnlyOnChange } from '../stage/redraw.ts';
import type { ConversationStart, PreviewPlay } from '../preview/preview-play.ts';

/**
 * The Phaser stage: the game loop and canvas that draw the customer's face
 * and the mood meter during a conversation. It is the only part of the game
 * that needs Phaser, so it is its own chunk, loaded while the player reads
 * a briefing (see conversation-stage.ts); the menu, briefing and debrief are
 * plain DOM and never wait for it. Between conversations nothing is drawn
 * (stage/redraw.ts skips frames where nothing changed), so those screens
 * cost next to nothing. (The loop is not put to sleep: waking it resets
 * Phaser's frame timing, and the conversation's clock runs on game time.)
 */
export interface Stage {
  /** Starts (or restarts) the conversation scene for scenario `id`. */
  startConversation(id: string): void;
  /** Starts (or restarts) the conversation scene on a preview play (the studio's preview.html). */
  playPreview(preview: PreviewPlay): void;
  /** Stops the conversation and hides the canvas. */
  stopConversation(): void;
}

/** Creates the one Phaser game; resolves once it has booted. */
export function createStage(): Promise<Stage> {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent: 'stage',
    // The backdrop is an SVG layer underneath; the canvas draws only what moves.
    transparent: true,
    banner: false,
    // The conversation sizes and places the canvas around what it animates (stage/viewport.ts).
    scale: { mode: Phaser.Scale.NONE, width: 2, height: 2 },
    // Howler plays every sound; Phaser's own audio would create an AudioContext before any input.
    audio: { noAudio: true },
    // All input goes to the DOM layer.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    // No multisampling: every round shape is painted antialiased on a 2D canvas texture instead
    // (see stage/painted.ts), which keeps frames cheap without a GPU.
    render: { antialias: true, antialiasGL: false, powerPreference: 'low-power' },
    scene: [],
  });
  // The canvas is redrawn only on frames where something on it changed (stage/redraw.ts).
  drawOnlyOnChange(game);
  if (import.meta.env.DEV) (window as unknown as { __tactfulGame: Phaser.Game }).__tactfulGame = game;
  const hideCanvas = (): void => {
    const stage = document.getElementById('stage');
    if (stage) stage.style.display = 'none';
  };
  return new Promise((resolve) => {
    game.events.once(Phaser.Core.Events.READY, () => {
      game.scene.add('Conversation', ConversationScene, false);
      hideCanvas();
      resolve({
        startConversation(id) {
          if (game.scene.isActive('Conversation')) game.scene.stop('Conversation');
          game.scene.start('Conversation', { id } satisfies ConversationStart);
        },
        playPreview(preview) {
          if (game.scene.isActive('Conversation')) game.scene.stop('Conversation');
          game.scene.start('Conversation', { preview } satisfies ConversationStart);
        },
        stopConversation() {
          if (game.scene.isActive('Conversation') || game.scene.isPaused('Conversation')) game.scene.stop('Conversation');
          hideCanvas();
        },
      });
    });
  });
}
