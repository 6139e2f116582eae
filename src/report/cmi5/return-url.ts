/**
 * The LMS's return address (cmi5 LMS.LaunchData `returnURL`) as the game
 * may follow it: an http(s) address, absolute or relative to the game's
 * page; null for anything else. The launch data comes from the LMS's
 * state store, not from the game, so a `javascript:` or `data:` address is
 * never opened whatever it says.
 *
 * @example followableReturnUrl('https://lms.example/course/7', 'https://cdn.example/au/index.html') // 'https://lms.example/course/7'
 * @example followableReturnUrl('javascript:alert(1)', 'https://cdn.example/au/index.html') // null
 */
export function followableReturnUrl(returnUrl: string, base: string): string | null {
  if (!URL.canParse(returnUrl, base)) return null;
  const url = new URL(returnUrl, base);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
}
