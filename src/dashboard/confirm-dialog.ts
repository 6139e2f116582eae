import { h } from '../game/ui/dom.ts';

/**
 * Asks the trainer to confirm something that cannot be undone (deleting a
 * session, removing a trainee): a native modal dialog, Escape or "Cancel"
 * says no, and focus starts on "Cancel" so Enter alone never destroys.
 */
export function confirmAction(title: string, text: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const cancel = h('button', { type: 'button', class: 'btn btn-secondary' }, 'Cancel');
    const confirm = h('button', { type: 'button', class: 'btn btn-danger' }, confirmLabel);
    const dialog = h(
      'dialog',
      { class: 'dialog confirm-dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
      h('h2', { id: 'confirm-title' }, title),
      h('p', { id: 'confirm-text' }, text),
      h('div', { class: 'actions-bar' }, cancel, confirm),
    );
    const finish = (yes: boolean): void => {
      dialog.close();
      dialog.remove();
      resolve(yes);
    };
    cancel.addEventListener('click', () => finish(false));
    confirm.addEventListener('click', () => finish(true));
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(false);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
