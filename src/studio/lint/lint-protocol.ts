import type { Problem } from '../../scenario/problem.ts';
import type { TechniqueHelp } from '../completion/scenario-completions.ts';
import type { ConversationMap } from '../../map/conversation-map.ts';
import type { PlayOutline } from '../preview/play-outline.ts';

/**
 * What the page tells the studio worker. The worker keeps its own copy of
 * the text, updated edit by edit, so the page never copies a big file to
 * check it or to keep its draft: a keystroke costs the page a few bytes.
 */
export type WorkerRequest =
  /** A file was loaded: the worker's copy starts from this text. */
  | { kind: 'load'; text: string }
  /** The trainer edited the text (CodeMirror's ChangeSet, as JSON). */
  | { kind: 'edit'; changes: unknown }
  /** Check the text as it is now; `file` is the path the CLI would print (scenarios/<name>). */
  | { kind: 'check'; version: number; file: string }
  /** Keep the text as the browser's draft, under this file name. */
  | { kind: 'keep'; name: string };

/** The worker's answers: the technique catalogue once at start, one result per check, and whether a draft was kept. */
export type WorkerMessage =
  | { kind: 'catalogue'; techniques: TechniqueHelp[] }
  | {
      kind: 'checked';
      version: number;
      problems: Problem[];
      /** Time the check took in the worker, in ms. */
      ms: number;
      /** The conversation's map (src/studio/map), or null when the file does not read into a scenario. */
      map: ConversationMap | null;
      /** What the Play panel offers (start nodes, mood, variables), or null when the file does not read into a scenario. */
      outline: PlayOutline | null;
    }
  | { kind: 'kept'; ok: boolean };
