import type { Value } from '../../scenario/expression.ts';
import type { PreviewStart } from '../../preview/preview-protocol.ts';
import type { PlayOutline } from './play-outline.ts';

/** The Play panel's form as entered: the inputs' raw values. */
export interface StartFormValues {
  /** A node id, or '' for the scenario's start. */
  node: string;
  /** The mood input's text ('' keeps the scenario's mood). */
  mood: string;
  /** By variable: a checkbox's state, or a number or text input's text. */
  variables: Record<string, string | boolean>;
}

/** The kind of input a declared variable gets: a checkbox, a number or a text field. */
export function inputKind(declared: Value): 'checkbox' | 'number' | 'text' {
  return typeof declared === 'boolean' ? 'checkbox' : typeof declared === 'number' ? 'number' : 'text';
}

/**
 * The start point a form asks for. Values are converted by the variable's
 * declared type: a number field's text to a number (a text that is not a
 * number stays text, so the engine's check names it: `Variable "x" holds a
 * number, not "abc"`). An empty mood or number field keeps the scenario's
 * value. Whether the start fits the scenario is `startPointProblems`'s call,
 * made by the preview on the text it plays.
 *
 * @example startFromForm(outline, { node: 'address', mood: '20', variables: { checkedAddress: true } })
 * // { node: 'address', mood: 20, variables: { checkedAddress: true } }
 */
export function startFromForm(outline: PlayOutline, values: StartFormValues): PreviewStart {
  const variables: Record<string, Value> = {};
  for (const [name, declared] of Object.entries(outline.variables)) {
    const entered = values.variables[name];
    if (entered === undefined) continue;
    if (typeof entered === 'boolean') variables[name] = entered;
    else if (inputKind(declared) === 'number') {
      if (entered.trim() !== '') variables[name] = asNumber(entered);
    } else variables[name] = entered;
  }
  const mood = values.mood.trim();
  return {
    node: values.node === '' ? null : values.node,
    // The mood field is a number input: its text is a number or empty (NaN would reach the check as "got NaN").
    ...(mood === '' ? {} : { mood: Number(mood) }),
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
  };
}

/** A field's text as a number; a text that is no number is kept as text, for the check to name. */
function asNumber(text: string): number | string {
  const n = Number(text.trim());
  return Number.isFinite(n) ? n : text;
}

/** The form's values for a new outline: what the trainer entered is kept where it still fits; the rest starts from the scenario's values. */
export function valuesFor(outline: PlayOutline, previous: StartFormValues | null, entered: { mood: boolean }): StartFormValues {
  const variables: Record<string, string | boolean> = {};
  for (const [name, declared] of Object.entries(outline.variables)) {
    const kept = previous?.variables[name];
    const kind = inputKind(declared);
    variables[name] = kept !== undefined && (typeof kept === 'boolean') === (kind === 'checkbox') ? kept : kind === 'checkbox' ? declared === true : String(declared);
  }
  const node = previous && outline.nodes.some((n) => n.id === previous.node) ? previous.node : '';
  return { node, mood: entered.mood && previous ? previous.mood : String(outline.mood), variables };
}
