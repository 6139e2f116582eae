import { describe, expect, it } from 'vitest';
import { SteppedClock, emotionForMood } from '../../../src/engine/index.ts';
import { TIMER_SETTINGS, isTimerSetting } from '../../../src/engine/timer-setting.ts';

describe('the stepped clock', () => {
  it('fires due timers in time order, each at its own time, and stops at the end of the step', () => {
    const clock = new SteppedClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push(`b@${clock.now()}`), 300);
    clock.setTimeout(() => fired.push(`a@${clock.now()}`), 100);
    clock.setTimeout(() => fired.push(`c@${clock.now()}`), 500);
    clock.advance(300);
    expect(fired).toEqual(['a@100', 'b@300']);
    expect(clock.now()).toBe(300);
    clock.advance(199);
    expect(fired).toEqual(['a@100', 'b@300']);
    expect(clock.now()).toBe(499);
    clock.advance(1);
    expect(fired).toEqual(['a@100', 'b@300', 'c@500']);
  });

  it('fires timers due at the same time in the order they were set', () => {
    const clock = new SteppedClock();
    const fired: number[] = [];
    for (const n of [1, 2, 3]) clock.setTimeout(() => fired.push(n), 50);
    clock.advance(50);
    expect(fired).toEqual([1, 2, 3]);
  });

  it('starts a timer set by a firing timer at the time that timer fired', () => {
    const clock = new SteppedClock();
    const fired: number[] = [];
    clock.setTimeout(() => {
      fired.push(clock.now());
      clock.setTimeout(() => fired.push(clock.now()), 100);
    }, 100);
    clock.advance(1000);
    expect(fired).toEqual([100, 200]);
    expect(clock.now()).toBe(1000);
  });

  it('never fires a cleared timer, and gives each timer its own id', () => {
    const clock = new SteppedClock();
    const fired: string[] = [];
    const a = clock.setTimeout(() => fired.push('a'), 10);
    const b = clock.setTimeout(() => fired.push('b'), 10);
    expect(a).not.toBe(b);
    clock.clearTimeout(a);
    clock.advance(10);
    expect(fired).toEqual(['b']);
  });

  it('treats negative delays and steps as zero', () => {
    const clock = new SteppedClock();
    const fired: number[] = [];
    clock.advance(40);
    clock.setTimeout(() => fired.push(clock.now()), -5);
    clock.advance(-10);
    expect(clock.now()).toBe(40);
    expect(fired).toEqual([40]);
  });
});

describe('the face for a mood', () => {
  it('changes every 20 points', () => {
    expect([0, 19, 20, 39, 40, 59, 60, 79, 80, 100].map(emotionForMood)).toEqual([
      'angry', 'angry', 'annoyed', 'annoyed', 'neutral', 'neutral', 'pleased', 'pleased', 'delighted', 'delighted',
    ]);
  });
});

describe('timer settings', () => {
  it('are standard, 1.5x, 2x and off, and nothing else', () => {
    expect(TIMER_SETTINGS).toEqual(['standard', '1.5x', '2x', 'off']);
    expect(TIMER_SETTINGS.every(isTimerSetting)).toBe(true);
    expect(['3x', '', 'Standard', 2, null, undefined].some(isTimerSetting)).toBe(false);
  });
});
