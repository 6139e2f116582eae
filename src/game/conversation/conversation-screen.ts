import type { Emotion } from '../../scenario/index.ts';
import type { OfferedReply } from '../../engine/index.ts';
import { EMOTION_LABELS } from '../stage/palette.ts';
import { Countdown } from '../ui/countdown.ts';
import { h, icon } from '../ui/dom.ts';
import { focusElement, muteButton, onUnmount, topbar } from '../ui/screen.ts';
import { ReplyGuard } from './reply-guard.ts';

/** What the conversation screen's own controls ask for. */
export interface ConversationScreenActions {
  /** A click on the customer's line: show it whole. */
  skipTyping: () => void;
  pause: () => void;
  choose: (number: number) => void;
}

/**
 * The conversation's DOM: the top bar (title, mute, pause), the stage
 * column (face and mood meter slots the canvas draws into, the name plate,
 * the mood label) and the talk column (your last reply, the customer's
 * line as it types, the live caption, the replies with their countdown, and
 * the ending's button). It only shows what it is told; the scene decides
 * when, except that it holds back answers given too soon after the replies
 * appear (reply-guard.ts). Scenario text always goes in as text, never markup.
 *
 * @example
 * const screen = new ConversationScreen(scenario.title, customer.name, { skipTyping, pause, choose });
 * mountScreen('conversation', [screen.bar, screen.main], undefined, [pauseDialog.element]);
 */
export class ConversationScreen {
  readonly main: HTMLElement;
  readonly bar: HTMLElement;
  /** Where the canvas draws the customer's face. */
  readonly faceSlot: HTMLElement;
  /** Where the canvas draws the mood meter. */
  readonly meterSlot: HTMLElement;
  readonly countdown = new Countdown();
  private readonly pauseButton: HTMLButtonElement;
  private readonly moodText: HTMLElement;
  private readonly moodDelta: HTMLElement;
  private readonly you: HTMLElement;
  private readonly youSpeaker: HTMLElement;
  private readonly youText: HTMLElement;
  private readonly bubble: HTMLElement;
  /** The line as typed so far, and the rest (laid out but invisible); their text is set each time a character appears. */
  private readonly typed = document.createTextNode('');
  private readonly untyped = document.createTextNode('');
  private readonly skipHint: HTMLElement;
  private readonly caption: HTMLElement;
  private readonly repliesHead: HTMLElement;
  private readonly replies: HTMLElement;
  private readonly keysHint: HTMLElement;
  private readonly after: HTMLElement;
  /** Holds back key presses and taps that began before the replies could be read (see reply-guard.ts). */
  private readonly guard = new ReplyGuard();

  constructor(title: string, customerName: string, private readonly actions: ConversationScreenActions) {
    const name = customerName;
    this.faceSlot = h('div', { class: 'slot slot-face', 'aria-hidden': 'true' });
    this.meterSlot = h('div', { class: 'slot slot-meter', 'aria-hidden': 'true' });
    this.moodText = h('span', {});
    this.moodDelta = h('span', { class: 'mood-delta' });
    this.youSpeaker = h('p', { class: 'speaker' }, 'You');
    this.youText = h('p', { class: 'you-text' });
    this.you = h('div', { class: 'bubble bubble-you', hidden: true }, this.youSpeaker, this.youText);
    this.skipHint = h('p', { class: 'skip-hint', 'aria-hidden': 'true' }, 'Click or press Space to show the whole line');
    this.bubble = h('div', { class: 'bubble bubble-customer', 'aria-hidden': 'true', 'data-testid': 'customer-line' }, h('p', { class: 'speaker' }, name), h('p', { class: 'line' }, h('span', { class: 'typed' }, this.typed), h('span', { class: 'untyped' }, this.untyped)), this.skipHint);
    this.bubble.addEventListener('click', () => actions.skipTyping());
    this.caption = h('p', { class: 'sr-only', 'aria-live': 'polite', 'data-testid': 'caption' });
    this.repliesHead = h('div', { class: 'replies-head', hidden: true }, h('h2', { class: 'replies-title', id: 'replies-title' }, 'Your reply'), this.countdown.element);
    this.replies = h('div', { class: 'replies', role: 'group', 'aria-labelledby': 'replies-title' });
    this.keysHint = h('p', { class: 'keys-hint', hidden: true }, 'Press a number key to answer, or Tab to a reply and press Enter.');
    this.after = h('div', { class: 'ending-actions', hidden: true });

    this.main = h(
      'main',
      { class: 'conversation', id: 'main', 'aria-label': `Conversation with ${name}` },
      h('h1', { class: 'sr-only' }, title),
      h(
        'div',
        { class: 'convo-stage' },
        this.faceSlot,
        h(
          'div',
          { class: 'convo-stage-info' },
          h('p', { class: 'name-plate' }, name),
          h('div', { class: 'mood', 'data-testid': 'mood' }, this.meterSlot, h('p', { class: 'mood-label' }, h('span', {}, h('span', { class: 'mood-prefix' }, 'Mood: '), this.moodText), this.moodDelta)),
        ),
      ),
      h('div', { class: 'convo-talk' }, this.you, this.bubble, this.caption, this.repliesHead, this.replies, this.keysHint, this.after),
    );

    this.pauseButton = h('button', { type: 'button', class: 'icon-btn', 'aria-label': 'Pause', 'data-testid': 'pause', onclick: () => actions.pause() }, icon('pause'));
    this.bar = topbar(h('p', { class: 'topbar-title' }, title), h('div', { class: 'spacer' }), muteButton(), this.pauseButton);
    const replies = this.replies;
    onUnmount(this.guard.listen(window, (el) => el instanceof Element && replies.contains(el) && el.closest('.reply') !== null));
  }

