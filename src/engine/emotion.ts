import type { Emotion } from '../scenario/index.ts';

/**
 * The face that goes with a mood, in five bands of 20:
 * 0–19 angry, 20–39 annoyed, 40–59 neutral, 60–79 pleased, 80–100 delighted.
 */
export function emotionForMood(mood: number): Emotion {
  if (mood < 20) return 'angry';
  if (mood < 40) return 'annoyed';
  if (mood < 60) return 'neutral';
  if (mood < 80) return 'pleased';
  return 'delighted';
}

/** Each emotion in words, as the game's mood meter and the terminal's play both say it. */
export const EMOTION_LABELS: Record<Emotion, string> = {
  angry: 'Angry',
  annoyed: 'Annoyed',
  neutral: 'Neutral',
  pleased: 'Pleased',
  delighted: 'Delighted',
};
