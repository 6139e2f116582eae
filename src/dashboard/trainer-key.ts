/** Where the trainer key is kept: this tab only, gone when it closes (a shared computer in a training room). */
const KEY = 'tactful.trainer-key';

/** The key this tab signed in with, or null. */
export function savedTrainerKey(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Keeps the key for this tab (reloads stay signed in). */
export function saveTrainerKey(key: string): void {
  try {
    sessionStorage.setItem(KEY, key);
  } catch {
    // Storage blocked: signed in until the page reloads.
  }
}

/** Signs out: forgets the key. */
export function forgetTrainerKey(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing kept.
  }
}
