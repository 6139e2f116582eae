import type { CompiledScenario } from '../../engine/index.ts';
import { replayPlay } from './replay.ts';
import type { ResumeSource } from './resume-source.ts';
import { decodeResumeState, RESUME_NOTICES, type ResumeState } from './resume-state.ts';

/** What the briefing finds for a scenario: nothing, a conversation to offer to resume, or a notice that one was discarded. */
export type SavedPlayLookup = { kind: 'none' } | { kind: 'saved'; state: ResumeState } | { kind: 'discarded'; notice: string };

/**
 * Looks for an unfinished conversation of `compiled` in each source, in
 * order (the LMS's suspend_data first in an LMS launch, then the browser).
 * A state is offered only if it replays cleanly on the scenario as it is
 * now, and only once the trainee has made a decision (an unfinished play
 * with none is the same as starting again). A state that cannot be used is
 * cleared from its source, and the notice says why; it never throws.
 *
 * @example
 * const found = findSavedPlay(compiled, [browserResume]);
 * if (found.kind === 'saved') offerResume(found.state);
 */
export function findSavedPlay(compiled: CompiledScenario, sources: readonly ResumeSource[]): SavedPlayLookup {
  const id = compiled.scenario.id;
  let notice: string | undefined;
  for (const source of sources) {
    const text = source.read(id);
    if (text === null || text === '') continue;
    const decoded = decodeResumeState(text);
    if ('problem' in decoded) {
      source.clear(id);
      notice ??= RESUME_NOTICES[decoded.problem];
      continue;
    }
    const { state } = decoded;
    let replayed: ReturnType<typeof replayPlay>;
    try {
      replayed = replayPlay(compiled, state);
    } catch {
      // The engine refused the replay outright (a state no version of Tactful writes).
      replayed = { problem: 'damaged' };
    }
    if ('problem' in replayed) {
      source.clear(id);
      notice ??= RESUME_NOTICES[replayed.problem];
      continue;
    }
    replayed.talk.stop();
    if (state.decisions.length === 0) {
      source.clear(id);
      continue;
    }
    return { kind: 'saved', state };
  }
  return notice ? { kind: 'discarded', notice } : { kind: 'none' };
}
