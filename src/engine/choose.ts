import type { CompiledScenario, TimerSetting } from './machine.ts';
import { SteppedClock } from './clock.ts';
import { startConversation } from './conversation.ts';
import type { ConversationResult } from './result.ts';

/** One step of a `--choose` list: reply N after some seconds, or let the timer run out. */
export type ChoiceStep = { kind: 'reply'; number: number; afterMs: number } | { kind: 'timeout' };

/**
 * Parses a `--choose` list: `1,2@3.5,t`. `N` picks the N-th offered reply at
 * once, `N@S` after S seconds, `t` lets the timer run out.
 */
export function parseChoices(spec: string): { steps: ChoiceStep[] } | { error: string } {
  const steps: ChoiceStep[] = [];
  const parts = spec.split(',').map((p) => p.trim());
  for (const [i, part] of parts.entries()) {
    if (part === 't') {
      steps.push({ kind: 'timeout' });
      continue;
    }
    const match = /^(\d+)(?:@(\d+(?:\.\d+)?))?$/.exec(part);
    if (!match || Number(match[1]) < 1) {
      return { error: `step ${i + 1} "${part}" is not a choice: use N (reply number), N@S (after S seconds) or t (let the timer run out)` };
    }
    steps.push({ kind: 'reply', number: Number(match[1]), afterMs: Math.round(Number(match[2] ?? 0) * 1000) });
  }
  return { steps };
}

/** Why a list of choices could not be played to an ending. */
export interface ChoiceError {
  message: string;
  /** The node where play stopped. */
  node: string;
  /** 1-based step that failed, or the step count + 1 when steps ran out. */
  step: number;
}

/**
 * Plays a scenario headlessly with a list of choices on a stepped clock:
 * the same engine as the game, so the scores equal the browser's. Reply
 * numbers count in file order, or in the shuffled order of `shuffleSeed`.
 */
export function playChoices(
  compiled: CompiledScenario,
  steps: readonly ChoiceStep[],
  timers: TimerSetting = 'standard',
  options: { shuffleSeed?: number } = {},
): { result: ConversationResult } | { error: ChoiceError } {
  const clock = new SteppedClock();
  const talk = startConversation(compiled, { clock, timers, ...options });
  try {
    for (const [i, step] of steps.entries()) {
      if (talk.ended) {
        return { error: { step: i + 1, node: talk.context.node, message: `the conversation already ended at "${talk.context.node}" before step ${i + 1}; remove the extra steps` } };
      }
      const view = talk.view();
      if (step.kind === 'timeout') {
        if (!view.deadline) {
          const why = timers === 'off' ? 'timers are off' : 'this node has no time limit';
          return { error: { step: i + 1, node: view.node, message: `step ${i + 1} is "t" but ${why} at "${view.node}"; pick a reply number instead` } };
        }
        clock.advance(view.deadline.endsAt - clock.now());
        continue;
      }
      if (step.number > view.replies.length) {
        return { error: { step: i + 1, node: view.node, message: `step ${i + 1} picks reply ${step.number}, but "${view.node}" offers ${view.replies.length} repl${view.replies.length === 1 ? 'y' : 'ies'}` } };
      }
      const pathLength = talk.context.path.length;
      const decisions = talk.context.decisions.length;
      clock.advance(step.afterMs);
      // When the wait reached the time limit the timer fired first: the step counts as a timeout.
      if (talk.context.decisions.length > decisions || talk.context.path.length > pathLength) continue;
      talk.reply(step.number);
    }
    const result = talk.result();
    if (!result) {
      const node = talk.context.node;
      return { error: { step: steps.length + 1, node, message: `the choices ran out at node "${node}" before an ending; add more steps` } };
    }
    return { result };
  } finally {
    talk.stop();
  }
}
