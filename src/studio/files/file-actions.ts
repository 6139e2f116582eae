import type { StudioEditor } from '../editor/create-editor.ts';
import type { CurrentFile } from './current-file.ts';
import { canSaveToScenarios, saveToScenarios } from './dev-save-client.ts';
import { openScenarioFile, saveScenarioFile } from './file-access.ts';
import { newScenarioText } from './template.ts';

/** How a message on the status line reads: news, done, or gone wrong. */
export type Tone = 'info' | 'done' | 'error';

/** What the file actions need from the page. */
export interface FileActionsPage {
  editor: StudioEditor;
  file: CurrentFile;
  /** Shows a message on the status line. */
  status(message: string, tone: Tone): void;
  /** Asks the trainer to confirm something that loses work. */
  confirm(question: string): boolean;
  /** The file name changed (shown in the header). */
  renamed(): void;
  /** Another file is in the editor: a new one, or one opened (the audit runs again). */
  loaded?(): void;
  /** The text was saved, whatever the route (the audit runs again). */
  saved?(): void;
}

/**
 * New, Open, Save and Download. Save goes to scenarios/ in `npm start`
 * (the development server writes it and the game's menu reloads), and to
 * the trainer's own file everywhere else.
 */
export class FileActions {
  constructor(private readonly page: FileActionsPage) {}

  private get text(): string {
    return this.page.editor.view.state.doc.toString();
  }

  private mayReplace(): boolean {
    return !this.page.file.unsaved(this.text) || this.page.confirm('Replace the file you are editing? Its changes since the last save will be lost.');
  }

  /** Starts a new scenario from the template. */
  newFile(): void {
    if (!this.mayReplace()) return;
    this.page.editor.load(newScenarioText('new-scenario'));
    this.page.file.replace(undefined, undefined);
    this.page.renamed();
    this.page.loaded?.();
    this.page.status('New scenario from the template. Change its id and title, then write your conversation.', 'info');
  }

  /** Opens a scenario file from the trainer's computer. */
  async open(): Promise<void> {
    if (!this.mayReplace()) return;
    try {
      const opened = await openScenarioFile();
      if (!opened) return;
      this.page.editor.load(opened.text);
      this.page.file.replace(opened.name, opened.text, opened.handle);
      this.page.renamed();
      this.page.loaded?.();
      this.page.status(`Opened ${opened.name}.`, 'info');
    } catch (error) {
      this.page.status(`Could not open the file: ${(error as Error).message}`, 'error');
    }
  }

  /** Save: into scenarios/ in `npm start`, else to a file on the trainer's computer. */
  async save(): Promise<void> {
    if (canSaveToScenarios) await this.saveToScenarios();
    else await this.saveToDisk();
  }

  /** Saves to a file the trainer picks (or the one opened), or downloads it. */
  async saveToDisk(): Promise<void> {
    const text = this.text;
    try {
      const outcome = await saveScenarioFile(this.page.file.nameFor(this.page.editor.view.state.doc), text, this.page.file.handle);
      if (outcome.how === 'cancelled') return;
      this.page.file.saved(text, outcome.name, outcome.how === 'file' ? outcome.handle : undefined);
      this.page.renamed();
      this.page.saved?.();
      this.page.status(outcome.how === 'file' ? `Saved ${outcome.name}.` : `Downloaded ${outcome.name}. Put it in the scenarios folder to play it.`, 'done');
    } catch (error) {
      this.page.status(`Could not save: ${(error as Error).message}`, 'error');
    }
  }

  private async saveToScenarios(): Promise<void> {
    const text = this.text;
    const name = this.page.file.nameFor(this.page.editor.view.state.doc);
    // The file being edited may be replaced without asking; any other existing file only after a yes.
    let answer = await saveToScenarios(name, text, this.page.file.named && this.page.file.savedText !== undefined);
    if (!answer.ok && answer.exists) {
      if (!this.page.confirm(`scenarios/${name} already exists. Replace it with this file?`)) return;
      answer = await saveToScenarios(name, text, true);
    }
    if (!answer.ok) {
      this.page.status(`Not saved: ${answer.message}`, 'error');
      return;
    }
    this.page.file.saved(text, name);
    this.page.renamed();
    this.page.saved?.();
    if (answer.errors > 0) {
      const first = answer.problems[0] ?? '';
      this.page.status(`Saved ${answer.file}, but it has ${answer.errors} error${answer.errors === 1 ? '' : 's'}: the game's menu shows it as broken until they are fixed. First: ${first}`, 'error');
    } else {
      const warnings = answer.warnings > 0 ? ` (${answer.warnings} warning${answer.warnings === 1 ? '' : 's'})` : '';
      this.page.status(`Saved ${answer.file}${warnings}. The game's menu has it now.`, 'done');
    }
  }
}
