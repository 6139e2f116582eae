import { loadScenario, startPointProblems, type StartPoint } from '../engine/index.ts';
import { formatProblem, type TechniqueCatalogue } from '../scenario/index.ts';
import { loadedStage, loadStage } from '../game/conversation-stage.ts';
import { settings } from '../game/settings.ts';
import { h } from '../game/ui/dom.ts';
import { mountScreen } from '../game/ui/screen.ts';
import { playedDecisions, startPreviewConversation } from './preview-conversation.ts';
import type { PlayRequest, PreviewToStudio } from './preview-protocol.ts';

/**
 * Plays the studio's requests in the game's real conversation scene: the
 * text is compiled with the game's loader, the start point checked with
 * the engine's `startPointProblems`, the decisions made so far replayed,
 * and the conversation handed to the scene as a preview play. The path is
 * reported after every decision, and the ending when reached. A file that
 * does not compile, or a start point that does not fit, is shown in the
 * frame and told to the studio, never left as a blank frame.
 */
export class PreviewPlayer {
  /** Counts requests, so a slow stage load never starts a play that a newer request replaced. */
  private requests = 0;

  constructor(
    private readonly catalogue: TechniqueCatalogue,
    private readonly tell: (message: PreviewToStudio) => void,
  ) {}

  /** Before the first request: says what to do (in the studio's panel). */
  waiting(): void {
    this.message('Preview', ['Choose where to start in the Play panel, then press Play.']);
  }

  /** Plays a request from the studio. */
  async play(request: PlayRequest): Promise<void> {
    const id = ++this.requests;
    const { compiled, problems } = loadScenario(request.file, request.text, this.catalogue);
    if (!compiled) {
      const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
      this.refuse('file', 'This file cannot be played yet', errors.length > 0 ? errors : ['The file does not read into a scenario.']);
      return;
    }
    const from: StartPoint = {
      node: request.from.node ?? compiled.scenario.start,
      ...(request.from.mood === undefined ? {} : { mood: request.from.mood }),
      ...(request.from.variables === undefined ? {} : { variables: request.from.variables }),
    };
    const startProblems = startPointProblems(compiled.scenario, from);
    if (startProblems.length > 0) {
      this.refuse('start', 'The play cannot start there', startProblems);
      return;
    }
    const { talk, clock, changed } = startPreviewConversation(compiled, from, request.replay, settings().timers);
    let endedSent = false;
    const report = (): void => {
      if (id !== this.requests) return;
      this.tell({ kind: 'path', start: from.node, nodes: [...talk.context.path], decisions: playedDecisions(talk), changed });
      const result = talk.result();
      if (result && !endedSent) {
        endedSent = true;
        this.tell({ kind: 'ended', ending: result.ending, outcome: result.outcome, scores: result.scores });
      }
    };
    talk.subscribe(report);
    report();
    const stage = await loadStage();
    if (id !== this.requests) {
      talk.stop();
      return;
    }
    stage.playPreview({ compiled, talk, clock, playAgain: () => void this.play({ ...request, replay: [] }) });
  }

  private refuse(about: 'file' | 'start', title: string, messages: string[]): void {
    this.requests++;
    loadedStage()?.stopConversation();
    this.message(title, messages);
    this.tell({ kind: 'problem', about, messages });
  }

  /** A plain screen in the frame: a heading and a few lines (the game's styles, no canvas). */
  private message(title: string, lines: string[]): void {
    const main = h('main', { class: 'preview-message', id: 'main' }, h('h1', {}, title), ...lines.map((line) => h('p', {}, line)));
    mountScreen('preview', [main]);
  }
}
