/**
 * Keeps the keyboard where the trainer is. The conversation scene moves
 * focus to its heading and to the first reply, as it should in the game; in
 * the studio's frame that would pull the keyboard out of the editor each
 * time the preview reloads after an edit (a same-origin frame may take the
 * focus). So in the preview page a scripted `focus()` only acts while the
 * frame already has the focus (the trainer is playing in it); Tab into the
 * frame, or a click in it, still works as usual.
 */
export function keepStudioFocus(): void {
  const proto = HTMLElement.prototype;
  const focus = Object.getOwnPropertyDescriptor(proto, 'focus')?.value as (this: HTMLElement, options?: FocusOptions) => void;
  proto.focus = function focusWhileFramed(this: HTMLElement, options?: FocusOptions): void {
    if (window.parent === window || document.hasFocus()) focus.call(this, options);
  };
}
