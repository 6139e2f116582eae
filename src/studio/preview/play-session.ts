import type { PlayedDecision, PlayRequest, PreviewStart } from '../../preview/preview-protocol.ts';

/**
 * The play shown in the preview, as the studio keeps it: where it started,
 * the decisions made so far, and the text it plays. After an edit the same
 * start and decisions are sent again with the new text, so the preview
 * reloads at the same point (the preview replays them, and stops at the
 * last one the edit left valid).
 */
export class PlaySession {
  private from: PreviewStart | null = null;
  private decisions: PlayedDecision[] = [];
  private text = '';

  constructor(private readonly file: () => string) {}

  /** True once a play was started. */
  get playing(): boolean {
    return this.from !== null;
  }

  /** A new play from `from` (Play, Restart): no decisions yet. */
  start(from: PreviewStart, text: string): PlayRequest {
    this.from = from;
    this.decisions = [];
    this.text = text;
    return this.request();
  }

  /** The preview reported its decisions so far (after each decision, and after a replay that an edit cut short). */
  decided(decisions: readonly PlayedDecision[]): void {
    this.decisions = [...decisions];
  }

  /** The request that reloads the play on an edited text, or null when there is no play or the text is the one playing. */
  reload(text: string): PlayRequest | null {
    if (!this.from || text === this.text) return null;
    this.text = text;
    return this.request();
  }

  /** Forgets the play (the preview could not start it). */
  stop(): void {
    this.from = null;
    this.decisions = [];
  }

  private request(): PlayRequest {
    return { kind: 'play', file: this.file(), text: this.text, from: this.from!, replay: [...this.decisions] };
  }
}
