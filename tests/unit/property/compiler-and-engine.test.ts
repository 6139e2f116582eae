import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SteppedClock, startConversation } from '../../../src/engine/index.ts';
import { checkScenario, formatProblem, hasErrors } from '../../../src/scenario/index.ts';
import { loadScenario } from '../../../src/engine/index.ts';
import { catalogue } from '../helpers.ts';
import { validScenarioYaml } from './random-scenarios.ts';

describe('random valid scenarios', () => {
  it('compile without errors and play to an ending with scores in 0..100', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), fc.constantFrom('standard', '2x', 'off' as const), (yaml, picks, timers) => {
        const { compiled, problems } = loadScenario('random.yaml', yaml, catalogue);
        expect(compiled, problems.map(formatProblem).join('\n')).toBeDefined();
        const clock = new SteppedClock();
        const talk = startConversation(compiled!, { clock, timers });
        for (const pick of picks) {
          if (talk.ended) break;
          const view = talk.view();
          // Every fourth pick waits out the timer when there is one.
          if (pick % 4 === 0 && view.deadline) clock.advance(view.deadline.endsAt - clock.now());
          else if (view.replies.length > 0) expect(talk.reply(1 + (pick % view.replies.length))).toBe(true);
        }
        const result = talk.result();
        if (result) {
          for (const value of Object.values(result.scores)) {
            if (value === null) continue;
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
          }
        }
        talk.stop();
      }),
      { numRuns: 150 },
    );
  });
});

/** Ways a trainer's edit can break a file. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), char: fc.constantFrom(':', '-', ' ', '\t', '"', "'", '{', '[', '*', '&', '#', 'x', '9', '\n') }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 20 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = m.at % lines.length;
  switch (m.kind) {
    case 'delete-line':
      return [...lines.slice(0, line), ...lines.slice(line + 1)].join('\n');
    case 'duplicate-line':
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join('\n');
    case 'replace-char': {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + m.char + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, m.at % Math.max(1, text.length));
    case 'indent': {
      const l = lines[line]!;
      lines[line] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const i = m.at % Math.max(1, text.length);
      return text.slice(0, i) + m.text + text.slice(i);
    }
  }
}

describe('random mutations of valid files', () => {
  it('yield problems with positions inside the file, never an exception', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.array(mutation, { minLength: 1, maxLength: 3 }), (yaml, mutations) => {
        const text = mutations.reduce(mutate, yaml);
        const { problems, scenario } = checkScenario('mutant.yaml', text, catalogue);
        const lineCount = text.split('\n').length;
        for (const p of problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lineCount + 1);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.message.length).toBeGreaterThan(10);
          expect(p.rule).toMatch(/^[a-z-]+$/);
        }
        // Either it is still a scenario, or the linter said why not.
        if (!scenario) expect(hasErrors(problems)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
