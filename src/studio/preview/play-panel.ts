import { h } from '../../game/ui/dom.ts';
import { isPreviewToStudio, type PlayRequest, type PreviewToStudio, type StudioToPreview } from '../../preview/preview-protocol.ts';
import { Debounce } from './debounce.ts';
import type { PlayOutline } from './play-outline.ts';
import type { PlayedPath } from './played-path.ts';
import { PlaySession } from './play-session.ts';
import { startFromForm } from './start-form.ts';
import { StartFormView } from './start-form-view.ts';

/** Pause after the last lint-clean check before the preview reloads the edited text. */
export const RELOAD_DELAY_MS = 500;

/** What the Play panel asks of the page around it. */
export interface PlayPanelHost {
  /** The path problems are reported under (scenarios/<name>.yaml). */
  file(): string;
  /** The node whose block the editor's cursor is in, if any. */
  cursorNode(): string | undefined;
  /** Draws the path played on the map (null clears it). */
  showPath(path: PlayedPath | null): void;
  /** Shows the Play tab. */
  showPanel(): void;
}

/** One check of the file, as the live lint reports it. */
export interface CheckedFile {
  outline: PlayOutline | null;
  errors: number;
  text: () => string;
}

/**
 * The studio's Play panel: the start form, a status line and the preview
 * frame (preview.html, the game's conversation scene), loaded the first
 * time the panel is shown. Play (or Restart) sends the text as last
 * checked with the start chosen; after each lint-clean edit the play is
 * sent again with the decisions made so far, and the preview goes on from
 * the same point. A file with errors is not sent: the panel says to fix
 * them first.
 */
export class PlayPanel {
  /** "Play from here" for the map's bar: plays from the box the editor's cursor is in. */
  readonly mapButton: HTMLButtonElement;
  private readonly form: StartFormView;
  private readonly status: HTMLParagraphElement;
  private readonly frameBox: HTMLElement;
  private frame: HTMLIFrameElement | undefined;
  private ready = false;
  private waiting: StudioToPreview | undefined;
  private readonly session: PlaySession;
  private readonly reloads = new Debounce({ setTimer: (run, ms) => setTimeout(run, ms), clearTimer: (t) => clearTimeout(t as number) }, RELOAD_DELAY_MS);
  private check: CheckedFile | undefined;
  private playNote = '';

  constructor(
    root: HTMLElement,
    private readonly host: PlayPanelHost,
  ) {
    this.session = new PlaySession(() => host.file());
    this.form = new StartFormView(() => this.play());
    this.status = h('p', { id: 'play-status', class: 'play-status', role: 'status' });
    this.frameBox = h('div', { class: 'play-frame-box' });
    root.append(h('h2', { class: 'sr-only' }, 'Play'), this.form.element, this.status, this.frameBox);
    this.mapButton = h('button', { type: 'button', id: 'map-play-from', class: 'map-tool map-play-from', 'aria-keyshortcuts': 'P', title: 'Play from the highlighted box (P on a box)', onclick: () => this.playFrom(host.cursorNode()) }, 'Play from here');
    window.addEventListener('message', (event: MessageEvent<unknown>) => {
      // Only the preview frame this panel made, on this origin.
      if (event.origin !== location.origin || !this.frame || event.source !== this.frame.contentWindow || !isPreviewToStudio(event.data)) return;
      this.received(event.data);
    });
  }

  /** The Play tab was shown: load the preview, and start at the editor's cursor unless a play is on. */
  opened(): void {
    this.ensureFrame();
    const node = this.host.cursorNode();
    if (!this.session.playing && node) this.form.chooseStart(node);
  }

  /** The live lint checked the file again. */
  checked(check: CheckedFile): void {
    this.check = check;
    if (check.outline) this.form.update(check.outline);
    if (check.errors > 0) {
      this.reloads.cancel();
      this.say();
      return;
    }
    this.say();
    if (this.session.playing) this.reloads.request(() => this.reload());
  }

  /** "Play from here" (the map's button, or P on a box): starts at `node` (from the start when it is none or an ending). */
  playFrom(node: string | undefined): void {
    this.host.showPanel();
    this.ensureFrame();
    if (!node || !this.form.chooseStart(node)) this.form.chooseStart('');
    this.play();
  }

  /** Play / Restart: a new play from the form's start. */
  private play(): void {
    const check = this.check;
    if (!check?.outline || check.errors > 0) {
      this.say();
      return;
    }
    this.reloads.cancel();
    this.form.showProblems([]);
    this.host.showPath(null);
    this.playNote = 'Starting…';
    this.say();
    this.send(this.session.start(startFromForm(check.outline, this.form.values()), check.text()));
    // Play is a request to play now: the keyboard goes into the preview (its number keys, its Tab order).
    this.frame?.focus();
  }

  private reload(): void {
    const check = this.check;
    if (!check || check.errors > 0) return;
    const request = this.session.reload(check.text());
    if (request) this.send(request);
  }

  private send(request: PlayRequest): void {
    this.ensureFrame();
    this.form.playButton.textContent = 'Restart';
    if (this.ready && this.frame?.contentWindow) this.frame.contentWindow.postMessage(request, location.origin);
    else this.waiting = request;
  }

  private received(message: PreviewToStudio): void {
    switch (message.kind) {
      case 'ready':
        this.ready = true;
        if (this.waiting) this.frame?.contentWindow?.postMessage(this.waiting, location.origin);
        this.waiting = undefined;
        break;
      case 'path': {
        this.session.decided(message.decisions);
        this.host.showPath({ start: message.start, nodes: message.nodes, decisions: message.decisions });
        const count = message.decisions.length;
        this.playNote = message.changed ?? `Playing from "${message.start}"${count > 0 ? ` · ${count} decision${count === 1 ? '' : 's'}` : ''}.`;
        break;
      }
      case 'ended':
        this.playNote = `Ending "${message.ending}" (${message.outcome}), overall score ${message.scores.overall}. Play again in the preview, or Restart.`;
        break;
      case 'problem':
        if (message.about === 'start') {
          this.session.stop();
          this.form.playButton.textContent = 'Play';
          this.form.showProblems(message.messages);
          this.playNote = 'The play cannot start there: change what is listed under Play.';
        } else this.playNote = `This version of the file cannot be played: ${message.messages[0] ?? 'it has errors'}`;
        this.host.showPath(null);
        break;
    }
    this.say();
  }

  private ensureFrame(): void {
    if (this.frame) return;
    this.frame = h('iframe', { class: 'play-frame', src: './preview.html', title: 'Preview: the conversation as trainees see it' });
    this.frameBox.append(this.frame);
  }

  /** The status line: what stops a play (errors) comes first, else how the play goes. */
  private say(): void {
    const check = this.check;
    const text =
      check && check.errors > 0 ? 'Fix the errors in Problems to play.'
      : check && !check.outline ? 'The file does not read into a scenario yet.'
      : this.playNote || 'Choose where to start, then press Play.';
    if (this.status.textContent !== text) this.status.textContent = text;
  }
}
