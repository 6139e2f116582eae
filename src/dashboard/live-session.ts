import type { DistributionView, RosterChangesView, RosterEntryView, SessionDetail, SessionTotals, SessionView } from './dashboard-types.ts';

/**
 * A session as the dashboard knows it, kept up to date from the live
 * stream's events: `snapshot` replaces everything, `roster` merges the
 * trainees who changed and drops those removed (or, in its whole-roster
 * form, replaces the roster) and sets the totals, `distribution` one
 * decision point (a new one goes last, in the order reached),
 * `distributions` every point (after a removal), `session` the
 * state. The QR code is kept across them (only the first read carries it).
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
      const update = data as RosterChangesView | { roster: RosterEntryView[]; totals: SessionTotals };
      if ('roster' in update) Object.assign(detail, { roster: update.roster, totals: update.totals });
      else Object.assign(detail, { roster: mergeRoster(detail.roster, update), totals: update.totals });
      return true;
    }
    case 'distribution': {
      const { distribution } = data as { distribution: DistributionView };
      const at = detail.distribution.findIndex((p) => p.scenario === distribution.scenario && p.node === distribution.node);
      if (at === -1) detail.distribution.push(distribution);
      else detail.distribution[at] = distribution;
      return true;
    }
    case 'distributions': {
      const { distribution } = data as { distribution: DistributionView[] };
      detail.distribution = distribution;
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

/** Whether `a` joined before `b`: the server's roster order (joined at, then participant id). */
function joinedBefore(a: RosterEntryView, b: RosterEntryView): boolean {
  return a.joinedAt < b.joinedAt || (a.joinedAt === b.joinedAt && a.participantId < b.participantId);
}

/**
 * The roster with a `roster` update's changes merged in: a changed entry
 * replaces the trainee's own in place, a new trainee goes in order of
 * joining (ISO times and lower-case ids compare as text in the server's
 * order), a removed one leaves.
 */
export function mergeRoster(roster: readonly RosterEntryView[], { changed, removed }: Pick<RosterChangesView, 'changed' | 'removed'>): RosterEntryView[] {
  const gone = new Set(removed);
  const byId = new Map(changed.map((entry) => [entry.participantId, entry]));
  const merged = roster.filter((entry) => !gone.has(entry.participantId)).map((entry) => {
    const now = byId.get(entry.participantId);
    byId.delete(entry.participantId);
    return now ?? entry;
  });
  for (const entry of byId.values()) {
    const at = merged.findIndex((other) => joinedBefore(entry, other));
    if (at === -1) merged.push(entry);
    else merged.splice(at, 0, entry);
  }
  return merged;
}
