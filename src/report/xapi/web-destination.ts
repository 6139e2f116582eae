import type { LrsSettings } from '../launch.ts';
import { learnerAgent, learnerName, type NameStorage } from './learner.ts';
import { pageOutbox } from './page-outbox.ts';
import { basicAuthorization } from './send-statements.ts';
import { newUuid } from './uuid.ts';
import { XapiDestination } from './xapi-destination.ts';

/** localStorage, or a memory stand-in where the browser refuses it (private mode): the name is then asked each visit. */
function nameStorage(): NameStorage {
  const memory = new Map<string, string>();
  return {
    getItem: (key) => {
      try {
        return localStorage.getItem(key) ?? memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    setItem: (key, value) => {
      memory.set(key, value);
      try {
        localStorage.setItem(key, value);
      } catch {
        // Kept in memory for this visit.
      }
    },
  };
}

/**
 * The web game's xAPI destination for an LRS configured by the package or
 * the address: statements through the page's outbox, the trainee as an
 * account on this site (their name asked once per browser), scenario
 * activities under the game's own address.
 */
export function webXapiDestination(lrs: LrsSettings, onError: (error: unknown) => void): XapiDestination {
  const storage = nameStorage();
  const name = lrs.learnerName ? Promise.resolve(lrs.learnerName) : learnerName(storage);
  const actor = name.then((name) => learnerAgent(name, location.origin, storage, newUuid));
  return new XapiDestination({
    outbox: pageOutbox(),
    target: { endpoint: lrs.endpoint, authorization: basicAuthorization(lrs.key, lrs.secret) },
    actor,
    activityBase: new URL('./', location.href).href,
    now: () => new Date(),
    newId: newUuid,
    onError,
  });
}
