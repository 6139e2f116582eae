import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { compileYaml } from '../helpers.ts';

// A timed node met twice: the second time a long reply is offered too, so the trainee has more to read.
const compile = () => compileYaml(`
id: revisit
title: Revisit
customer: { name: Ann, mood: 50 }
variables: { more: false }
start: ask
nodes:
  ask:
    customer: Anything else?
    timeLimit: 10s
    onTimeout: { goto: done }
    replies:
      - { say: No., goto: done }
      - { say: Yes., set: { more: true }, goto: ask }
      - if: more
        say: One more thing about the order you sent last week, the one with the wrong colour and the missing cable, which I still need.
        goto: done
endings:
  done: { customer: Bye., outcome: neutral }
`);

describe('the reading allowance of a timed node met again', () => {
  it('is worked out afresh when other replies are offered the second time', () => {
    const talk = startConversation(compile(), { clock: new SteppedClock() });
    expect(talk.reply(2)).toBe(true);
    expect(talk.context.node).toBe('ask');
    expect(talk.reply(1)).toBe(true);
    const [first, second] = talk.result()!.decisions;
    expect([first!.offered, second!.offered]).toEqual([[1, 2], [1, 2, 3]]);
    // The same allowance as a play that meets the node with the long reply offered from the start.
    const fresh = startConversation(compile(), { clock: new SteppedClock(), from: { node: 'ask', variables: { more: true } } });
    expect(fresh.reply(1)).toBe(true);
    expect(second!.allowanceMs).toBe(fresh.result()!.decisions[0]!.allowanceMs);
    expect(second!.allowanceMs).toBeGreaterThan(first!.allowanceMs);
  });
});
