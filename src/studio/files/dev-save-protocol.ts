/** Where the studio posts a scenario to save it into scenarios/ (only `npm start` answers: see dev-save-plugin.ts). */
export const DEV_SAVE_PATH = '/__tactful/studio/save';

/** The header a save must carry: a page on another site cannot send it without the server's consent (CORS). */
export const DEV_SAVE_HEADER = 'x-tactful-studio';

/** The development server's answer to a save. */
export type DevSaveAnswer =
  | { ok: true; file: string; errors: number; warnings: number; /** The CLI's lines, `file:line:col: severity: message [rule]`. */ problems: string[] }
  | { ok: false; /** True when the file exists and the save did not ask to overwrite it. */ exists?: boolean; message: string };
