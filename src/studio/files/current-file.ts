import type { DocLines } from '../completion/yaml-outline.ts';
import { fileNameForId, scenarioIdIn } from './file-name.ts';

/** Used when a file has no usable id yet. */
const FALLBACK_NAME = 'new-scenario.yaml';

/**
 * The file the studio is editing: the name it saves under, the file handle
 * when it came from (or was saved to) the trainer's disk, and the text as
 * last saved, to tell whether there are changes to lose.
 */
export class CurrentFile {
  /** A name given by a file on disk; otherwise the name follows the scenario's id. */
  private fixedName: string | undefined;
  handle: FileSystemFileHandle | undefined;
  savedText: string | undefined;

  constructor(fixedName?: string) {
    this.fixedName = fixedName;
  }

  /** The name to save under: the opened file's, or `<id>.yaml` from the text. */
  nameFor(doc: DocLines): string {
    if (this.fixedName) return this.fixedName;
    const id = scenarioIdIn(doc);
    return (id && fileNameForId(id)) ?? FALLBACK_NAME;
  }

  /** True when the name comes from a file, not from the id. */
  get named(): boolean {
    return this.fixedName !== undefined;
  }

  /** Another file is now being edited. */
  replace(name: string | undefined, text: string | undefined, handle?: FileSystemFileHandle): void {
    this.fixedName = name;
    this.handle = handle;
    this.savedText = text;
  }

  /** The text was saved under `name` (and, on disk, to `handle`). */
  saved(text: string, name?: string, handle?: FileSystemFileHandle): void {
    this.savedText = text;
    if (name) this.fixedName = name;
    if (handle) this.handle = handle;
  }

  /** True when `text` has changes that were never saved. */
  unsaved(text: string): boolean {
    return this.savedText !== text;
  }
}
