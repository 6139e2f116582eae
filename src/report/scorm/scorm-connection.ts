import { findScormApi, type Scorm12Api, type Scorm2004Api, type ScormVersion, type SearchableWindow } from './api-discovery.ts';

/** An LMS call that did not succeed: which call, and the LMS's own error code and text. */
export class ScormError extends Error {
  constructor(
    readonly call: string,
    readonly code: string,
    detail: string,
  ) {
    super(`The LMS refused ${call}: error ${code}${detail ? ` (${detail})` : ''}`);
    this.name = 'ScormError';
  }
}

/** The calls both SCORM versions share, under one set of names. */
interface Calls {
  initialize(): string;
  terminate(): string;
  get(element: string): string;
  set(element: string, value: string): string;
  commit(): string;
  lastError(): string;
  errorString(code: string): string;
}

function calls12(api: Scorm12Api): Calls {
  return {
    initialize: () => api.LMSInitialize(''),
    terminate: () => api.LMSFinish(''),
    get: (e) => api.LMSGetValue(e),
    set: (e, v) => api.LMSSetValue(e, v),
    commit: () => api.LMSCommit(''),
    lastError: () => api.LMSGetLastError(),
    errorString: (c) => api.LMSGetErrorString(c),
  };
}

function calls2004(api: Scorm2004Api): Calls {
  return {
    initialize: () => api.Initialize(''),
    terminate: () => api.Terminate(''),
    get: (e) => api.GetValue(e),
    set: (e, v) => api.SetValue(e, v),
    commit: () => api.Commit(''),
    lastError: () => api.GetLastError(),
    errorString: (c) => api.GetErrorString(c),
  };
}

/**
 * One SCO session with the LMS: opened (LMSInitialize / Initialize) once
 * when the game is launched, closed (LMSFinish / Terminate) when the page
 * is left. Every call is checked: an LMS that refuses a value (or throws)
 * is reported to `onError` and the game goes on; after the session is
 * closed, calls do nothing.
 *
 * @example
 * const lms = ScormConnection.open('1.2', window, console.warn);
 * lms?.set('cmi.core.lesson_status', 'incomplete');
 * lms?.commit();
 */
export class ScormConnection {
  private open = true;
  /** When the session began (for `session_time`). */
  readonly startedAt: number;

  private constructor(
    readonly version: ScormVersion,
    private readonly api: Calls,
    private readonly onError: (error: unknown) => void,
    now: () => number,
  ) {
    this.startedAt = now();
  }

  /**
   * Finds the LMS's API from `win` and initializes a session. Null when
   * there is no API (the package opened outside an LMS) or the LMS refuses
   * to initialize (reported to `onError`).
   */
  static open(version: ScormVersion, win: SearchableWindow, onError: (error: unknown) => void, now: () => number = Date.now): ScormConnection | null {
    const api = version === '1.2' ? findScormApi(win, '1.2') : findScormApi(win, '2004');
    if (!api) return null;
    const calls = version === '1.2' ? calls12(api as Scorm12Api) : calls2004(api as Scorm2004Api);
    const connection = new ScormConnection(version, calls, onError, now);
    const name = version === '1.2' ? 'LMSInitialize' : 'Initialize';
    return connection.check(name, () => calls.initialize()) ? connection : null;
  }

  /** True until the session is closed. */
  get active(): boolean {
    return this.open;
  }

  /** A data model value; '' when the LMS has none or refuses (reported). */
  get(element: string): string {
    if (!this.open) return '';
    const call = `${this.version === '1.2' ? 'LMSGetValue' : 'GetValue'}("${element}")`;
    let value: string;
    try {
      value = String(this.api.get(element));
    } catch (error) {
      this.onError(new ScormError(call, 'exception', error instanceof Error ? error.message : String(error)));
      return '';
    }
    // GetValue signals failure only through GetLastError (its result is '' then).
    const code = this.lastErrorCode();
    if (code === '0' || code === '') return value;
    // SCORM 2004's 403 "value not initialized" only means the LMS has nothing stored yet: not worth a report.
    if (!(this.version === '2004' && code === '403')) this.onError(new ScormError(call, code, this.errorText(code)));
    return '';
  }

  /** Sets a data model value. False when the LMS refused it (reported). */
  set(element: string, value: string): boolean {
    if (!this.open) return false;
    return this.check(`${this.version === '1.2' ? 'LMSSetValue' : 'SetValue'}("${element}", "${value}")`, () => this.api.set(element, value));
  }

  /** Asks the LMS to store what was set so far. */
  commit(): boolean {
    if (!this.open) return false;
    return this.check(this.version === '1.2' ? 'LMSCommit' : 'Commit', () => this.api.commit());
  }

  /** Ends the session (once). */
  finish(): void {
    if (!this.open) return;
    this.check(this.version === '1.2' ? 'LMSFinish' : 'Terminate', () => this.api.terminate());
    this.open = false;
  }

  /** Runs a call; anything but "true" (or a throw) is reported with the LMS's error code. */
  private check(call: string, run: () => string): boolean {
    try {
      if (String(run()) === 'true') return true;
      const code = this.lastErrorCode();
      this.onError(new ScormError(call, code, this.errorText(code)));
    } catch (error) {
      this.onError(new ScormError(call, 'exception', error instanceof Error ? error.message : String(error)));
    }
    return false;
  }

  private lastErrorCode(): string {
    try {
      return String(this.api.lastError());
    } catch {
      return '';
    }
  }

  private errorText(code: string): string {
    try {
      return String(this.api.errorString(code));
    } catch {
      return '';
    }
  }
}
