import { pageOutbox } from '../xapi/page-outbox.ts';
import { newUuid } from '../xapi/uuid.ts';
import { Cmi5Destination } from './cmi5-destination.ts';

/** sessionStorage, or nothing kept where the browser refuses it (a reload then starts a new session). */
function sessionKeeper(): { getItem(key: string): string | null; setItem(key: string, value: string): void } {
  return {
    getItem: (key) => {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem: (key, value) => {
      try {
        sessionStorage.setItem(key, value);
      } catch {
        // Not kept: see Cmi5Session.
      }
    },
  };
}

/** The page's cmi5 destination, once the launch made one (a page is one launch: one session). */
let launched: Cmi5Destination | null = null;

/** The cmi5 destination for this page's launch (the LMS's parameters are in its address). */
export function launchedCmi5Destination(onError: (error: unknown) => void): Cmi5Destination {
  launched = new Cmi5Destination({ href: location.href, outbox: pageOutbox(), storage: sessionKeeper(), now: () => new Date(), newId: newUuid, onError });
  return launched;
}

/** Where this page's cmi5 LMS takes the learner back to (LMS.LaunchData returnURL); null without a cmi5 launch or when the LMS gave none. */
export async function launchedCmi5ReturnUrl(): Promise<string | null> {
  return launched ? launched.returnUrl() : null;
}
