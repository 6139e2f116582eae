import { emitKeypressEvents } from 'node:readline';
import { startConversation, type ConversationView } from '../engine/index.ts';
import type { TechniqueCatalogue } from '../scenario/index.ts';
import type { CompiledScenario, TimerSetting } from '../engine/index.ts';
import { debriefText } from './debrief-text.ts';
import { RealClock } from './real-clock.ts';

const MOOD_WORDS = { angry: 'angry', annoyed: 'annoyed', neutral: 'calm', pleased: 'pleased', delighted: 'delighted' } as const;

/**
 * The terminal game: the customer's line, numbered replies, a live
 * countdown, and the debrief at the end. Replies are shown in the order
 * drawn from `shuffleSeed`, and numbered as shown. Keys 1–9 answer (Enter not
 * needed in a terminal; when input is piped, one number per line). q quits.
 */
export function playInteractive(compiled: CompiledScenario, catalogue: TechniqueCatalogue, timers: TimerSetting, shuffleSeed: number): Promise<number> {
  const { scenario } = compiled;
  const write = (text: string): boolean => process.stdout.write(text);
  const tty = process.stdin.isTTY === true && process.stdout.isTTY === true;
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

    const finish = (code: number): void => {
      if (ticker) clearInterval(ticker);
      unsubscribe();
      talk.stop();
      process.stdin.removeListener('keypress', onKey);
      process.stdin.removeListener('data', onData);
      if (tty) process.stdin.setRawMode(false);
      process.stdin.pause();
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
      write(`\n${view.customerName} (${MOOD_WORDS[view.emotion]}, mood ${view.mood}/100): “${view.line}”\n\n`);
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

    const choose = (key: string): void => {
      if (key === 'q') {
        write('\nStopped. Nothing was scored.\n');
        finish(0);
        return;
      }
      const n = Number(key);
      if (Number.isInteger(n) && n >= 1 && !talk.reply(n)) write(`\n  There is no reply ${n}; pick 1–${talk.view().replies.length}.\n`);
    };

    const onKey = (text: string | undefined, key: { ctrl?: boolean; name?: string } | undefined): void => {
      if (key?.ctrl && key.name === 'c') {
        write('\nStopped.\n');
        finish(130);
        return;
      }
      if (text && /^[1-9q]$/.test(text)) choose(text);
    };

    const onData = (chunk: Buffer | string): void => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).trim();
        buffer = buffer.slice(newline + 1);
        if (line) choose(line);
        newline = buffer.indexOf('\n');
      }
    };

    const unsubscribe = talk.subscribe(render);
    render(talk.view());
    if (talk.ended) return;
    if (tty) {
      emitKeypressEvents(process.stdin);
      process.stdin.setRawMode(true);
      process.stdin.on('keypress', onKey);
      ticker = setInterval(tick, 200);
    } else {
      process.stdin.on('data', onData);
      process.stdin.on('end', () => {
        if (!talk.ended) {
          write(`\nInput ended at "${talk.context.node}" before an ending.\n`);
          finish(1);
        }
      });
    }
    process.stdin.resume();
  });
}
