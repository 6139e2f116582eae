import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { ChangeSet, type Extension, type Text } from '@codemirror/state';
import { EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view';
import type { TechniqueHelp } from '../completion/scenario-completions.ts';
import type { ConversationMap } from '../../map/conversation-map.ts';
import type { PlayOutline } from '../preview/play-outline.ts';
import type { WorkerMessage, WorkerRequest } from './lint-protocol.ts';
import { LintScheduler } from './lint-scheduler.ts';
import type { QuickFix } from './quick-fix.ts';
import { moveProblems, placeProblems, type StudioProblem } from './studio-problem.ts';

/** Pause after a keystroke before the file is checked: short, since a check of a 200-node file takes tens of ms. */
const LINT_DELAY_MS = 40;

/** The name of the User Timing measure of each keystroke-to-problems delay (read by the benchmark and the tests). */
export const KEYSTROKE_TO_PROBLEMS = 'studio:keystroke-to-problems';

/** The part of a Worker the live lint uses (a real Worker, or a stand-in in tests). */
export interface LintWorker {
  postMessage(message: WorkerRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerMessage>) => void): void;
}

/** What the page hears from the live lint. */
export interface LiveLintListener {
  /** New problems for the text in the editor (positions in the current text). */
  problems(problems: readonly StudioProblem[]): void;
  /** The technique catalogue the worker checks against (once). */
  techniques(techniques: readonly TechniqueHelp[]): void;
  /** The worker kept the draft (or could not). */
  kept(ok: boolean): void;
  /** The conversation's map from the same check, or null when the file does not read (see src/studio/map). */
  map?(map: ConversationMap | null): void;
  /** The same check for the Play panel: its outline (null when the file does not read), its error count, and the text checked. */
  checked?(check: { outline: PlayOutline | null; errors: number; text: () => string }): void;
}

/**
 * Runs the CLI's lint in a worker as the trainer types and shows its
 * problems: underlined in the editor (with the fix as an action) and in the
 * page's problems list. Results for an older text are moved through the
 * edits made since, so they land on the right words while the next check runs.
 */
export class LiveLint {
  private view: EditorView | undefined;
  private version = 0;
  private sentDoc: Text | undefined;
  private sinceSent: ChangeSet | undefined;
  private readonly scheduler: LintScheduler;

  constructor(
    private readonly worker: LintWorker,
    private readonly fileName: () => string,
    private readonly listener: LiveLintListener,
  ) {
    this.scheduler = new LintScheduler(
      { now: () => performance.now(), setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (t) => clearTimeout(t as number), send: () => this.send() },
      LINT_DELAY_MS,
    );
    worker.addEventListener('message', (event) => this.received(event.data));
  }

  /** The editor extension: give it to each EditorState the view shows. */
  extension(): Extension {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the plugin class below reports to this object
    const live = this;
    return ViewPlugin.fromClass(
      class {
        constructor(view: EditorView) {
          live.attach(view);
        }
        update(update: ViewUpdate): void {
          live.update(update);
        }
      },
    );
  }

  /** Asks the worker to keep the text as the browser's draft (it has its own copy: nothing is copied here). */
  keepDraft(name: string): void {
    this.worker.postMessage({ kind: 'keep', name });
  }

  private attach(view: EditorView): void {
    // A new state (a file opened): a check still running was for the old text, and is dropped.
    this.view = view;
    this.sentDoc = undefined;
    this.sinceSent = undefined;
    this.worker.postMessage({ kind: 'load', text: view.state.doc.toString() });
    this.scheduler.changed(++this.version);
  }

  private update(update: ViewUpdate): void {
    if (!update.docChanged) return;
    // The edit goes to the worker's copy at once (a few bytes), in order, ahead of any check that needs it.
    this.worker.postMessage({ kind: 'edit', changes: update.changes.toJSON() as unknown });
    if (this.sinceSent) this.sinceSent = this.sinceSent.compose(update.changes);
    this.scheduler.changed(++this.version);
  }

  private send(): void {
    const view = this.view;
    if (!view) return;
    this.sentDoc = view.state.doc;
    this.sinceSent = ChangeSet.empty(this.sentDoc.length);
    this.worker.postMessage({ kind: 'check', version: this.version, file: this.fileName() });
  }

  private received(message: WorkerMessage): void {
    if (message.kind === 'catalogue') {
      this.listener.techniques(message.techniques);
      return;
    }
    if (message.kind === 'kept') {
      this.listener.kept(message.ok);
      return;
    }
    const done = this.scheduler.checked(message.version);
    const view = this.view;
    if (!done || !view || !this.sentDoc || !this.sinceSent) return;
    const since = this.sinceSent;
    const problems = moveProblems(placeProblems(message.problems, this.sentDoc), (pos, assoc) => since.mapPos(pos, assoc));
    view.dispatch(setDiagnostics(view.state, problems.map(toDiagnostic)));
    this.listener.problems(problems);
    this.listener.map?.(message.map);
    const checkedDoc = this.sentDoc;
    this.listener.checked?.({ outline: message.outline, errors: message.problems.filter((p) => p.severity === 'error').length, text: () => checkedDoc.toString() });
    performance.measure(KEYSTROKE_TO_PROBLEMS, { start: done.changedAt, end: performance.now(), detail: { checkMs: message.ms, lines: this.sentDoc.lines } });
  }
}

function toDiagnostic(p: StudioProblem): Diagnostic {
  const fix = p.fix;
  return {
    from: p.from,
    to: p.to,
    severity: p.problem.severity,
    source: p.problem.rule,
    message: p.problem.message,
    actions: fix ? [{ name: fix.label, apply: (view, from) => applyFix(view, { ...fix, from: from + fix.from - p.from, to: from + fix.to - p.from }) }] : [],
  };
}

/** Applies a quick fix if the text still holds the word it replaces; true when it did. */
export function applyFix(view: EditorView, fix: QuickFix): boolean {
  if (view.state.sliceDoc(fix.from, fix.to) !== fix.replaces) return false;
  view.dispatch({ changes: { from: fix.from, to: fix.to, insert: fix.insert }, selection: { anchor: fix.from + fix.insert.length }, userEvent: 'input.fix', scrollIntoView: true });
  return true;
}