  /** A new customer line: the live caption gets it whole at once; the replies go until it has typed out. */
  newLine(customerName: string, line: string): void {
    this.caption.textContent = `${customerName}: ${line}`;
    this.clearReplies();
  }

  /** Shows the first `count` characters of `text` as typed. */
  renderTyped(text: string, count: number): void {
    // The untyped rest is laid out but invisible, so the bubble never changes size while typing.
    // Changing the text nodes' data, not the spans' textContent, makes no new nodes each character.
    this.typed.data = text.slice(0, count);
    this.untyped.data = text.slice(count);
    this.skipHint.hidden = count >= text.length;
  }

  /**
   * Puts up the reply buttons (faded in unless `animate` is off) and focuses
   * the first. For a moment they take no answer, and a key still held from
   * the last answer must be let go first, so a double press never answers
   * them unread.
   */
  showReplies(replies: readonly OfferedReply[], animate: boolean): void {
    const buttons = replies.map((reply) =>
      h('button', { type: 'button', class: 'reply', 'data-number': reply.number, onclick: () => this.actions.choose(reply.number) },
        h('span', { class: 'reply-num', 'aria-hidden': 'true' }, String(reply.number)),
        h('span', { class: 'reply-say' }, reply.say)),
    );
    this.replies.classList.toggle('appear', animate);
    this.replies.replaceChildren(...buttons);
    this.repliesHead.hidden = false;
    this.keysHint.hidden = false;
    this.guard.open();
    focusElement(buttons[0]);
  }

  /** Takes the replies, their heading, the key hint and the countdown away. */
  clearReplies(): void {
    this.guard.close();
    this.replies.replaceChildren();
    this.repliesHead.hidden = true;
    this.keysHint.hidden = true;
    this.countdown.set(null);
  }

  /** The reply button shown with this number, if any. */
  replyButton(number: number): HTMLButtonElement | null {
    return this.replies.querySelector<HTMLButtonElement>(`.reply[data-number="${number}"]`);
  }

  /** Where focus returns after a pause: the first reply, or the pause button. */
  focusAfterPause(): void {
    focusElement(this.replies.querySelector<HTMLElement>('.reply') ?? this.pauseButton);
  }

  /** Your bubble: what you said, or that time ran out and the customer noticed. */
  showYourLine(said: string | null, timedOut: boolean, customerName: string): void {
    this.you.hidden = false;
    this.you.classList.toggle('timeout', timedOut);
    this.youSpeaker.textContent = timedOut ? 'Time ran out' : 'You';
    this.youText.textContent = said ?? `You didn't reply in time, and ${customerName} noticed.`;
  }

  /** The mood label: the word, the number out of 100, and an arrow for the last change. */
  setMood(emotion: Emotion, mood: number, delta: number): void {
    this.moodText.replaceChildren(h('strong', {}, EMOTION_LABELS[emotion]), ` · ${Math.round(mood)}/100`);
    this.moodDelta.className = 'mood-delta';
    this.moodDelta.replaceChildren();
    if (delta > 0) {
      this.moodDelta.classList.add('up');
      this.moodDelta.append(icon('up'), h('span', {}, `+${delta}`), h('span', { class: 'sr-only' }, ' (mood went up)'));
    } else if (delta < 0) {
      this.moodDelta.classList.add('down');
      this.moodDelta.append(icon('down'), h('span', {}, `−${-delta}`), h('span', { class: 'sr-only' }, ' (mood went down)'));
    }
  }

  /** The customer's previous line stays, dimmed, while they "think" (the beat). */
  setWaiting(waiting: boolean): void {
    this.bubble.classList.toggle('waiting', waiting);
  }

  /** The ending's way on (the debrief button), focused; pausing is over. */
  showEndingAction(button: HTMLButtonElement): void {
    this.after.replaceChildren(button);
    this.after.hidden = false;
    this.pauseButton.disabled = true;
    focusElement(button);
  }
}
