import { emitKeypressEvents } from 'node:readline';
import { startConversation, type ConversationView } from '../engine/index.ts';
import type { TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario, TimerSetting } from '../engine/index.ts';
// The game's own mood words (Angry … Neutral … Delighted), for the engine's
// emotion of the moment, so the terminal and the mood meter never disagree.
import { EMOTION_LABELS } from '../engine/emotion.ts';
import { debriefText } from './debrief-text.ts';
import { RealClock } from './real-clock.ts';
import { replyInput } from './reply-input.ts';

/** Where interactive play reads keys and writes text; tests pass their own streams. */
export interface Terminal {
  input: NodeJS.ReadableStream;
  write: (text: string) => void;
  /** A real terminal: keys answer at once (raw mode) and a countdown is drawn. Otherwise one answer per line. */
  tty: boolean;
}

/** The process's own terminal (or its pipes). */
export function processTerminal(): Terminal {
  return { input: process.stdin, write: (text) => void process.stdout.write(text), tty: process.stdin.isTTY === true && process.stdout.isTTY === true };
}

/**
 * The terminal game: the customer's line, numbered replies, a live
 * countdown, and the debrief at the end. Replies are shown in the order
 * drawn from `shuffleSeed`, and numbered as shown. Keys 1–9 answer (Enter not
 * needed in a terminal; when input is piped, one number per line), q quits;
 * any other key or line gets a hint. The chosen reply is echoed as "You: …".
 */
export function playInteractive(compiled: CompiledScenario, catalogue: TechniqueCatalogue, timers: TimerSetting, shuffleSeed: number, terminal: Terminal = processTerminal()): Promise<number> {
  const { scenario } = compiled;
  const { input, write, tty } = terminal;
  const clock = new RealClock();

  write(`\n${scenario.title}\n${'═'.repeat(Math.min(60, scenario.title.length))}\n`);
  if (scenario.setting) write(`${scenario.setting}\n`);
  if (scenario.brief) write(`\n${scenario.brief.trim()}\n`);
  if (scenario.objectives.length > 0) write(`\nObjectives:\n${scenario.objectives.map((o) => `  • ${o}`).join('\n')}\n`);
  write(`\nTimers: ${timers === 'off' ? 'off (speed not scored)' : timers}. Press 1–9 to answer${tty ? '' : ' (one number per line)'}, q to quit.\n`);
  write(`Replies are shuffled (seed ${shuffleSeed}; add --shuffle ${shuffleSeed} to see the same order again).\n`);

  const talk = startConversation(compiled, { clock, timers, shuffleSeed });
  return new Promise((resolve) => {
    let shownPath = -1;
    let ticker: NodeJS.Timeout | undefined;
    let buffer = '';
    let finished = false;

    const finish = (code: number): void => {
      finished = true;
      if (ticker) clearInterval(ticker);
      unsubscribe();
      talk.stop();
      input.removeListener('keypress', onKey);
      input.removeListener('data', onData);
      if (tty) (input as NodeJS.ReadStream).setRawMode(false);
      input.pause();
      resolve(code);
    };

    const render = (view: ConversationView): void => {
      const pathLength = talk.context.path.length;
      if (pathLength === shownPath) return;
      const timedOut = shownPath >= 0 && talk.context.decisions.at(-1)?.timedOut === true;
      shownPath = pathLength;
      if (tty) write('\r\x1b[K');
      if (timedOut) write('\n(Time ran out.)\n');
      if (view.phase === 'ended') {
        write(`\n${debriefText(compiled, view.result!, catalogue)}\n\n`);
        finish(0);
        return;
      }
      write(`\n${view.customerName} (${EMOTION_LABELS[view.emotion]}, mood ${view.mood}/100): “${view.line}”\n\n`);
      for (const r of view.replies) write(`  ${r.number}. ${r.say}\n`);
      write('\n');
      tick();
    };

    const tick = (): void => {
      const view = talk.view();
      if (!tty || !view.deadline) return;
      const left = Math.max(0, view.deadline.endsAt - clock.now()) / 1000;
      write(`\r\x1b[K  ⏱  ${left.toFixed(1)} s left — your reply: `);
    };

    const choose = (typed: string): void => {
      // Lines piped after the ending (or typed while nothing is offered) have nothing to answer.
      const replies = finished || talk.ended ? [] : talk.view().replies;
      if (replies.length === 0) return;
      const meant = replyInput(typed, replies.length);
      if (meant.kind === 'quit') {
        write('\nStopped. Nothing was scored.\n');
        finish(0);
      } else if (meant.kind === 'hint') {
        write(`${tty ? '\r\x1b[K' : ''}  ${meant.message}\n`);
        tick();
      } else {
        // Echo the reply first: answering draws the customer's next line at once.
        write(`${tty ? '\r\x1b[K' : ''}You: “${replies.find((r) => r.number === meant.number)!.say}”\n`);
        talk.reply(meant.number);
      }
    };

    const onKey = (text: string | undefined, key: { ctrl?: boolean; name?: string } | undefined): void => {
      if (key?.ctrl && key.name === 'c') {
        write('\nStopped.\n');
        finish(130);
        return;
      }
      choose(text ?? '');
    };

    const onData = (chunk: Buffer | string): void => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        choose(line);
        newline = buffer.indexOf('\n');
      }
    };

    const unsubscribe = talk.subscribe(render);
    render(talk.view());
    if (talk.ended) return;
    if (tty) {
      emitKeypressEvents(input);
      (input as NodeJS.ReadStream).setRawMode(true);
      input.on('keypress', onKey);
      ticker = setInterval(tick, 200);
    } else {
      input.on('data', onData);
      input.on('end', () => {
        if (!talk.ended) {
          write(`\nInput ended at "${talk.context.node}" before an ending.\n`);
          finish(1);
        }
      });
    }
    input.resume();
  });
}
