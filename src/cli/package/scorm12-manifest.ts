import type { Course } from './course.ts';
import { GAME_PAGE, launchAddress } from './launch-address.ts';
import { GAME_FILES_ID, itemId, manifestId, organizationId, scoId } from './scorm-identifiers.ts';
import { xmlAttribute, xmlText } from './xml.ts';

/**
 * `imsmanifest.xml` for SCORM 1.2 (IMS Content Packaging 1.1.2 with ADL's
 * `adlcp` extensions, checked in the tests against ADL's XSDs). One
 * organization; one item and one SCO per scenario, launching
 * `index.html?scenario=ID&lms=scorm12`; its mastery score is the scenario's
 * pass mark (left out when a critical reply can fail a play whatever its
 * score). Every SCO depends on one asset resource listing the game's files.
 * SCORM 1.2 spells the SCO attribute `adlcp:scormtype` (all lower case).
 *
 * @param files every file in the package except the manifest, sorted.
 */
export function scorm12Manifest(c: Course, files: readonly string[]): string {
  const org = organizationId(c.slug);
  const items = c.scenarios.map((s) => [
    `      <item identifier="${itemId(s.id)}" identifierref="${scoId(s.id)}" isvisible="true">`,
    `        <title>${xmlText(s.title)}</title>`,
    ...(s.masteryScore === null ? [] : [`        <adlcp:masteryscore>${s.masteryScore}</adlcp:masteryscore>`]),
    '      </item>',
  ]);
  const scos = c.scenarios.map((s) => [
    `    <resource identifier="${scoId(s.id)}" type="webcontent" adlcp:scormtype="sco" href="${xmlAttribute(launchAddress(s.id, 'scorm12'))}">`,
    `      <file href="${GAME_PAGE}"/>`,
    `      <dependency identifierref="${GAME_FILES_ID}"/>`,
    '    </resource>',
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${manifestId(c.slug)}" version="1.0"`,
    '    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>1.2</schemaversion>',
    '  </metadata>',
    `  <organizations default="${org}">`,
    `    <organization identifier="${org}">`,
    `      <title>${xmlText(c.title)}</title>`,
    ...items.flat(),
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...scos.flat(),
    `    <resource identifier="${GAME_FILES_ID}" type="webcontent" adlcp:scormtype="asset">`,
    ...files.map((f) => `      <file href="${xmlAttribute(f)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}
