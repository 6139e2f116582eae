/**
 * Opening and saving scenario files on the trainer's computer: the File
 * System Access API where the browser has it (Chrome, Edge: save writes
 * back to the file that was opened), a file chooser and a download
 * everywhere else.
 */

/** The parts of the File System Access API used here (not in TypeScript's DOM types everywhere yet). */
interface FilePickerWindow {
  showOpenFilePicker?: (options: object) => Promise<FileSystemFileHandle[]>;
  showSaveFilePicker?: (options: object) => Promise<FileSystemFileHandle>;
}

/** A file the trainer opened: its name, its text, and the handle to write it back when the browser gives one. */
export interface OpenedFile {
  name: string;
  text: string;
  handle?: FileSystemFileHandle;
}

const YAML_TYPES = [{ description: 'Scenario (YAML)', accept: { 'text/yaml': ['.yaml', '.yml'] } }];
const pickers = (): FilePickerWindow => window as unknown as FilePickerWindow;

/** True when a cancelled picker is what went wrong (not a failure to report). */
function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Asks for a scenario file and reads it; undefined when the trainer cancels. */
export async function openScenarioFile(): Promise<OpenedFile | undefined> {
  const picker = pickers();
  if (picker.showOpenFilePicker) {
    try {
      const [handle] = await picker.showOpenFilePicker({ types: YAML_TYPES, multiple: false });
      if (!handle) return undefined;
      const file = await handle.getFile();
      return { name: file.name, text: await file.text(), handle };
    } catch (error) {
      if (isCancel(error)) return undefined;
      throw error;
    }
  }
  const file = await chooseWithInput();
  return file ? { name: file.name, text: await file.text() } : undefined;
}

function chooseWithInput(): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.yaml,.yml,text/yaml';
    input.addEventListener('change', () => resolve(input.files?.[0]));
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}

/** How a save went: written to a file (with its handle for next time), downloaded, or cancelled. */
export type SaveOutcome = { how: 'file'; handle: FileSystemFileHandle; name: string } | { how: 'download'; name: string } | { how: 'cancelled' };

/**
 * Saves the text: into the file it came from when there is a handle, else
 * to a file the trainer picks, else as a download named `name`.
 */
export async function saveScenarioFile(name: string, text: string, handle?: FileSystemFileHandle): Promise<SaveOutcome> {
  const picker = pickers();
  try {
    const target = handle ?? (picker.showSaveFilePicker ? await picker.showSaveFilePicker({ suggestedName: name, types: YAML_TYPES }) : undefined);
    if (target) {
      const writable = await target.createWritable();
      await writable.write(text);
      await writable.close();
      return { how: 'file', handle: target, name: target.name };
    }
  } catch (error) {
    if (isCancel(error)) return { how: 'cancelled' };
    throw error;
  }
  download(name, text);
  return { how: 'download', name };
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
