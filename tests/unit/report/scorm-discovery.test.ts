import { describe, expect, it } from 'vitest';
import { findScormApi, MAX_PARENTS, type SearchableWindow } from '../../../src/report/scorm/api-discovery.ts';

/** A window with an optional API and parent; `top` windows are their own parent, as in a browser. */
function win(props: Record<string, unknown> = {}, parent?: SearchableWindow): SearchableWindow {
  const w: Record<string, unknown> = { ...props };
  w.parent = parent ?? w;
  return w as unknown as SearchableWindow;
}
const api12 = { LMSInitialize: () => 'true' };
const api2004 = { Initialize: () => 'true' };

/** `depth` frames under `top`. */
function nested(top: SearchableWindow, depth: number): SearchableWindow {
  let w = top;
  for (let i = 0; i < depth; i++) w = win({}, w);
  return w;
}

describe('finding the LMS\'s SCORM API', () => {
  it('finds API (1.2) and API_1484_11 (2004) on the SCO\'s own window', () => {
    expect(findScormApi(win({ API: api12 }), '1.2')).toBe(api12);
    expect(findScormApi(win({ API_1484_11: api2004 }), '2004')).toBe(api2004);
  });

  it('looks up the chain of parents', () => {
    const top = win({ API: api12, API_1484_11: api2004 });
    expect(findScormApi(nested(top, 3), '1.2')).toBe(api12);
    expect(findScormApi(nested(top, 3), '2004')).toBe(api2004);
  });

  it('takes the nearest API when several frames have one', () => {
    const near = { LMSInitialize: () => 'true' };
    expect(findScormApi(win({}, win({ API: near }, win({ API: api12 }))), '1.2')).toBe(near);
  });

  it(`stops after ${MAX_PARENTS} parents`, () => {
    const top = win({ API: api12 });
    expect(findScormApi(nested(top, MAX_PARENTS), '1.2')).toBe(api12);
    expect(findScormApi(nested(top, MAX_PARENTS + 1), '1.2')).toBeNull();
  });

  it('then looks in the window that opened the SCO, and its parents', () => {
    const lms = win({ API_1484_11: api2004 });
    const opener = win({}, lms);
    const popup = { ...win(), opener } as SearchableWindow;
    expect(findScormApi(popup, '2004')).toBe(api2004);
  });

  it('ignores an object that is not the version\'s API', () => {
    expect(findScormApi(win({ API: api2004 }), '1.2')).toBeNull();
    expect(findScormApi(win({ API_1484_11: { Initialize: 'not a function' } }), '2004')).toBeNull();
  });

  it('treats a window of another origin (reading it throws) as having no API, and goes on', () => {
    const top = win({ API: api12 });
    const foreign = new Proxy(win({}, top), {
      get(target, key) {
        if (key === 'API') throw new DOMException('Blocked a frame with origin', 'SecurityError');
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(findScormApi(win({}, foreign), '1.2')).toBe(api12);
  });

  it('finds nothing outside an LMS', () => {
    expect(findScormApi(nested(win(), 2), '1.2')).toBeNull();
    expect(findScormApi(nested(win(), 2), '2004')).toBeNull();
  });
});
