import type { DistributionView, RosterEntryView, SessionDetail, SessionTotals, SessionView } from './dashboard-types.ts';

/**
 * A session as the dashboard knows it, kept up to date from the live
 * stream's events: `snapshot` replaces everything, `roster` the roster and
 * totals, `distribution` one decision point (a new one goes last, in the
 * order reached), `session` the state. The QR code is kept across them
 * (only the first read carries it).
 *
 * @returns true when the event changed what is shown.
 */
export function applyLiveEvent(detail: SessionDetail, event: string, data: unknown): boolean {
  switch (event) {
    case 'snapshot': {
      const next = data as SessionDetail;
      Object.assign(detail, { ...next, session: { ...next.session, qr: next.session.qr ?? detail.session.qr } });
      return true;
    }
    case 'roster': {
      const { roster, totals } = data as { roster: RosterEntryView[]; totals: SessionTotals };
      Object.assign(detail, { roster, totals });
      return true;
    }
    case 'distribution': {
      const { distribution } = data as { distribution: DistributionView };
      const at = detail.distribution.findIndex((p) => p.scenario === distribution.scenario && p.node === distribution.node);
      if (at === -1) detail.distribution.push(distribution);
      else detail.distribution[at] = distribution;
      return true;
    }
    case 'session': {
      const { session } = data as { session: SessionView };
      detail.session = { ...session, qr: detail.session.qr };
      return true;
    }
    default:
      return false;
  }
}
