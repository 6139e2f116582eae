/**
 * The parts of an xAPI 1.0.3 statement Tactful writes, typed plainly (the
 * `@xapi/xapi` types make a language map require every language code).
 * Unit tests check every statement built here with Learning Locker's
 * validator (`@learninglocker/xapi-validation`).
 */

/** Text by BCP 47 language tag, e.g. `{ en: 'Hello' }`. */
export type LanguageMap = Record<string, string>;

/** Who did it: for the web game an account named by the trainee, for cmi5 the LMS's actor. Never an invented e-mail. */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  account?: { homePage: string; name: string };
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
}

export interface XapiVerb {
  id: string;
  display?: LanguageMap;
}

export interface XapiActivity {
  objectType?: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: 'choice';
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LanguageMap }[];
    extensions?: Record<string, unknown>;
  };
}

export interface XapiScore {
  scaled: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface XapiContext {
  registration?: string;
  contextActivities?: {
    parent?: XapiActivity[];
    grouping?: XapiActivity[];
    category?: XapiActivity[];
    other?: XapiActivity[];
  };
  language?: string;
  extensions?: Record<string, unknown>;
}

/** A statement as stored in the outbox: its id is set once, when it is made, so a resend is recognised by the LRS. */
export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: XapiVerb;
  object: XapiActivity;
  result?: XapiResult;
  context?: XapiContext;
  timestamp: string;
}
