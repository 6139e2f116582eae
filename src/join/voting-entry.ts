import type { JoinedSession } from './joined-session.ts';

/** What room mode's voting screen is given (src/join/room-voting.ts, built with room mode). */
export interface RoomVotingContext {
  token: string;
  participantId: string;
  session: JoinedSession;
  signal: AbortSignal;
}

type RoomVotingModule = { mountRoomVoting: (host: HTMLElement, ctx: RoomVotingContext) => void };

// A glob, not an import: the build still works before room mode's voting screen exists (the glob is then empty).
const voting = import.meta.glob<RoomVotingModule>('./room-voting.ts');

/**
 * Shows room mode's voting screen in `host`.
 *
 * @returns false when this build has no room mode (the page then says so).
 */
export async function mountRoomVotingIfBuilt(host: HTMLElement, ctx: RoomVotingContext): Promise<boolean> {
  const load = voting['./room-voting.ts'];
  if (!load) return false;
  (await load()).mountRoomVoting(host, ctx);
  return true;
}
