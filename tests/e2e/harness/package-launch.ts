/**
 * What an LMS reads from a package's manifest to launch one of its
 * scenarios: for SCORM the item (found by the title the trainee clicks),
 * its resource's `href` and the item's `parameters`; for cmi5 the AU's id,
 * url, moveOn and masteryScore. Read from the XML text the package holds,
 * never from the code that wrote it.
 */

/** A tag's attributes, XML entities decoded. */
function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, decodeXml(m[2]!)]));
}

function decodeXml(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * Joins a resource's href and an item's parameters the way SCORM's content
 * packaging says an LMS must (SCORM 2004 CAM 3.4.1.9, the same rule LMSs
 * apply to 1.2): leading "?" or "&" of the parameters dropped, then joined
 * with "?" or "&" depending on whether the href has a query already; a
 * fragment ("#…") is appended as it is.
 */
export function withParameters(href: string, parameters: string | undefined): string {
  if (!parameters) return href;
  if (parameters.startsWith('#')) return href.includes('#') ? href : href + parameters;
  const query = parameters.replace(/^[?&]+/, '');
  return href + (href.includes('?') ? '&' : '?') + query;
}

/**
 * The launch address, relative to the package's root, of the SCO an LMS
 * opens for the item titled `title` in a SCORM 1.2 or 2004 imsmanifest.xml.
 *
 * @throws naming what is missing when the manifest has no such item or resource.
 */
export function scormLaunchHref(manifest: string, title: string): string {
  const items = [...manifest.matchAll(/<item\b([^>]*)>\s*<title>([^<]*)<\/title>/g)];
  const item = items.find((m) => decodeXml(m[2]!.trim()) === title);
  if (!item) throw new Error(`imsmanifest.xml has no item titled "${title}" (items: ${items.map((m) => decodeXml(m[2]!)).join('; ')})`);
  const { identifierref, parameters } = attributes(item[1]!);
  const resource = [...manifest.matchAll(/<resource\b([^>]*)>/g)].map((m) => attributes(m[1]!)).find((r) => r.identifier === identifierref);
  if (!resource?.href) throw new Error(`imsmanifest.xml: the item "${title}" refers to resource "${identifierref}", which has no href`);
  return withParameters(resource.href, parameters);
}

/** One AU of a cmi5.xml, as an LMS imports it. */
export interface Cmi5Au {
  /** The AU's IRI: the activityId the LMS launches it with. */
  id: string;
  /** Its launch address, relative to the package's root. */
  url: string;
  moveOn: string;
  /** The mastery score (0..1) the LMS passes on in LMS.LaunchData, if the AU has one. */
  masteryScore?: number;
}

/**
 * The AU titled `title` in a cmi5.xml.
 *
 * @throws when there is none.
 */
export function cmi5Au(structure: string, title: string): Cmi5Au {
  const aus = [...structure.matchAll(/<au\b([^>]*)>([\s\S]*?)<\/au>/g)].map((m) => ({
    tag: m[1]!,
    body: m[2]!,
    title: decodeXml(/<title>\s*<langstring[^>]*>([^<]*)<\/langstring>/.exec(m[2]!)?.[1]?.trim() ?? ''),
  }));
  const au = aus.find((a) => a.title === title);
  if (!au) throw new Error(`cmi5.xml has no AU titled "${title}" (AUs: ${aus.map((a) => a.title).join('; ')})`);
  const { id, moveOn, masteryScore } = attributes(au.tag);
  const url = /<url>([^<]*)<\/url>/.exec(au.body)?.[1];
  if (!id || !url) throw new Error(`cmi5.xml: the AU "${title}" has no id or url`);
  return { id, url: decodeXml(url.trim()), moveOn: moveOn ?? 'NotApplicable', ...(masteryScore === undefined ? {} : { masteryScore: Number(masteryScore) }) };
}
