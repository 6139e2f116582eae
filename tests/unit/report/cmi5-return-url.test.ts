import { describe, expect, it } from 'vitest';
import { followableReturnUrl } from '../../../src/report/cmi5/return-url.ts';

const GAME = 'https://cdn.example/packages/7/index.html?scenario=worn-once&lms=cmi5';

describe('the cmi5 returnURL the game follows back to the LMS', () => {
  it('follows an absolute http(s) address as given', () => {
    expect(followableReturnUrl('https://lms.example/course/7?tab=units', GAME)).toBe('https://lms.example/course/7?tab=units');
    expect(followableReturnUrl('http://127.0.0.1:8080/lms/course.html', GAME)).toBe('http://127.0.0.1:8080/lms/course.html');
  });

  it('resolves a relative address against the game page, as a link on it would', () => {
    expect(followableReturnUrl('../../course/7', GAME)).toBe('https://cdn.example/course/7');
  });

  it('never follows a script, data or other non-web address', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<p>hi</p>', 'file:///etc/passwd', 'mailto:lms@example.com']) {
      expect(followableReturnUrl(url, GAME), url).toBeNull();
    }
  });
});
