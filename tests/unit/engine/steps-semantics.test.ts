import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conversationSteps, evaluationScope, holds } from '../../../src/engine/steps.ts';
import type { ConversationContext } from '../../../src/engine/index.ts';
import { evaluate, parseExpression, truthy, type Expression, type Value } from '../../../src/scenario/expression.ts';
import { applyEffect, checkScenario, offeredReplies, scopeOf, type ConversationState } from '../../../src/scenario/index.ts';
import { catalogue } from '../helpers.ts';
import { validScenarioYaml } from '../property/random-scenarios.ts';

/**
 * The engine's steps evaluate `if`s and `set`s against the variables
 * themselves when an expression does not read `mood`, else in a scope they
 * build faster than semantics.ts's spread, and skip the work when a node has
 * no `if` or a reply sets nothing. They must agree with semantics.ts, which
 * the linter's reasoning and the audit share.
 */

/** Names a trainer could give a variable, Object's own among them. */
const NAMES = ['flag', 'count', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'] as const;
const value: fc.Arbitrary<Value> = fc.oneof(fc.boolean(), fc.integer({ min: -3, max: 3 }), fc.constantFrom('', 'calm', '1'));
/** Variables as plain data, each name an own property (a `__proto__` key too, as a spread or JSON would make it). */
const variables = fc.array(fc.tuple(fc.constantFrom(...NAMES), value)).map((entries) => Object.fromEntries(entries) as Record<string, Value>);
const state: fc.Arbitrary<ConversationState> = fc.record({ mood: fc.integer({ min: 0, max: 100 }), variables });
const expression: fc.Arbitrary<Expression> = fc
  .tuple(fc.constantFrom(...NAMES, 'mood', 'missing'), fc.constantFrom('{}', 'not {}', '{} == 1', '{} + 1 > 1', "{} == 'calm'", 'mood >= 50 and {}', '{} or not mood'))
  .map(([name, shape]) => {
    const parsed = parseExpression(shape.replace('{}', name));
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.expression;
  });

describe('the engine steps agree with semantics.ts', () => {
  it('evaluates every expression in its scope as in semantics.ts\u2019s', () => {
    fc.assert(
      fc.property(state, expression, (s, e) => {
        expect(evaluate(e, evaluationScope(s))).toEqual(evaluate(e, scopeOf(s)));
        expect(holds(e, s)).toBe(truthy(evaluate(e, scopeOf(s))));
      }),
      { numRuns: 2_000 },
    );
  });

  it('offers the replies offeredReplies offers and applies effects as applyEffect does, on random scenarios', () => {
    fc.assert(
      fc.property(validScenarioYaml, fc.integer({ min: 0, max: 100 }), fc.boolean(), fc.integer({ min: -2, max: 3 }), fc.constantFrom('tense', 'calm'), (yaml, mood, flag, count, tone) => {
        const { scenario } = checkScenario('random.yaml', yaml, catalogue);
        if (!scenario) return;
        const steps = conversationSteps(scenario);
        const at: ConversationState = { mood, variables: { flag, count, tone } };
        const base: ConversationContext = {
          node: scenario.start, ...at, path: [], decisions: [], now: 0, shownAt: null, limitMs: null,
          timerScale: 1, waitForShown: false, seed: null, shown: [], ending: null,
        };
        for (const node of Object.values(scenario.nodes)) {
          if (node.kind !== 'dialogue') continue;
          const arrived = steps.enter(base, node.id);
          expect(arrived.shown).toEqual(offeredReplies(node, at).map((r) => r.index));
          for (const index of arrived.shown) {
            const after = steps.reply(arrived, node.id, index, 1_000);
            expect({ mood: after.mood, variables: after.variables }).toEqual(applyEffect(node.replies[index - 1]!, at));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
