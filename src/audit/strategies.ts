import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import type { Reply } from '../scenario/index.ts';

/**
 * A rule of thumb a trainee might play by instead of thinking: given the
 * replies offered (in file order), it picks one. `random` strategies break
 * ties, or choose outright, with the generator, so the audit plays them many
 * times; the others always pick the same reply.
 */
export interface NaiveStrategy {
  id: string;
  /** What the rule is, in a trainer's words. */
  label: string;
  randomised: boolean;
  pick(offered: readonly Reply[], rng: RandomGenerator): Reply;
}

/** "Sorry", "apologise", "apologies"… in any spelling. */
export const APOLOGY_WORDS = /\b(sorry|apolog(?:y|ies|ise|ize|ised|ized|ising|izing))\b/i;
/** Stock phrases of empathy a new hire learns first. */
export const EMPATHY_PHRASES =
  /\b(i (?:completely |totally |really |fully )?(?:understand|hear you|get it|can see|can imagine|know how)|must be|frustrat\w*|that sounds|i appreciate|i feel for you)\b/i;

const any = (offered: readonly Reply[], rng: RandomGenerator): Reply => offered[uniformInt(rng, 0, offered.length - 1)]!;

/** The replies that score highest by `value`; ties all kept. */
function topBy(offered: readonly Reply[], value: (reply: Reply) => number): Reply[] {
  const best = Math.max(...offered.map(value));
  return offered.filter((r) => value(r) === best);
}

/** Picks a matching reply at random, or any reply when none matches. */
function preferring(test: (reply: Reply) => boolean) {
  return (offered: readonly Reply[], rng: RandomGenerator): Reply => {
    const matching = offered.filter(test);
    return any(matching.length > 0 ? matching : offered, rng);
  };
}

/** Every rule of thumb the audit tries, in report order. */
export const NAIVE_STRATEGIES: readonly NaiveStrategy[] = [
  { id: 'first', label: 'always the first reply in the file', randomised: false, pick: (o) => o[0]! },
  { id: 'last', label: 'always the last reply in the file', randomised: false, pick: (o) => o[o.length - 1]! },
  { id: 'longest', label: 'always the longest reply', randomised: false, pick: (o) => topBy(o, (r) => r.say.length)[0]! },
  { id: 'shortest', label: 'always the shortest reply', randomised: false, pick: (o) => topBy(o, (r) => -r.say.length)[0]! },
  { id: 'question', label: 'a reply with a question mark', randomised: true, pick: preferring((r) => r.say.includes('?')) },
  { id: 'apology', label: 'a reply that apologises', randomised: true, pick: preferring((r) => APOLOGY_WORDS.test(r.say)) },
  { id: 'empathy', label: 'a reply with a stock empathy phrase', randomised: true, pick: preferring((r) => EMPATHY_PHRASES.test(r.say)) },
  { id: 'most-mood', label: 'the reply that pleases the customer most right now', randomised: true, pick: (o, rng) => any(topBy(o, (r) => r.mood), rng) },
];

/** Uniformly random play: the baseline every scenario must stay well above. */
export const RANDOM_STRATEGY: NaiveStrategy = { id: 'random', label: 'a reply at random', randomised: true, pick: any };
