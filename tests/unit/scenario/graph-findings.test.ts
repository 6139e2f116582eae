import { describe, expect, it } from 'vitest';
import { checkScenario, type Technique, type TechniqueCatalogue } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';

/**
 * What the linter finds by walking a scenario's graph and states, and how it
 * words it: dead ends, branch loops, traps that only some states fall into,
 * unreachable nodes and endings, endings no choice can reach, extra-dimension
 * ranges, same-tact decisions and lines too long for their timer.
 */
const check = (text: string, techniques: TechniqueCatalogue = catalogue) => {
  const checked = checkScenario('t.yaml', text, techniques);
  const a = checked.analysis;
  return {
    problems: checked.problems.map((p) => `${p.severity} ${p.rule} ${p.line}:${p.column} ${p.message}`),
    analysis: a && {
      reachable: [...a.reachable].sort(), deadEnds: [...a.deadEnds].sort(), branchLoops: a.branchLoops, exact: a.exact, states: a.states,
      endingsReached: [...a.endingsReached].sort(), traps: [...a.traps].sort(), dimensionRanges: a.dimensionRanges,
    },
  };
};

describe('dead ends and branch loops', () => {
  it('names every node that can reach no ending, and every unreachable node and ending, without walking states', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Go., tact: 1, goto: b }
      - { say: Stay., tact: 0, goto: a }
  b:
    customer: Again.
    replies:
      - { say: Back., tact: 1, goto: a }
      - { say: Stay., tact: 0, goto: b }
  lonely:
    customer: Hey.
    replies:
      - { say: Go., goto: done }
endings:
  done: { outcome: satisfied }
  spare: { outcome: lost }
`)).toEqual({
      problems: [
        'error dead-end 6:3 node "a" can reach no ending: every route from it loops or stops; add a reply or goto that leads to an ending',
        'error dead-end 11:3 node "b" can reach no ending: every route from it loops or stops; add a reply or goto that leads to an ending',
        'warning unreachable 16:3 "lonely" can\'t be reached from start "a"; link to it with a goto or remove it',
        'warning unreachable 21:3 "done" can\'t be reached from start "a"; link to it with a goto or remove it',
        'warning unreachable 22:3 "spare" can\'t be reached from start "a"; link to it with a goto or remove it',
      ],
      analysis: {
        reachable: ['a', 'b'], deadEnds: ['a', 'b'], branchLoops: [], exact: false, states: 0,
        endingsReached: [], traps: [], dimensionRanges: {},
      },
    });
  });

  it('reports branch nodes that can route to each other forever, even when each has a way out', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Go., tact: 1, goto: b }
      - { say: Stop., tact: 0, goto: done }
  b:
    branch:
      - { if: "n > 0", goto: c }
      - goto: done
  c:
    branch:
      - { if: "n > 1", goto: b }
      - goto: done
endings:
  done: { outcome: satisfied }
`)).toEqual({
      problems: ['error dead-end 12:3 branch nodes "b" → "c" can route to each other forever; make one of them go to a dialogue node or an ending'],
      analysis: {
        reachable: ['a', 'b', 'c', 'done'], deadEnds: [], branchLoops: [['b', 'c']], exact: false, states: 0,
        endingsReached: [], traps: [], dimensionRanges: {},
      },
    });
  });
});

describe('traps: states with no way to an ending', () => {
  it('names each node where some values of the variables leave no way out', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Up., tact: 1, set: { n: 1 }, goto: b }
      - { say: Stop., tact: 0, if: "n < 1", goto: done }
  b:
    customer: Again.
    replies:
      - { say: Back., tact: 1, goto: a }
      - { say: Back too., tact: 0, goto: a }
endings:
  done: { outcome: satisfied }
`)).toEqual({
      problems: [
        'error dead-end 7:3 at node "a", some values of mood or variables leave no way to an ending (no reply is offered, or every offered route loops); check the "if" conditions',
        'error dead-end 12:3 at node "b", some values of mood or variables leave no way to an ending (no reply is offered, or every offered route loops); check the "if" conditions',
      ],
      analysis: {
        reachable: ['a', 'b', 'done'], deadEnds: [], branchLoops: [], exact: true, states: 4,
        endingsReached: ['done'], traps: ['a', 'b'], dimensionRanges: {},
      },
    });
  });
});

describe('endings no choice can reach', () => {
  it('warns about an ending that is linked but behind a condition that never holds', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., tact: 1, goto: done }
      - { say: Jackpot., tact: 0, if: "n > 5", goto: jackpot }
endings:
  done: { outcome: satisfied }
  jackpot: { outcome: satisfied }
`)).toMatchObject({
      problems: ['warning ending-never-reached 14:3 ending "jackpot" is linked, but no combination of choices makes the conditions on the way to it true'],
      analysis: { reachable: ['a', 'done', 'jackpot'], exact: true, endingsReached: ['done'] },
    });
  });
});

