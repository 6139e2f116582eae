import type { Page } from '@playwright/test';

/** A draft as the studio keeps it in IndexedDB (src/studio/files/drafts.ts). */
export interface StudioDraft {
  name: string;
  text: string;
  keptAt: number;
}

/**
 * Puts `draft` in the studio's IndexedDB as its kept draft, as if a trainer
 * had typed it and closed the tab: the next load of the page opens it. The
 * page must have loaded the studio once (which creates the database). Used
 * by the studio benchmarks and the browser tests that need a big file.
 */
export async function keepStudioDraft(page: Page, draft: StudioDraft): Promise<void> {
  await page.evaluate(
    (kept) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('tactful-studio');
        open.onsuccess = () => {
          const put = open.result.transaction('drafts', 'readwrite').objectStore('drafts').put(kept, 'current');
          put.onsuccess = () => resolve();
          put.onerror = () => reject(new Error('could not seed the draft'));
        };
        open.onerror = () => reject(new Error('could not open the drafts database'));
      }),
    draft,
  );
}
