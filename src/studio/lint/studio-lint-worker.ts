/**
 * The studio's worker: the CLI's checks (`checkScenario` with the shipped
 * technique catalogue, scenarios/techniques.yaml) run here, off the page's
 * thread, so typing never waits for a check of a big file. It keeps a copy
 * of the text, updated edit by edit, and also writes the draft into
 * IndexedDB, so a long file is never copied on the page's thread while the
 * trainer types. The file name starts with "studio-" so its chunk stays out
 * of the game's offline copy (vite.config.ts ignores assets/studio-*).
 */
import techniquesYaml from '../../../scenarios/techniques.yaml?raw';
import { ChangeSet, Text } from '@codemirror/state';
import { buildCatalogue } from '../../scenario/techniques.ts';
import { checkScenario } from '../../scenario/lint.ts';
import { DraftStore } from '../files/drafts.ts';
import { conversationMap } from '../../map/conversation-map.ts';
import { playOutline } from '../preview/play-outline.ts';
import type { WorkerMessage, WorkerRequest } from './lint-protocol.ts';

const scope = self as unknown as { postMessage(message: WorkerMessage): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
const { catalogue } = buildCatalogue(techniquesYaml);
let text = Text.empty;
const drafts = DraftStore.open();

scope.postMessage({ kind: 'catalogue', techniques: [...catalogue.values()].map(({ id, label, kind, tip }) => ({ id, label, kind, tip })) });

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.kind) {
    case 'load':
      text = Text.of(request.text.split('\n'));
      break;
    case 'edit':
      text = ChangeSet.fromJSON(request.changes).apply(text);
      break;
    case 'check': {
      const started = performance.now();
      const { problems, scenario, analysis, source } = checkScenario(request.file, text.toString(), catalogue);
      const ms = performance.now() - started;
      // The map comes from the same check: the file is read once per keystroke pause, not once for each panel.
      const map = scenario && analysis && source ? conversationMap(scenario, analysis, source) : null;
      const outline = scenario ? playOutline(scenario) : null;
      scope.postMessage({ kind: 'checked', version: request.version, problems, ms, map, outline });
      break;
    }
    case 'keep':
      void drafts
        .then((store) => store.keep({ name: request.name, text: text.toString(), keptAt: Date.now() }))
        .then((ok) => scope.postMessage({ kind: 'kept', ok }));
      break;
  }
};
