import { DEV_SAVE_HEADER, DEV_SAVE_PATH, type DevSaveAnswer } from './dev-save-protocol.ts';

/** True in `npm start`, where the development server can write into scenarios/. */
export const canSaveToScenarios = import.meta.env.DEV;

/**
 * Writes the scenario into scenarios/`name` through the development server
 * (the game's menu reloads it). An existing file is only replaced when
 * `overwrite` is true. Never throws: a failure comes back as a message.
 */
export async function saveToScenarios(name: string, text: string, overwrite: boolean): Promise<DevSaveAnswer> {
  try {
    const response = await fetch(`${DEV_SAVE_PATH}?name=${encodeURIComponent(name)}&overwrite=${overwrite ? 1 : 0}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8', [DEV_SAVE_HEADER]: 'save' },
      body: text,
    });
    const answer = (await response.json()) as DevSaveAnswer;
    return answer;
  } catch (error) {
    return { ok: false, message: `the development server did not answer (${(error as Error).message}); is npm start still running?` };
  }
}
