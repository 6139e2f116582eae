import { newShuffleSeed, parseShuffleSeed } from '../engine/shuffle-seed.ts';
import { PlayHistory } from '../report/history.ts';
import { launchSettings, readPackageConfig, type LaunchSettings } from '../report/launch.ts';
import type { ResultsDestination } from '../report/results.ts';
import type { ResumeSource } from '../report/resume/resume-source.ts';
import type { ResumeState } from '../report/resume/resume-state.ts';
import { sessionLaunch } from './session/session-launch.ts';

/**
 * What the scenes share: the play history (opened once) and notices to show
 * on the next menu (a history reset, an unknown deep link).
 */
let historyPromise: Promise<{ history: PlayHistory; notice?: string }> | undefined;
const notices: string[] = [];

/** The play history, opened on first use. */
export function playHistory(): Promise<{ history: PlayHistory; notice?: string }> {
  historyPromise ??= PlayHistory.open().then(
    (opened) => {
      if (opened.notice) notices.push(opened.notice);
      return opened;
    },
    (error: unknown) => {
      // Not kept: "Try again" on the error screen opens the store afresh.
      historyPromise = undefined;
      throw error;
    },
  );
  return historyPromise;
}

/** Queues a message for the menu to show once. */
export function addNotice(message: string): void {
  notices.push(message);
}

/** Takes every queued message. */
export function takeNotices(): string[] {
  return notices.splice(0, notices.length);
}

let lastSave: Promise<void> = Promise.resolve();

/** Remembers the play being written to the history store, so the debrief can wait for it. */
export function trackSave(saved: Promise<void>): void {
  lastSave = saved;
}

/** Resolves once the last play saved is in the store; rejects if that save failed (the debrief then shows the error screen). */
export function lastSaveDone(): Promise<void> {
  return lastSave;
}

/**
 * The shuffle seed for the next conversation: `?seed=N` replays a stored
 * play's reply order exactly (once: the link is consumed, so "Try again"
 * shuffles afresh); otherwise a fresh one, so every play shows its replies
 * in a new order.
 */
export function shuffleSeedForPlay(): number {
  const url = new URL(location.href);
  const given = url.searchParams.get('seed');
  if (given !== null) {
    url.searchParams.delete('seed');
    history.replaceState(null, '', url);
    const seed = parseShuffleSeed(given);
    if (seed !== null) return seed;
  }
  return newShuffleSeed(Math.random);
}

// ------------------------------------------------------------------ launch

/** The address the game was opened at: launch settings are read from it once. */
const launchAddress = location.href;
let launch: LaunchSettings = launchSettings(launchAddress);

/** How the game was launched (read from the address at boot; the package config's LRS once `gameResults()` has read it). */
export function launchInfo(): LaunchSettings {
  return launch;
}

/**
 * True in an LMS package launch (`?lms=…&scenario=ID`): one scenario per
 * SCO/AU, so the game offers no way to the menu (the trainee would leave
 * what the LMS launched); "Try again" stays.
 */
export function inPackageLaunch(): boolean {
  return launch.lms !== null && launch.scenario !== null;
}

// ----------------------------------------------------------------- results

/** Where plays are reported, and where an unfinished one can be resumed from (in order). */
export interface GameResults {
  destination: ResultsDestination;
  resumeSources: readonly ResumeSource[];
}

let resultsPromise: Promise<GameResults> | undefined;
/** The play on screen, told to leave when the page goes away. */
let leaveActivePlay: (() => void) | null = null;

/**
 * The game's one results destination, set up on first use (main.ts asks
 * once the first screen is painted): for a web launch it first reads the
 * package's config (an LRS); then the browser's history and resume, plus
 * whatever the launch names (SCORM, cmi5, xAPI: report/destinations.ts).
 * On `pagehide` the play in progress is left (kept for resume) and the
 * destinations close their sessions.
 */
export function gameResults(): Promise<GameResults> {
  resultsPromise ??= openResults().catch((error: unknown) => {
    // Not kept: the next conversation tries again (a chunk that failed to load offline).
    resultsPromise = undefined;
    throw error;
  });
  return resultsPromise;
}

async function openResults(): Promise<GameResults> {
  // A live session's game reports to the session server as its LRS, under the name the trainee joined with.
  const session = sessionLaunch();
  const config = launch.lms !== null ? {} : session ? { lrs: { ...session.lrs, learnerName: session.name } } : await readPackageConfig();
  launch = launchSettings(launchAddress, config);
  const [{ destinationsFor }, { HistoryDestination }, { BrowserResume }, { openScormSession }] = await Promise.all([
    import('../report/destinations.ts'),
    import('../report/history-destination.ts'),
    import('../report/resume/browser-resume.ts'),
    import('../report/scorm/scorm-session.ts'),
  ]);
  const browser = BrowserResume.inThisBrowser();
  const history = new HistoryDestination(async () => (await playHistory()).history);
  const destination = destinationsFor(launch, [history, browser], reportResultsError);
  window.addEventListener('pagehide', () => {
    leaveActivePlay?.();
    destination.pageClosing?.();
  });
  // In an LMS launch its suspend_data comes first: the trainee may be on another computer.
  const scorm = openScormSession();
  return { destination, resumeSources: scorm ? [scorm, browser] : [browser] };
}

/**
 * A destination could not take a result (an LMS refusing a value, a full
 * disk): the game goes on, and the reason goes to the console for whoever
 * looks after the LMS. Never a dialog: the trainee can do nothing about it.
 */
function reportResultsError(error: unknown): void {
  console.warn(`Tactful could not record a result: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * cmi5: the LMS page to take the trainee back to when they are done
 * (LMS.LaunchData returnURL), once the session is open; null outside a cmi5
 * launch, or when the LMS gave none (it then shows its own way back).
 */
export async function lmsReturnUrl(): Promise<string | null> {
  if (launch.lms !== 'cmi5') return null;
  await gameResults();
  const { launchedCmi5ReturnUrl } = await import('../report/cmi5/launched-destination.ts');
  return launchedCmi5ReturnUrl();
}

/** Registers what to do for the play on screen if the page goes away (null when none is). */
export function setLeaveActivePlay(leave: (() => void) | null): void {
  leaveActivePlay = leave;
}

// ------------------------------------------------------------------ resume

let pendingResume: ResumeState | null = null;

/** The next conversation of `state.scenario` resumes this state (the briefing's "Resume where you left off"). */
export function resumeNext(state: ResumeState): void {
  pendingResume = state;
}

/** The state to resume for `scenario`, if the trainee asked to resume it; taken once. */
export function takeResume(scenario: string): ResumeState | null {
  const state = pendingResume;
  pendingResume = null;
  return state?.scenario === scenario ? state : null;
}

/** Forgets the unfinished conversation of `scenario` everywhere it was kept ("Start again"). */
export async function forgetSavedPlay(scenario: string): Promise<void> {
  const { resumeSources } = await gameResults();
  for (const source of resumeSources) source.clear(scenario);
}
