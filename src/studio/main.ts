/**
 * The authoring studio (studio.html): a scenario file in a code editor,
 * checked by the CLI's linter in a worker as the trainer types, with the
 * problems listed beside it, and New / Open / Save. The game's pages never
 * load this code (its chunks are named studio-*, out of the game's
 * prefetch list and offline cache).
 */
import './styles/studio.css';
import { EditorSelection } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { AuditPanel } from './audit/audit-panel.ts';
import type { TechniqueHelp } from './completion/scenario-completions.ts';
import { createEditor } from './editor/create-editor.ts';
import { CurrentFile } from './files/current-file.ts';
import { canSaveToScenarios } from './files/dev-save-client.ts';
import { DraftKeeper, DraftStore } from './files/drafts.ts';
import { FileActions, type Tone } from './files/file-actions.ts';
import { newScenarioText } from './files/template.ts';
import { LiveLint } from './lint/live-lint.ts';
import { MapPanel } from './map/map-panel.ts';
import { workerLayoutEngine } from './map/worker-engine.ts';
import { SideTabs } from './panels/side-tabs.ts';
import { PlayPanel } from './preview/play-panel.ts';
import { ProblemsList } from './problems/problems-list.ts';

/** A phone or a narrow window: the file is shown read-only (the same width as studio.css's layout switch). */
const NARROW = '(max-width: 760px)';
/** Pause after typing before the draft is kept in the browser. */
const DRAFT_DELAY_MS = 400;

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

async function start(): Promise<void> {
  const status = element<HTMLParagraphElement>('studio-status');
  const fileName = element<HTMLSpanElement>('file-name');
  const say = (message: string, tone: Tone): void => {
    status.textContent = message;
    status.dataset.tone = tone;
  };

  const drafts = await DraftStore.open();
  const draft = await drafts.read();
  const file = new CurrentFile(draft?.name);
  const initial = draft?.text ?? newScenarioText('new-scenario');

  let techniques: readonly TechniqueHelp[] = [];
  const problemsCount = element<HTMLSpanElement>('problems-count');
  // The Play and Audit panels fill their tabs (play-panel, audit-panel); Problems is shown first.
  const side = new SideTabs(document.querySelector<HTMLElement>('.studio-main')!);
  const problems = new ProblemsList(element('problems-list'), element('problems-summary'), () => editor.view);
  const map = new MapPanel(
    { canvas: element('map-canvas'), note: element('map-note'), zoomIn: element('map-zoom-in'), zoomOut: element('map-zoom-out'), fit: element('map-fit') },
    workerLayoutEngine((message) => say(`The map stopped: ${message}. Reload the page.`, 'error')),
    (line) => goToLine(line),
    (node) => play.playFrom(node),
  );
  // Play from here: the game's conversation scene in a frame (preview.html), the path played drawn on the map.
  const play = new PlayPanel(element('play-panel'), {
    file: () => `scenarios/${file.nameFor(editor.view.state.doc)}`,
    cursorNode: () => map.cursorNode,
    showPath: (path) => map.showPlayed(path),
    showPanel: () => side.select('play'),
  });
  document.querySelector('.map-tools')?.prepend(play.mapButton);
  side.onSelect((panel) => {
    if (panel === 'play') play.opened();
  });
  // The audit (tactful audit's code) runs in its own worker, on load, open, new and save, never per keystroke.
  const audit = new AuditPanel(element('audit-panel'), {
    current: () => ({ file: `scenarios/${file.nameFor(editor.view.state.doc)}`, doc: editor.view.state.doc }),
    showProblems: () => side.select('problems', true),
  }, () => new Worker(new URL('./audit/studio-audit-worker.ts', import.meta.url), { type: 'module', name: 'studio-audit' }));
  const goToLine = (line: number): void => {
    const view = editor.view;
    const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
    const at = target.from + Math.max(0, target.text.search(/\S/));
    view.dispatch({ selection: EditorSelection.cursor(at), effects: EditorView.scrollIntoView(at, { y: 'center' }) });
    view.focus();
  };
  const worker = new Worker(new URL('./lint/studio-lint-worker.ts', import.meta.url), { type: 'module', name: 'studio-lint' });
  const live = new LiveLint(worker, () => `scenarios/${file.nameFor(editor.view.state.doc)}`, {
    problems: (list) => {
      problems.render(list);
      // The count stays in sight on the tab while another panel is shown.
      const count = list.length === 0 ? '' : String(list.length);
      if (problemsCount.textContent !== count) problemsCount.textContent = count;
    },
    techniques: (list) => (techniques = list),
    kept: (ok) => draftKept(ok),
    map: (graph) => map.update(graph),
    checked: (check) => play.checked(check),
  });
  worker.addEventListener('error', (event) => say(`The live checks stopped: ${event.message || 'the lint worker failed to start'}. Reload the page.`, 'error'));

  const draftKept = (ok: boolean): void => {
    if (!ok && drafts.available) say('This browser would not keep a draft: save your work to a file.', 'error');
  };
  const keeper = new DraftKeeper(
    DRAFT_DELAY_MS,
    () => live.keepDraft(file.nameFor(editor.view.state.doc)),
    () => void drafts.keep({ name: file.nameFor(editor.view.state.doc), text: editor.view.state.doc.toString(), keptAt: Date.now() }).then(draftKept),
  );
  const narrow = matchMedia(NARROW);
  const editor = createEditor({
    host: element('editor-host'),
    text: initial,
    readOnly: narrow.matches,
    label: 'Scenario file (YAML)',
    techniques: () => techniques,
    extensions: [
      live.extension(),
      audit.extension(),
      EditorView.updateListener.of((update) => {
        if (update.selectionSet || update.docChanged) map.cursorAt(update.state.doc.lineAt(update.state.selection.main.head).number);
        if (!update.docChanged) return;
        keeper.changed();
        showName();
      }),
      keymap.of([{ key: 'Mod-s', run: () => (void actions.save(), true), preventDefault: true }]),
    ],
  });
  const showName = (): void => {
    const name = file.nameFor(editor.view.state.doc);
    if (fileName.textContent !== name) fileName.textContent = name;
  };
  const actions = new FileActions({ editor, file, status: say, confirm: (question) => window.confirm(question), renamed: showName, loaded: () => audit.run(), saved: () => audit.run() });
  showName();

  const setNarrow = (): void => {
    editor.setReadOnly(narrow.matches);
    element('read-only-note').hidden = !narrow.matches;
  };
  narrow.addEventListener('change', setNarrow);
  side.select('problems');
  setNarrow();
  audit.run();

  element('new-file').addEventListener('click', () => actions.newFile());
  element('open-file').addEventListener('click', () => void actions.open());
  element('save-file').addEventListener('click', () => void actions.save());
  const saveCopy = element<HTMLButtonElement>('save-to-disk');
  // In npm start, Save writes into scenarios/; a copy can still go to a file elsewhere.
  saveCopy.hidden = !canSaveToScenarios;
  saveCopy.addEventListener('click', () => void actions.saveToDisk());
  document.addEventListener('keydown', (event) => {
    // Ctrl+S outside the editor too (the editor's own binding handles it inside).
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's' && !event.defaultPrevented) {
      event.preventDefault();
      void actions.save();
    }
  });

  if (draft) say(`Your draft of ${draft.name} from ${new Date(draft.keptAt).toLocaleString()} is back. Drafts are kept in this browser as you type.`, 'info');
  else say(drafts.available ? 'A new scenario from the template. Drafts are kept in this browser as you type.' : 'This browser keeps no drafts here: save your work to a file.', 'info');
}

void start();
