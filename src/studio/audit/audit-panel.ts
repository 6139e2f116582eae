import type { Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import type { AuditAnswer } from './audit-protocol.ts';
import { AuditRunner, type AuditWorker } from './audit-runner.ts';
import { auditedAt, auditSummary, lintErrorsText, type AuditSummary } from './audit-summary.ts';

/** What the Audit panel needs from the page. */
export interface AuditPage {
  /** The text in the editor now, and the path the CLI would print for it (scenarios/<name>). */
  current(): { file: string; doc: Text };
  /** Shows the Problems tab (from the "fix the errors first" message). */
  showProblems(): void;
}

/** Said when the text in the editor is no longer the text audited. */
export const STALE_NOTE = 'The file changed since this audit: save or run it again.';

/**
 * The studio's Audit panel: `tactful audit` for the file being edited, run
 * in a worker (src/studio/audit/studio-audit-worker.ts) when the page asks
 * (on load, open, new, save) or when the trainer presses "Run the audit
 * again". It shows the verdict and findings, then the figures behind them
 * as tables, and says when the text has changed since. Built with DOM calls
 * (never markup), so nothing in a scenario's text is read as HTML.
 */
export class AuditPanel {
  private readonly runner: AuditRunner;
  private readonly status: HTMLParagraphElement;
  private readonly stale: HTMLParagraphElement;
  private readonly results: HTMLDivElement;
  private requested: Text | undefined;
  private audited: Text | undefined;

  constructor(
    root: HTMLElement,
    private readonly page: AuditPage,
    startWorker: () => AuditWorker,
  ) {
    const bar = add(root, 'div', 'audit-bar');
    const again = add(bar, 'button', 'btn btn-secondary audit-run', 'Run the audit again');
    again.type = 'button';
    again.addEventListener('click', () => this.run());
    this.status = add(bar, 'p', 'audit-status');
    this.status.setAttribute('role', 'status');
    this.status.textContent = 'The audit runs when the file is opened or saved.';
    this.stale = add(root, 'p', 'audit-stale', STALE_NOTE);
    this.stale.hidden = true;
    // The results scroll on their own; a scrollable region must be reachable by keyboard (it holds no control of its own).
    this.results = add(root, 'div', 'audit-results');
    this.results.tabIndex = 0;
    this.results.setAttribute('role', 'region');
    this.results.setAttribute('aria-label', 'Audit results');
    this.runner = new AuditRunner(startWorker, (answer) => this.show(answer));
  }

  /** Audits the text in the editor now (a newer run supersedes one still going). */
  run(): void {
    const { file, doc } = this.page.current();
    this.requested = doc;
    this.status.textContent = 'Auditing…';
    this.results.setAttribute('aria-busy', 'true');
    this.runner.run(file, doc.toString());
  }

  /** The editor extension that notices when the text moves away from the audited one. */
  extension(): Extension {
    return EditorView.updateListener.of((update) => {
      if (update.docChanged) this.markStale(update.state.doc);
    });
  }

  private markStale(doc: Text): void {
    if (!this.audited) return;
    // Cheap first: only a text of the same length can be the audited one (undo back to it, say).
    const changed = doc !== this.audited && (doc.length !== this.audited.length || !doc.eq(this.audited));
    if (this.stale.hidden === changed) this.stale.hidden = !changed;
  }

  private show(answer: AuditAnswer): void {
    this.results.removeAttribute('aria-busy');
    this.audited = this.requested;
    this.markStale(this.page.current().doc);
    const scroll = this.results.scrollTop;
    this.results.replaceChildren();
    if (answer.kind === 'audited') {
      this.status.textContent = auditedAt(new Date().toLocaleTimeString(), answer.ms);
      renderSummary(this.results, auditSummary(answer.audit, answer.endings, answer.thresholds));
    } else if (answer.kind === 'lint-errors') {
      this.status.textContent = 'Not audited: the file has lint errors.';
      add(this.results, 'p', 'audit-blocked', lintErrorsText(answer.errors));
      if (answer.first) add(this.results, 'p', 'audit-first-error', `The first, as tactful lint prints it: ${answer.first}`);
      const go = add(this.results, 'button', 'btn btn-secondary', 'Show the problems');
      go.type = 'button';
      go.addEventListener('click', () => this.page.showProblems());
    } else {
      this.status.textContent = 'The audit stopped.';
      add(this.results, 'p', 'audit-blocked', `The audit could not finish: ${answer.message}. Run it again, or reload the page.`);
    }
    this.results.scrollTop = scroll;
  }
}

/** Appends a new element, with a class and text. */
function add<K extends keyof HTMLElementTagNameMap>(parent: HTMLElement, tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  parent.append(element);
  return element;
}

/** A table with a caption, column headers and, in each row, the first cell as the row's header. */
function table(parent: HTMLElement, caption: string, headers: readonly string[], rows: readonly { cells: string[]; finding?: boolean }[], numeric: readonly number[]): void {
  const t = add(parent, 'table', 'audit-table');
  add(t, 'caption', undefined, caption);
  const head = add(add(t, 'thead'), 'tr');
  headers.forEach((h, i) => {
    const th = add(head, 'th', numeric.includes(i) ? 'num' : undefined, h);
    th.scope = 'col';
  });
  const body = add(t, 'tbody');
  for (const row of rows) {
    const tr = add(body, 'tr', row.finding ? 'audit-finding-row' : undefined);
    row.cells.forEach((text, i) => {
      const cell = add(tr, i === 0 ? 'th' : 'td', numeric.includes(i) ? 'num' : undefined, text);
      if (i === 0) cell.scope = 'row';
    });
    // Not by colour alone: a row behind a finding says so in words.
    if (row.finding) add(tr.cells[0]!, 'span', 'audit-flag', ' · finding');
  }
}

function renderSummary(root: HTMLElement, s: AuditSummary): void {
  add(root, 'h3', s.findings.length === 0 ? 'audit-verdict audit-clean' : 'audit-verdict', s.verdict);
  if (s.findings.length > 0) {
    const list = add(root, 'ul', 'audit-findings');
    for (const f of s.findings) add(list, 'li', undefined, f);
  }
  table(root, 'Rules of thumb and random play', ['Rule', 'Plays', 'Passes', 'Mean overall'],
    s.strategies.map((r) => ({ cells: [r.rule, r.plays, r.passes, r.meanOverall], finding: r.finding })), [1, 2, 3]);
  add(root, 'p', 'audit-note', s.strategiesNote);
  if (s.lengthBias.length > 0) {
    table(root, 'Length bias', ['At decisions whose replies differ in tact', 'Decisions', 'Share'],
      s.lengthBias.map((r) => ({ cells: [r.measure, r.decisions, r.share], finding: r.finding })), [1, 2]);
  }
  add(root, 'p', 'audit-note', s.lengthBiasNote);
  table(root, 'Ranking sanity: the routes the audit compares', ['Route', 'Overall', 'Ending', 'Passes', 'Replies', 'Check'],
    s.routes.map((r) => ({ cells: [r.route, r.overall, r.ending, r.passes, r.replies, r.check], finding: r.finding })), [1]);
  add(root, 'p', 'audit-note', s.routesNote);
  table(root, 'Score spread per ending', ['Ending', 'Outcome', 'Routes', 'Lowest overall', 'Highest overall', 'Passing'],
    s.endings.map((r) => ({ cells: [r.ending, r.outcome, r.routes, r.min, r.max, r.passing] })), [2, 3, 4]);
  add(root, 'p', 'audit-note', s.thresholds);
}
