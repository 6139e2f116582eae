import { distributionView, rosterEntryView, rosterView, sessionView, type RosterChangesView, type WholeRosterView } from '../api/views.ts';
import type { ScenarioLibrary } from '../scenario-library.ts';
import type { DecisionPoint, RosterEntry, SessionStore } from '../storage/session-store.ts';
import type { SessionChange, SessionEvents } from './session-events.ts';

/** What the live updates read from and listen to: a part of the server's context (api/server-context.ts). */
export interface LiveUpdateSources {
  store: SessionStore;
  events: SessionEvents;
  library: ScenarioLibrary;
  /** How long changes are gathered before they are read and sent as one update (ms). */
  liveDelayMs: number;
}

/** One dashboard stream, as the updates reach it. */
export interface DashboardFollower {
  /** The origin its join links start with: the `session` data's `joinUrl` depends on it. */
  readonly origin: string;
  /** Writes server-sent-event text to the dashboard, after what it was given before. */
  send(text: string): void;
  /** The stream is over (the session was deleted, its `deleted` event given to `send` first; or the database failed, and the dashboard reconnects). */
  end(): void;
}

/** What changed since the last update of a session. */
interface Pending {
  session: boolean;
  /** The trainees whose roster entries changed. */
  participants: Set<string>;
  /** A roster change that names no trainee (from an older process): the whole roster is read. */
  wholeRoster: boolean;
  points: Map<string, DecisionPoint>;
  deleted: boolean;
}

const nothingPending = (): Pending => ({ session: false, participants: new Set(), wholeRoster: false, points: new Map(), deleted: false });

/** One server-sent event as text: its data is JSON, so on one line. */
function sseText(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * The live updates of one session in this process, shared by all its open
 * dashboard streams: it listens to the event bus once, gathers the changes
 * heard within `liveDelayMs`, reads what changed once (the roster entries of
 * the trainees who moved, the totals, each decision point's replies),
 * serialises it once and gives the same text to every stream. Five
 * dashboards on a room of 300 then cost what one does.
 *
 * Reads happen one at a time, in order, each new stream's snapshot among
 * them. A stream takes part in the updates read after its snapshot, never
 * those read before it (which its snapshot already holds, or holds newer):
 * so it misses nothing between its snapshot and the next update, and never
 * goes back to something older than its snapshot.
 */
class SessionHub {
  /** Streams whose snapshot is sent: every update goes to them. */
  private readonly following = new Set<DashboardFollower>();
  /** Streams waiting for their snapshot. */
  private readonly arriving = new Set<DashboardFollower>();
  private pending = nothingPending();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly stopListening: () => void;

  constructor(
    private readonly sessionId: string,
    private readonly sources: LiveUpdateSources,
    private readonly onEmpty: () => void,
  ) {
    this.stopListening = sources.events.subscribe(sessionId, (change) => this.hear(change));
  }

  /** Takes a stream in: it already hears every change from now on; its snapshot is read after any update being read now. */
  add(follower: DashboardFollower): void {
    this.arriving.add(follower);
    this.queue(async () => {
      if (!this.arriving.has(follower)) return;
      try {
        const snapshot = await this.snapshot(follower.origin);
        if (!this.arriving.delete(follower)) return;
        if (snapshot === null) {
          follower.send(sseText('deleted', {}));
          follower.end();
          return;
        }
        follower.send(snapshot);
        this.following.add(follower);
      } catch {
        this.arriving.delete(follower);
        follower.end();
      }
    });
  }

  /** Lets a stream go; the last one closes the hub. */
  remove(follower: DashboardFollower): void {
    this.arriving.delete(follower);
    this.following.delete(follower);
    if (this.arriving.size > 0 || this.following.size > 0 || this.closed) return;
    this.closed = true;
    this.stopListening();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.onEmpty();
  }

  private hear(change: SessionChange): void {
    if (this.closed) return;
    const pending = this.pending;
    if (change.kind === 'deleted') pending.deleted = true;
    if (change.kind === 'session') pending.session = true;
    if (change.kind === 'roster' || change.kind === 'decision') {
      if (change.participantId === undefined) pending.wholeRoster = true;
      else pending.participants.add(change.participantId);
    }
    if (change.kind === 'decision') pending.points.set(JSON.stringify([change.scenario, change.node]), { scenario: change.scenario, node: change.node });
    if (this.timer !== null || change.kind === 'room') return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.queue(() => this.update());
    }, this.sources.liveDelayMs);
  }

  /** Runs reads one at a time, in the order asked for. */
  private queue(read: () => Promise<void>): void {
    this.reading = this.reading.then(read).catch(() => {});
  }

  /** Reads what changed since the last update, once, and gives it to every stream that has its snapshot. */
  private async update(): Promise<void> {
    const due = this.pending;
    this.pending = nothingPending();
    if (this.closed || this.following.size === 0) return;
    const followers = [...this.following];
    if (due.deleted) {
      this.broadcast(followers, sseText('deleted', {}));
      for (const follower of followers) {
        this.following.delete(follower);
        follower.end();
      }
      return;
    }
    let texts: { session: Map<string, string>; rest: string };
    try {
      texts = await this.read(due, new Set(followers.map((f) => f.origin)));
    } catch {
      // The database failed: the dashboards reconnect and start again from a snapshot.
      for (const follower of followers) {
        this.following.delete(follower);
        follower.end();
      }
      return;
    }
    for (const follower of followers) {
      if (!this.following.has(follower)) continue;
      const text = (texts.session.get(follower.origin) ?? '') + texts.rest;
      if (text !== '') follower.send(text);
    }
  }

  private broadcast(followers: readonly DashboardFollower[], text: string): void {
    for (const follower of followers) follower.send(text);
  }

  /** The update's events as text: `session` per origin (its join link differs), then `roster` and each `distribution`, the same for all. */
  private async read(due: Pending, origins: ReadonlySet<string>): Promise<{ session: Map<string, string>; rest: string }> {
    const { store, library } = this.sources;
    const id = this.sessionId;
    const ids = [...due.participants];
    const rosterDue = due.wholeRoster || ids.length > 0;
    const [session, totals, roster, entries, counts] = await Promise.all([
      due.session ? store.session(id) : null,
      rosterDue ? store.totals(id) : null,
      due.wholeRoster ? store.roster(id) : null,
      due.wholeRoster ? [] : Promise.all(ids.map((participantId) => store.rosterEntry(id, participantId))),
      Promise.all([...due.points.values()].map((point) => store.replyCounts(id, point))),
    ]);
    const sessionTexts = new Map<string, string>();
    if (session) for (const origin of origins) sessionTexts.set(origin, sseText('session', { session: sessionView(session, library, origin) }));
    let rest = '';
    if (totals && roster) rest += sseText('roster', { roster: rosterView(roster, library), totals } satisfies WholeRosterView);
    else if (totals) rest += sseText('roster', rosterChanges(ids, entries, totals, library));
    // A trainee removed (or a change that names nobody) takes their decisions out of every point they answered:
    // the whole distribution is sent again, so no count stays too high (removals are rare; this read is too).
    if (due.wholeRoster || entries.some((entry) => entry === null)) {
      rest += sseText('distributions', { distribution: distributionView(await store.replyCounts(id), library) });
      return { session: sessionTexts, rest };
    }
    for (const pointCounts of counts) {
      const [distribution] = distributionView(pointCounts, library);
      if (distribution) rest += sseText('distribution', { distribution });
    }
    return { session: sessionTexts, rest };
  }

  /** The whole current state for one stream; null when the session is gone. */
  private async snapshot(origin: string): Promise<string | null> {
    const { store, library } = this.sources;
    const id = this.sessionId;
    const [session, totals, roster, counts] = await Promise.all([store.session(id), store.totals(id), store.roster(id), store.replyCounts(id)]);
    if (!session) return null;
    return sseText('snapshot', { session: sessionView(session, library, origin), totals, roster: rosterView(roster, library), distribution: distributionView(counts, library) });
  }
}

