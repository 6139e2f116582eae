import '@fontsource-variable/inter/wght.css';
import './ui/styles.css';
import Phaser from 'phaser';
import { settings } from './settings.ts';
import { sounds } from './audio.ts';
import { PreloadScene } from './scenes/PreloadScene.ts';
import { MenuScene } from './scenes/MenuScene.ts';
import { BriefingScene } from './scenes/BriefingScene.ts';
import { ConversationScene } from './scenes/ConversationScene.ts';
import { DebriefScene } from './scenes/DebriefScene.ts';

/**
 * Tactful's entry point: a Phaser stage (backdrop, faces, meters, rings)
 * under a DOM layer (all text and controls), one scene per screen.
 */
document.documentElement.classList.toggle('reduced-motion', settings().reducedMotion);
sounds(); // listens for the first input, which unlocks audio

const game = new Phaser.Game({
  type: Phaser.AUTO,
  parent: 'stage',
  // The backdrop is an SVG layer underneath; the canvas draws only what moves.
  transparent: true,
  banner: false,
  // Each screen sizes and places the canvas around what it animates (stage/viewport.ts).
  scale: { mode: Phaser.Scale.NONE, width: 2, height: 2 },
  // Howler plays every sound; Phaser's own audio would create an AudioContext before any input.
  audio: { noAudio: true },
  // All input goes to the DOM layer.
  input: { keyboard: false, mouse: false, touch: false, gamepad: false },
  // No multisampling: every round shape is painted antialiased on a 2D canvas texture instead
  // (see stage/painted.ts), which keeps frames cheap without a GPU.
  render: { antialias: true, antialiasGL: false, powerPreference: 'low-power' },
  scene: [PreloadScene, MenuScene, BriefingScene, ConversationScene, DebriefScene],
});

if (import.meta.env.DEV) (window as unknown as { __tactfulGame: Phaser.Game }).__tactfulGame = game;
