/**
 * The reply countdown: an SVG ring around the seconds left, emptying as the
 * deadline nears and turning amber, then red. It lives in the DOM beside
 * the replies (where the eyes are); only its stroke offset changes, a few
 * times a second. The number is a `role="timer"` (not announced on every
 * tick).
 */
export class Countdown {
  readonly element: HTMLElement;
  private readonly arc: SVGCircleElement;
  private readonly text: HTMLElement;
  private shown: number | null = null;
  private static readonly R = 22;
  private static readonly LENGTH = 2 * Math.PI * Countdown.R;

  constructor() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 52 52');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', 'timer-ring');
    const track = document.createElementNS(ns, 'circle');
    const arc = document.createElementNS(ns, 'circle');
    for (const c of [track, arc]) {
      c.setAttribute('cx', '26');
      c.setAttribute('cy', '26');
      c.setAttribute('r', String(Countdown.R));
    }
    track.setAttribute('class', 'timer-track');
    arc.setAttribute('class', 'timer-arc');
    arc.setAttribute('stroke-dasharray', String(Countdown.LENGTH));
    svg.append(track, arc);
    this.arc = arc;
    this.text = document.createElement('span');
    this.text.className = 'timer-text';
    this.text.setAttribute('role', 'timer');
    this.text.setAttribute('aria-label', 'Seconds left to reply');
    this.element = document.createElement('div');
    this.element.className = 'timer';
    this.element.hidden = true;
    this.element.append(svg, this.text);
  }

  /** Shows `leftMs` of `totalMs`, or hides the countdown (null: untimed or not choosing). */
  set(leftMs: number | null, totalMs = 1): void {
    if (leftMs === null) {
      this.element.hidden = true;
      this.shown = null;
      return;
    }
    this.element.hidden = false;
    const fraction = Math.max(0, Math.min(1, leftMs / Math.max(1, totalMs)));
    const seconds = String(Math.ceil(leftMs / 1000));
    if (this.text.textContent !== seconds) this.text.textContent = seconds;
    // At most 120 steps over the whole countdown: smooth to the eye, few repaints.
    const step = Math.ceil(fraction * 120);
    if (step === this.shown) return;
    this.shown = step;
    this.arc.setAttribute('stroke-dashoffset', String(Countdown.LENGTH * (1 - step / 120)));
    this.element.classList.toggle('amber', fraction <= 0.5 && fraction > 0.25);
    this.element.classList.toggle('urgent', fraction <= 0.25);
  }
}
