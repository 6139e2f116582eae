import type { ConversationMap } from '../../map/conversation-map.ts';
import { layOut, type LaidOutMap, type LayoutEngine } from '../../map/map-layout.ts';

/**
 * Lays out one map at a time, the newest: a map asked for while a layout
 * runs waits, and replaces any other waiting one, so a trainer typing into
 * a big file never queues layouts behind their typing.
 */
export class LatestLayout {
  private running = false;
  private waiting: ConversationMap | undefined;

  constructor(
    private readonly engine: LayoutEngine,
    private readonly done: (laid: LaidOutMap, ms: number) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Asks for this map to be laid out (after the one running, if any). */
  request(map: ConversationMap): void {
    this.waiting = map;
    if (!this.running) void this.next();
  }

  private async next(): Promise<void> {
    const map = this.waiting;
    if (!map) return;
    this.waiting = undefined;
    this.running = true;
    const started = performance.now();
    try {
      this.done(await layOut(map, this.engine), performance.now() - started);
    } catch (error) {
      this.failed(error);
    } finally {
      this.running = false;
    }
    await this.next();
  }
}