describe('which states the walk tells apart', () => {
  it('follows a variable that only feeds another one a condition reads (even when that one is also set elsewhere)', () => {
    // "ready" is read by the branch; it is computed from "level", so "level" must be part of the state too.
    expect(check(`id: t
title: T
customer: { name: Kim }
variables: { level: 0, ready: false }
start: a
nodes:
  a:
    customer: Hi.
    order: fixed
    replies:
      - { say: Low., tact: 1, set: { level: 1 }, goto: b }
      - { say: High., tact: 0, set: { level: 2 }, goto: b }
  b:
    customer: Well?
    replies:
      - { say: Check., tact: 1, set: { ready: "level >= 2" }, goto: c }
      - { say: Reset., tact: 0, set: { ready: false }, goto: c }
  c:
    branch:
      - { if: ready, goto: won }
      - goto: a
endings:
  won: { outcome: satisfied }
`)).toMatchObject({ problems: [], analysis: { exact: true, states: 9, endingsReached: ['won'], traps: [] } });
  });

  it('reads the conditions on replies too', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Up., tact: 1, if: "n < 2", set: { n: "n + 1" }, goto: a }
      - { say: Done., tact: 0, if: "n >= 2", goto: won }
endings:
  won: { outcome: satisfied }
`)).toMatchObject({ problems: [], analysis: { exact: true, states: 4, endingsReached: ['won'] } });
  });

  it.each([
    ['the number 1', '1', 'the text "1"', '"\'1\'"', 'x == 1'],
    ['the number 1', '1', 'the text "n1"', '"\'n1\'"', 'x == 1'],
    ['true', 'true', 'the text "true"', '"\'true\'"', 'x == true'],
  ])('keeps %s apart from %s', (_a, first, _b, second, condition) => {
    expect(check(`id: t
title: T
customer: { name: Kim }
variables: { x: 0 }
start: a
nodes:
  a:
    customer: Hi.
    order: fixed
    replies:
      - { say: One., tact: 1, set: { x: ${first} }, goto: b }
      - { say: Two., tact: 0, set: { x: ${second} }, goto: b }
  b:
    branch:
      - { if: "${condition}", goto: won }
      - goto: lost
endings:
  won: { outcome: satisfied }
  lost: { outcome: lost }
`)).toMatchObject({ problems: [], analysis: { exact: true, states: 5, endingsReached: ['lost', 'won'] } });
  });

  it('counts a timeout as a way to go only when the node has a time limit', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    timeLimit: 10s
    onTimeout: { goto: walked-out }
    replies:
      - { say: Go., tact: 1, goto: b }
      - { say: Stay., tact: 0, goto: b }
  b:
    customer: Untimed.
    onTimeout: { goto: spare }
    replies:
      - { say: Bye., goto: done }
endings:
  done: { outcome: satisfied }
  walked-out: { outcome: lost }
  spare: { outcome: lost }
`)).toEqual({
      problems: ['warning unreachable 21:3 "spare" can\'t be reached from start "a"; link to it with a goto or remove it'],
      analysis: {
        reachable: ['a', 'b', 'done', 'walked-out'], deadEnds: [], branchLoops: [], exact: true, states: 4,
        endingsReached: ['done', 'walked-out'], traps: [], dimensionRanges: {},
      },
    });
  });

  it('explores a scenario of exactly 5,000 states fully, and gives up past that', () => {
    const counting = (limit: number) => `id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
start: s
nodes:
  s:
    customer: Hi.
    replies:
      - { say: Go., tact: 1, goto: a }
      - { say: Stay., tact: 0, goto: a }
  a:
    customer: Again.
    replies:
      - { say: Up., tact: 1, set: { n: "n + 1" }, goto: b }
      - { say: Up too., tact: 0, set: { n: "n + 1" }, goto: b }
  b:
    branch:
      - { if: "n < ${limit}", goto: a }
      - goto: done
endings:
  done: { outcome: satisfied }
`;
    expect(check(counting(2499)).analysis).toMatchObject({ exact: true, states: 5000 });
    expect(check(counting(2500)).analysis).toMatchObject({ exact: false });
  });
});

