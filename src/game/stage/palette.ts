import type { Emotion } from '../../scenario/index.ts';

/** Canvas colours, matching the CSS palette in ui/styles.css. */
export const COLOURS = {
  wallTop: 0xf3ece1,
  wallBottom: 0xe7dccb,
  shelf: 0xd6c4aa,
  shelfEdge: 0xc2ad8f,
  counter: 0xb58f6c,
  counterTop: 0xcaa47f,
  track: 0xe2d9cb,
  ink: 0x1b2331,
  paper: 0xfffdf9,
  brand: 0x1d6b66,
  amber: 0xd49a1f,
  red: 0xc4472f,
};

/** Product colours on the back-wall shelves: muted, so the UI stays in front. */
export const PRODUCTS = [0xd9b8a0, 0xb9cbc4, 0xe3cf9f, 0xc8b6cf, 0xa9c2d6, 0xe0b4a8, 0xc9d3a8];

/** The ring and meter colour for each emotion. */
export const EMOTION_COLOURS: Record<Emotion, number> = {
  angry: 0xc4472f,
  annoyed: 0xe0823d,
  neutral: 0xc9a93a,
  pleased: 0x6aab57,
  delighted: 0x2e9160,
};

// The words for each emotion live with the engine's mood bands, so the terminal says the same.
export { EMOTION_LABELS } from '../../engine/emotion.ts';

export const EMOTIONS: readonly Emotion[] = ['angry', 'annoyed', 'neutral', 'pleased', 'delighted'];
