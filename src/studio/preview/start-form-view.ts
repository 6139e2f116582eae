import type { Value } from '../../scenario/expression.ts';
import { h } from '../../game/ui/dom.ts';
import type { PlayOutline } from './play-outline.ts';
import { inputKind, valuesFor, type StartFormValues } from './start-form.ts';

/** How long a node's line may be in the start list before it is cut. */
const LINE_CHARS = 60;

/**
 * The Play panel's form: where to start ("From the start" or a dialogue or
 * branch node, with its line), the customer's mood (0–100), one input per
 * declared variable by its declared type (a checkbox for true/false, a
 * number, a text), the problems with that start, and Play. Rebuilt only
 * when the scenario's nodes or variables change, so typing elsewhere in
 * the file never resets what the trainer entered.
 */
export class StartFormView {
  readonly element: HTMLFormElement;
  readonly playButton: HTMLButtonElement;
  private readonly start: HTMLSelectElement;
  private readonly mood: HTMLInputElement;
  private readonly variablesBox: HTMLFieldSetElement;
  private readonly problems: HTMLUListElement;
  private variableInputs = new Map<string, HTMLInputElement>();
  private outline: PlayOutline | null = null;
  private shape = '';
  private moodEntered = false;

  constructor(submit: () => void) {
    this.start = h('select', { id: 'play-start', class: 'play-input', 'aria-describedby': 'play-problems' });
    this.mood = h('input', { id: 'play-mood', class: 'play-input play-number', type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric', 'aria-describedby': 'play-problems' });
    this.mood.addEventListener('input', () => (this.moodEntered = true));
    this.variablesBox = h('fieldset', { class: 'play-variables', hidden: true }, h('legend', {}, 'Variables'));
    this.problems = h('ul', { id: 'play-problems', class: 'play-problems', 'aria-live': 'polite' });
    this.playButton = h('button', { type: 'submit', id: 'play-button', class: 'btn btn-primary play-button' }, 'Play');
    this.element = h(
      'form',
      // novalidate: a mood of 150 reaches the engine's check, which says what to change, instead of the browser's bubble.
      { class: 'play-form', 'aria-label': 'Where to start', novalidate: true },
      h('div', { class: 'play-field play-field-start' }, h('label', { for: 'play-start' }, 'Start'), this.start),
      h('div', { class: 'play-field' }, h('label', { for: 'play-mood' }, 'Mood (0–100)'), this.mood),
      this.variablesBox,
      this.playButton,
      this.problems,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
  }

  /** The scenario as last checked: the start list, the mood's default and the variables' inputs follow it. */
  update(outline: PlayOutline): void {
    const shape = JSON.stringify({ start: outline.start, nodes: outline.nodes, variables: Object.entries(outline.variables).map(([n, v]) => [n, inputKind(v)]) });
    const previous = this.outline ? this.values() : null;
    const mood = outline.mood !== this.outline?.mood;
    this.outline = outline;
    if (shape !== this.shape) {
      this.shape = shape;
      this.build(outline, valuesFor(outline, previous, { mood: this.moodEntered }));
    } else if (mood && !this.moodEntered) this.mood.value = String(outline.mood);
  }

  /** What the form holds now. */
  values(): StartFormValues {
    const variables: Record<string, string | boolean> = {};
    for (const [name, input] of this.variableInputs) variables[name] = input.type === 'checkbox' ? input.checked : input.value;
    return { node: this.start.value, mood: this.mood.value, variables };
  }

  /** Chooses where to start (a node id, or '' for the start); false when the list has no such node. */
  chooseStart(node: string): boolean {
    if (![...this.start.options].some((o) => o.value === node)) return false;
    this.start.value = node;
    return true;
  }

  /** Shows what is wrong with the start (empty: nothing), and marks the inputs the messages name. */
  showProblems(messages: readonly string[]): void {
    this.problems.replaceChildren(...messages.map((m) => h('li', {}, m)));
    // startPointProblems' messages name what they are about: the node, "Mood", or "Variable "x"".
    this.start.toggleAttribute('aria-invalid', messages.some((m) => !m.startsWith('Mood ') && !m.startsWith('Variable ') && !m.startsWith('There is no variable ')));
    this.mood.toggleAttribute('aria-invalid', messages.some((m) => m.startsWith('Mood ')));
    for (const [name, input] of this.variableInputs) input.toggleAttribute('aria-invalid', messages.some((m) => m.startsWith(`Variable "${name}"`)));
  }

  private build(outline: PlayOutline, values: StartFormValues): void {
    this.start.replaceChildren(
      h('option', { value: '' }, `From the start (${outline.start})`),
      ...outline.nodes.map((n) => h('option', { value: n.id }, `${n.kind === 'branch' ? '◇ ' : ''}${n.id}: ${cut(n.line)}`)),
    );
    this.start.value = values.node;
    this.mood.value = values.mood;
    this.variableInputs = new Map();
    const fields = Object.entries(outline.variables).map(([name, declared]) => this.variableField(name, declared, values.variables[name]));
    this.variablesBox.replaceChildren(h('legend', {}, 'Variables'), ...fields);
    this.variablesBox.hidden = fields.length === 0;
  }

  private variableField(name: string, declared: Value, value: string | boolean | undefined): HTMLElement {
    const kind = inputKind(declared);
    const id = `play-var-${name}`;
    const input = h('input', { id, class: `play-input${kind === 'number' ? ' play-number' : ''}`, type: kind, 'aria-describedby': 'play-problems' });
    if (kind === 'checkbox') input.checked = value === true;
    else input.value = typeof value === 'string' ? value : String(declared);
    this.variableInputs.set(name, input);
    return h('div', { class: `play-field play-var play-var-${kind}` }, kind === 'checkbox' ? input : null, h('label', { for: id }, name), kind === 'checkbox' ? null : input);
  }
}

function cut(line: string): string {
  const flat = line.replace(/\s+/g, ' ').trim();
  return flat.length > LINE_CHARS ? `${flat.slice(0, LINE_CHARS - 1)}…` : flat;
}
