import type { DistributionView, RosterEntryView, SessionView } from '../server/api/views.ts';
import type { SessionTotals } from '../server/storage/session-store.ts';

/**
 * The API's shapes as the dashboard reads them: the server's own view
 * types (types only: nothing of the server is bundled).
 */
export type { DistributionView, ReplyTally, RosterChangesView, RosterEntryView, SessionView } from '../server/api/views.ts';
export type { SessionTotals } from '../server/storage/session-store.ts';

/** A session in the list: its view and how many have joined. */
export interface SessionListItem extends SessionView {
  participants: number;
}

/** A session opened on the dashboard (`GET /api/sessions/:id`, and the stream's `snapshot`). */
export interface SessionDetail {
  session: SessionView & { qr?: string };
  totals: SessionTotals;
  roster: RosterEntryView[];
  distribution: DistributionView[];
}

/** A scenario the trainer can put in a session (`GET /api/scenarios`). */
export interface ScenarioChoice {
  id: string;
  title: string;
  summary: string;
  difficulty: number;
}
