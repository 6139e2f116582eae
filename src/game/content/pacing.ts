/** Characters per second the customer's line is typed out at (the game's pacing, never scoring). */
export const TYPING_CHARS_PER_SECOND = 45;

/** Game-time pause between the player's reply and the customer's next line (ms). */
export const BEAT_MS = 700;
