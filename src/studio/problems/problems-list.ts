import type { EditorView } from '@codemirror/view';
import { EditorView as View } from '@codemirror/view';
import { applyFix } from '../lint/live-lint.ts';
import type { StudioProblem } from '../lint/studio-problem.ts';
import { problemSummary } from './problem-summary.ts';

/** More than this many problems are summed up, not listed: the list stays quick on a file that is all red. */
const MAX_LISTED = 200;

/**
 * The problems panel beside the editor: each problem as the CLI words it,
 * a button that moves the cursor to it, and the quick fix when there is
 * one. The summary above the list is a polite live region, so a screen
 * reader hears the count change, not every keystroke.
 */
export class ProblemsList {
  private shown: readonly StudioProblem[] = [];
  private summaryText = '';

  constructor(
    private readonly list: HTMLOListElement,
    private readonly summary: HTMLElement,
    private readonly view: () => EditorView,
  ) {}

  /** Shows a new set of problems (positions in the editor's current text). */
  render(problems: readonly StudioProblem[]): void {
    this.shown = problems;
    const text = problemSummary(problems.map((p) => p.problem));
    if (text !== this.summaryText) this.summary.textContent = this.summaryText = text;
    const doc = this.view().state.doc;
    const items = problems.slice(0, MAX_LISTED).map((p, index) => {
      const line = doc.lineAt(Math.min(p.from, doc.length));
      const where = `Line ${line.number}, column ${p.from - line.from + 1}`;
      const item = document.createElement('li');
      item.className = `problem problem-${p.problem.severity}`;
      const go = document.createElement('button');
      go.type = 'button';
      go.className = 'problem-go';
      go.dataset.index = String(index);
      go.append(span('problem-where', `${where}: `), span('problem-severity', `${p.problem.severity}: `), span('problem-message', p.problem.message), span('problem-rule', ` [${p.problem.rule}]`));
      go.addEventListener('click', () => this.goTo(index));
      item.append(go);
      if (p.fix) {
        const fix = document.createElement('button');
        fix.type = 'button';
        fix.className = 'problem-fix';
        fix.textContent = p.fix.label;
        fix.setAttribute('aria-label', `${p.fix.label} (${where})`);
        fix.addEventListener('click', () => this.fix(index));
        item.append(fix);
      }
      return item;
    });
    if (problems.length > MAX_LISTED) {
      const more = document.createElement('li');
      more.className = 'problem-more';
      more.textContent = `…and ${problems.length - MAX_LISTED} more. Fix these first; the list updates as you type.`;
      items.push(more);
    }
    this.list.replaceChildren(...items);
  }

  /** Moves the cursor to a problem and gives the editor the focus. */
  private goTo(index: number): void {
    const p = this.shown[index];
    if (!p) return;
    const view = this.view();
    const from = Math.min(p.from, view.state.doc.length);
    view.dispatch({ selection: { anchor: from, head: Math.min(p.to, view.state.doc.length) }, effects: View.scrollIntoView(from, { y: 'center' }) });
    view.focus();
  }

  private fix(index: number): void {
    const fix = this.shown[index]?.fix;
    const view = this.view();
    if (fix && applyFix(view, fix)) view.focus();
  }
}

function span(className: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}
