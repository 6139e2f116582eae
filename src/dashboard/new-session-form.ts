import { TIMER_SETTINGS } from '../engine/timer-setting.ts';
import { h } from '../game/ui/dom.ts';
import type { ScenarioChoice } from './dashboard-types.ts';
import { timerLabel } from './labels.ts';
import type { NewSession } from './trainer-api.ts';

/** The modes, as the trainer chooses between them. */
const MODES: { value: NewSession['mode']; label: string; hint: string }[] = [
  { value: 'self-paced', label: 'Self-paced', hint: 'Each trainee plays the scenarios on their own device, at their own pace.' },
  { value: 'room', label: 'Room', hint: 'The room plays one conversation together: everyone votes on each reply.' },
];

/**
 * Creating a session: its name, the scenarios (from the server's own
 * copy), the reply timer and the mode. What the form can check, it checks
 * (a name, at least one scenario); the server's refusal comes back through
 * `showError`.
 */
export function newSessionForm(scenarios: readonly ScenarioChoice[], create: (session: NewSession) => void): { form: HTMLFormElement; showError: (message: string) => void } {
  const error = h('p', { class: 'form-error', id: 'new-session-error', role: 'alert' });
  const name = h('input', { class: 'text-input', id: 'session-name', name: 'session-name', maxlength: 80, autocomplete: 'off' });
  const picks = scenarios.map((s) => ({ id: s.id, box: h('input', { type: 'checkbox', name: 'scenario', value: s.id }) }));
  const scenarioList = h(
    'fieldset',
    { class: 'choice-list' },
    h('legend', { class: 'field-label' }, 'Scenarios to play'),
    ...scenarios.map((s, i) => h('label', { class: 'check choice' }, picks[i]!.box, h('span', {}, h('strong', {}, s.title), h('span', { class: 'hint' }, ` · difficulty ${s.difficulty} of 5`)))),
  );
  const radios = (group: string, legend: string, options: { value: string; label: string; hint?: string }[], checked: string): HTMLFieldSetElement =>
    h(
      'fieldset',
      { class: 'choice-row' },
      h('legend', { class: 'field-label' }, legend),
      ...options.map((o) => h('label', { class: 'check choice' }, h('input', { type: 'radio', name: group, value: o.value, checked: o.value === checked }), h('span', {}, h('strong', {}, o.label), o.hint ? h('span', { class: 'hint choice-hint' }, o.hint) : null))),
    );
  const timers = radios('timers', 'Reply timer', TIMER_SETTINGS.map((t) => ({ value: t, label: timerLabel(t) })), 'standard');
  const mode = radios('mode', 'Mode', MODES, 'self-paced');
  const button = h('button', { type: 'submit', class: 'btn btn-primary' }, 'Create session');
  const form = h(
    'form',
    { class: 'panel new-session stack', novalidate: true, 'aria-labelledby': 'new-session-title' },
    error,
    h('div', { class: 'field' }, h('label', { class: 'field-label', for: 'session-name' }, 'Session name'), name, h('span', { class: 'hint' }, 'Trainees see it, e.g. “Returns desk, Monday cohort”.')),
    scenarioList,
    timers,
    mode,
    h('div', { class: 'actions-bar' }, button, h('a', { class: 'btn btn-secondary', href: '#/' }, 'Cancel')),
  );
  const showError = (message: string): void => {
    error.textContent = message;
    button.disabled = false;
    error.scrollIntoView({ block: 'nearest' });
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = picks.filter((p) => p.box.checked).map((p) => p.id);
    const checkedValue = (group: string): string => form.querySelector<HTMLInputElement>(`input[name="${group}"]:checked`)?.value ?? '';
    if (!name.value.trim()) {
      showError('Give the session a name.');
      name.focus();
      return;
    }
    if (chosen.length === 0) {
      showError('Choose at least one scenario.');
      picks[0]?.box.focus();
      return;
    }
    button.disabled = true;
    create({ name: name.value, scenarios: chosen, timers: checkedValue('timers'), mode: checkedValue('mode') === 'room' ? 'room' : 'self-paced' });
  });
  return { form, showError };
}