describe('ranges of extra dimensions', () => {
  it('takes the least and most points over whole conversations, not partial ones', () => {
    // The cheapest way to "c" is through "b", found only after "c" was first reached directly.
    expect(check(`id: t
title: T
customer: { name: Kim }
scoring: { dimensions: { policy: { label: Policy }, unused: { label: Unused } } }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Direct., tact: 1, score: { policy: 2 }, goto: c }
      - { say: Detour., tact: 0, score: { policy: -5 }, goto: b }
  b:
    customer: Hm.
    replies:
      - { say: On., goto: c }
  c:
    customer: So?
    replies:
      - { say: Fine., tact: 1, score: { policy: 3 }, goto: done }
      - { say: Whatever., tact: 0, score: { policy: 1 }, goto: done }
endings:
  done: { outcome: satisfied }
`).analysis!.dimensionRanges).toEqual({ policy: { min: -4, max: 5 }, unused: { min: 0, max: 0 } });
  });

  it('counts points every conversation gets in the minimum too', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
scoring: { dimensions: { policy: { label: Policy } } }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: One., tact: 1, score: { policy: 2 }, goto: done }
      - { say: Two., tact: 0, score: { policy: 4 }, goto: done }
endings:
  done: { outcome: satisfied }
`).analysis!.dimensionRanges).toEqual({ policy: { min: 2, max: 4 } });
  });

  it('gives 0..0 when no conversation can end', () => {
    expect(check(`id: t
title: T
customer: { name: Kim }
scoring: { dimensions: { policy: { label: Policy } } }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Again., tact: 1, score: { policy: 2 }, goto: a }
      - { say: Stop., tact: 0, goto: a }
endings:
  done: { outcome: satisfied }
`).analysis!.dimensionRanges).toEqual({ policy: { min: 0, max: 0 } });
  });
});

describe('ranges on the node graph, when the state walk cannot run', () => {
  it('follows replies, timeouts of timed nodes only, and branch routes, from the start node wherever it is written', () => {
    // A branch loop stops the state walk; the ranges then come from the node graph.
    const checked = check(`id: t
title: T
customer: { name: Kim }
variables: { n: 0 }
scoring: { dimensions: { policy: { label: Policy }, care: { label: Care } } }
start: b
nodes:
  a:
    customer: Hi.
    timeLimit: 10s
    onTimeout: { score: { policy: 6 }, goto: done }
    replies:
      - { say: Direct., tact: 1, score: { policy: 2 }, goto: done }
      - { say: Round., tact: 0, score: { policy: 1, care: 5 }, goto: loop1 }
  b:
    customer: Untimed.
    onTimeout: { score: { policy: 10 }, goto: done }
    replies:
      - { say: Low., tact: 1, score: { policy: -2 }, goto: a }
      - { say: High., tact: 0, score: { policy: 1 }, goto: a }
  loop1:
    branch:
      - { if: "n > 0", goto: loop2 }
      - goto: done
  loop2:
    branch:
      - { if: "n > 1", goto: loop1 }
      - goto: done
endings:
  done: { outcome: satisfied }
`);
    expect(checked.analysis).toMatchObject({ exact: false, branchLoops: [['loop1', 'loop2']] });
    expect(checked.analysis!.dimensionRanges).toEqual({ policy: { min: -1, max: 7 }, care: { min: 0, max: 5 } });
  });
});

describe('decisions', () => {
  it('warns when every reply has the same tact, and when a line takes longer to read than its timer', () => {
    // 10 + 15 words at 250 words per minute, plus 2 s: exactly 8 s, which fits an 8 s limit but not 7.9 s.
    expect(check(`id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: one two three four five six seven eight nine ten
    timeLimit: 8s
    replies:
      - { say: a b c d e f g h, tact: 1, goto: b }
      - { say: i j k l m n o, tact: 0, goto: b }
  b:
    customer: one two three four five six seven eight nine ten
    timeLimit: 7.9s
    replies:
      - { say: a b c d e f g h, tact: -2, goto: done }
      - { say: i j k l m n o, tact: -2, goto: done }
endings:
  done: { outcome: satisfied }
`).problems).toEqual([
      'warning line-too-long 13:15 the line and its replies take 8.0 s to read at 250 words per minute (plus 2 s), but the time limit is 7.9 s; shorten them or raise timeLimit',
      'warning same-tact 15:5 every reply at "b" has tact -2, so this choice teaches nothing about tact; give the better replies a higher tact',
    ]);
  });
});

describe('a bug in the checker', () => {
  it('becomes a problem at the top of the file instead of an exception', () => {
    class BrokenCatalogue extends Map<string, Technique> {
      override has(): boolean {
        throw new Error('catalogue went away');
      }
    }
    const checked = checkScenario('t.yaml', `id: t
title: T
customer: { name: Kim }
start: a
nodes:
  a:
    customer: Hi.
    replies:
      - { say: Bye., techniques: [acknowledge], goto: done }
endings:
  done: { outcome: satisfied }
`, new BrokenCatalogue());
    expect(checked).toEqual({
      file: 't.yaml',
      problems: [{ file: 't.yaml', line: 1, column: 1, severity: 'error', rule: 'internal-error', message: 'this file could not be checked (catalogue went away); please report it with the file' }],
    });
  });
});
