import type { XapiAgent } from './statement.ts';

/** Where the trainee's name (and an anonymous trainee's id) is remembered, per browser. */
export const LEARNER_NAME_KEY = 'tactful-learner-name';
const ANONYMOUS_KEY = 'tactful-learner-anonymous-id';

/** The little storage the learner needs (localStorage in the browser, a Map in tests). */
export interface NameStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * The trainee as an xAPI Agent for the web game: an account on the game's
 * site named by what the trainee typed, never an invented e-mail. A trainee
 * who skips the question is an anonymous account with a random id kept by
 * this browser, so their plays still group together in the LRS.
 *
 * @example learnerAgent('Sam Lee', 'https://training.example') // { objectType: 'Agent', name: 'Sam Lee', account: { homePage: 'https://training.example', name: 'Sam Lee' } }
 */
export function learnerAgent(name: string | null, homePage: string, storage: NameStorage, newId: () => string): XapiAgent {
  const typed = name?.trim();
  if (typed) return { objectType: 'Agent', name: typed, account: { homePage, name: typed } };
  let id = storage.getItem(ANONYMOUS_KEY);
  if (!id) {
    id = `anonymous-${newId()}`;
    storage.setItem(ANONYMOUS_KEY, id);
  }
  return { objectType: 'Agent', account: { homePage, name: id } };
}

/** Asks the trainee; resolves with the name typed, or null when they chose not to give one. */
export type AskLearnerName = () => Promise<string | null>;

let asker: AskLearnerName | null = null;
let pending: { promise: Promise<string | null>; answer: (name: string | null) => void; shown: boolean } | null = null;

/**
 * The trainee's name for the results: the remembered one, or the answer to
 * the game's question (src/game/ui/learner-name.ts). The question is asked
 * once per browser, only when results are sent to an LRS; until the game
 * registers its question (`askLearnerNameWith`) the request waits.
 */
export function learnerName(storage: NameStorage): Promise<string | null> {
  const stored = storage.getItem(LEARNER_NAME_KEY);
  if (stored) return Promise.resolve(stored);
  if (!pending) {
    let answer!: (name: string | null) => void;
    const promise = new Promise<string | null>((resolve) => {
      answer = (name) => {
        const typed = name?.trim() || null;
        if (typed) storage.setItem(LEARNER_NAME_KEY, typed);
        resolve(typed);
      };
    });
    pending = { promise, answer, shown: false };
  }
  askPending();
  return pending.promise;
}

/** Registers how the game asks the trainee's name; a request already waiting is asked at once. */
export function askLearnerNameWith(ask: AskLearnerName): void {
  asker = ask;
  askPending();
}

/** Shows the question for a waiting request, once. */
function askPending(): void {
  if (!pending || pending.shown || !asker) return;
  pending.shown = true;
  const { answer } = pending;
  asker().then(answer, () => answer(null));
}
