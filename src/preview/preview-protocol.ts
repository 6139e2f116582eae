import type { Scores } from '../engine/scoring.ts';
import type { Value } from '../scenario/expression.ts';
import type { Outcome } from '../scenario/index.ts';

/**
 * The messages between the studio's Play panel and its preview frame
 * (preview.html, same origin), sent with `postMessage`. Each side checks
 * the sender's origin and the message's shape before acting on it.
 */

/** One decision of a preview play, as replayed after an edit: where, which reply (its position in the file's `replies`, or null for a timeout), and after how long. */
export interface PlayedDecision {
  node: string;
  reply: number | null;
  ms: number;
}

/** Where a preview starts: a node (null: the scenario's `start`), with the mood and variable values the trainer chose. */
export interface PreviewStart {
  node: string | null;
  mood?: number;
  variables?: Record<string, Value>;
}

/** Studio → preview: play this text from this start, replaying these decisions first (an edit reloads at the same point). */
export interface PlayRequest {
  kind: 'play';
  /** The path problems are reported under (scenarios/<name>.yaml). */
  file: string;
  text: string;
  from: PreviewStart;
  replay: PlayedDecision[];
}

/** What the studio tells the preview. */
export type StudioToPreview = PlayRequest;

/** What the preview tells the studio. */
export type PreviewToStudio =
  /** The frame is loaded and listening. */
  | { kind: 'ready' }
  /** The path played so far (after the start and after each decision); `changed` says where an edit cut the replayed path short. */
  | { kind: 'path'; start: string; nodes: string[]; decisions: PlayedDecision[]; changed: string | null }
  /** The play reached an ending. */
  | { kind: 'ended'; ending: string; outcome: Outcome; scores: Scores }
  /** It cannot play: the file does not compile (`file`), or the start point does not fit the scenario (`start`). */
  | { kind: 'problem'; about: 'file' | 'start'; messages: string[] };

const isRecord = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null;
const isDecision = (d: unknown): d is PlayedDecision =>
  isRecord(d) && typeof d.node === 'string' && (d.reply === null || typeof d.reply === 'number') && typeof d.ms === 'number';
const isValue = (v: unknown): v is Value => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Whether a message received by the preview is a well-formed request from the studio. */
export function isStudioToPreview(data: unknown): data is StudioToPreview {
  if (!isRecord(data) || data.kind !== 'play' || typeof data.file !== 'string' || typeof data.text !== 'string') return false;
  const from = data.from;
  if (!isRecord(from) || !(from.node === null || typeof from.node === 'string')) return false;
  if (from.mood !== undefined && typeof from.mood !== 'number') return false;
  if (from.variables !== undefined && !(isRecord(from.variables) && Object.values(from.variables).every(isValue))) return false;
  return Array.isArray(data.replay) && data.replay.every(isDecision);
}

/** Whether a message received by the studio is a well-formed message from the preview. */
export function isPreviewToStudio(data: unknown): data is PreviewToStudio {
  if (!isRecord(data)) return false;
  switch (data.kind) {
    case 'ready':
      return true;
    case 'path':
      return typeof data.start === 'string' && Array.isArray(data.nodes) && data.nodes.every((n) => typeof n === 'string') && Array.isArray(data.decisions) && data.decisions.every(isDecision) && (data.changed === null || typeof data.changed === 'string');
    case 'ended':
      return typeof data.ending === 'string' && typeof data.outcome === 'string' && isRecord(data.scores);
    case 'problem':
      return (data.about === 'file' || data.about === 'start') && Array.isArray(data.messages) && data.messages.every((m) => typeof m === 'string');
    default:
      return false;
  }
}
