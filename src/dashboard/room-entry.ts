/** What room mode's panel is given (src/dashboard/room/room-panel.ts, built with room mode). */
export interface RoomPanelContext {
  sessionId: string;
  trainerKey: string;
  signal: AbortSignal;
}

type RoomPanelModule = { mountRoomPanel: (host: HTMLElement, ctx: RoomPanelContext) => void };

// A glob, not an import: the dashboard still builds before room mode's panel exists (the glob is then empty).
const panel = import.meta.glob<RoomPanelModule>('./room/room-panel.ts');

/**
 * Shows room mode's panel (the projector view, votes, reveal) in `host`.
 *
 * @returns false when this build has no room mode (the dashboard then says so).
 */
export async function mountRoomPanelIfBuilt(host: HTMLElement, ctx: RoomPanelContext): Promise<boolean> {
  const load = panel['./room/room-panel.ts'];
  if (!load) return false;
  (await load()).mountRoomPanel(host, ctx);
  return true;
}
