import { asFraction, type Course, type PackagedScenario } from './course.ts';
import { GAME_PAGE, launchAddress } from './launch-address.ts';
import { GAME_FILES_ID, itemId, manifestId, organizationId, scoId } from './scorm-identifiers.ts';
import { xmlAttribute, xmlText } from './xml.ts';

/**
 * `imsmanifest.xml` for SCORM 2004 4th edition (IMS CP 1.1.4 with ADL's
 * `adlcp` and IMS Simple Sequencing, checked in the tests against ADL's
 * XSDs). One organization; one item and one SCO per scenario, launching
 * `index.html?scenario=ID&lms=scorm2004`. Every SCO depends on one asset
 * resource listing the game's files. SCORM 2004 spells the SCO attribute
 * `adlcp:scormType` (camel case).
 *
 * Sequencing: the course starts at its first scenario and the trainee may
 * choose any other (flow and choice); each scenario's primary objective is
 * satisfied by its score at the pass mark (`minNormalizedMeasure` =
 * passMark/100), except in a scenario with a critical reply, where the
 * game's own passed/failed counts (`satisfiedByMeasure="false"`): a critical
 * mistake fails a play whatever its score. The game reports completion and
 * success itself (`completionSetByContent`, `objectiveSetByContent`).
 *
 * @param files every file in the package except the manifest, sorted.
 */
export function scorm2004Manifest(c: Course, files: readonly string[]): string {
  const org = organizationId(c.slug);
  const scos = c.scenarios.map((s) => [
    `    <resource identifier="${scoId(s.id)}" type="webcontent" adlcp:scormType="sco" href="${xmlAttribute(launchAddress(s.id, 'scorm2004'))}">`,
    `      <file href="${GAME_PAGE}"/>`,
    `      <dependency identifierref="${GAME_FILES_ID}"/>`,
    '    </resource>',
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest identifier="${manifestId(c.slug)}" version="1"`,
    '    xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"',
    '    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"',
    '    xmlns:imsss="http://www.imsglobal.org/xsd/imsss"',
    '    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">',
    '  <metadata>',
    '    <schema>ADL SCORM</schema>',
    '    <schemaversion>2004 4th Edition</schemaversion>',
    '  </metadata>',
    `  <organizations default="${org}">`,
    `    <organization identifier="${org}">`,
    `      <title>${xmlText(c.title)}</title>`,
    ...c.scenarios.flatMap(item),
    '      <imsss:sequencing>',
    '        <imsss:controlMode choice="true" flow="true"/>',
    '      </imsss:sequencing>',
    '    </organization>',
    '  </organizations>',
    '  <resources>',
    ...scos.flat(),
    `    <resource identifier="${GAME_FILES_ID}" type="webcontent" adlcp:scormType="asset">`,
    ...files.map((f) => `      <file href="${xmlAttribute(f)}"/>`),
    '    </resource>',
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
}

/** One scenario's item, with the sequencing that ties its pass to the pass mark. */
function item(s: PackagedScenario): string[] {
  const objective = s.masteryScore === null
    ? [`            <imsss:primaryObjective objectiveID="${s.id}-passed" satisfiedByMeasure="false"/>`]
    : [
        `            <imsss:primaryObjective objectiveID="${s.id}-passed" satisfiedByMeasure="true">`,
        `              <imsss:minNormalizedMeasure>${asFraction(s.masteryScore)}</imsss:minNormalizedMeasure>`,
        '            </imsss:primaryObjective>',
      ];
  return [
    `      <item identifier="${itemId(s.id)}" identifierref="${scoId(s.id)}">`,
    `        <title>${xmlText(s.title)}</title>`,
    '        <imsss:sequencing>',
    '          <imsss:objectives>',
    ...objective,
    '          </imsss:objectives>',
    '          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>',
    '        </imsss:sequencing>',
    '      </item>',
  ];
}