/** The entries read for the trainees who changed: those still in the session changed (in order of joining), the others were removed. */
function rosterChanges(ids: readonly string[], entries: readonly (RosterEntry | null)[], totals: RosterChangesView['totals'], library: ScenarioLibrary): RosterChangesView {
  const present = entries.filter((entry): entry is RosterEntry => entry !== null);
  present.sort((a, b) => a.participant.joinedAt.getTime() - b.participant.joinedAt.getTime() || (a.participant.id < b.participant.id ? -1 : a.participant.id > b.participant.id ? 1 : 0));
  return { changed: present.map((entry) => rosterEntryView(entry, library)), removed: ids.filter((_, i) => entries[i] === null), totals };
}

/**
 * The live updates of every session followed in this process: one hub per
 * session with at least one open dashboard stream, closed with the last.
 */
export class SessionUpdates {
  private readonly hubs = new Map<string, SessionHub>();

  constructor(private readonly sources: LiveUpdateSources) {}

  /**
   * Follows a session for one dashboard stream: it hears every change from
   * the moment of this call, gets its `snapshot` first, then the session's
   * shared updates. Returns the function that stops following (call it when
   * the stream ends).
   */
  follow(sessionId: string, follower: DashboardFollower): () => void {
    let hub = this.hubs.get(sessionId);
    if (!hub) {
      const created: SessionHub = new SessionHub(sessionId, this.sources, () => {
        if (this.hubs.get(sessionId) === created) this.hubs.delete(sessionId);
      });
      this.hubs.set(sessionId, created);
      hub = created;
    }
    const joined = hub;
    joined.add(follower);
    return () => joined.remove(follower);
  }

  /** Sessions with an open hub in this process (for tests and diagnostics). */
  get followedSessions(): number {
    return this.hubs.size;
  }
}

/** The updates of each server (keyed by its context, which lives as long as it does). */
const updatesBySources = new WeakMap<LiveUpdateSources, SessionUpdates>();

/** The one SessionUpdates of a server: every dashboard stream of this server shares it. */
export function sessionUpdatesOf(sources: LiveUpdateSources): SessionUpdates {
  let updates = updatesBySources.get(sources);
  if (!updates) {
    updates = new SessionUpdates(sources);
    updatesBySources.set(sources, updates);
  }
  return updates;
}
