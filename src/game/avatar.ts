import { createAvatar } from '@dicebear/core';
import * as avataaars from '@dicebear/avataaars';
import type { Emotion } from '../scenario/index.ts';

/**
 * The customer's face as an SVG, drawn by DiceBear's "Avataaars" style
 * (Pablo Stanley, free for personal and commercial use) and bundled, so no
 * request leaves the page. The `avatar` string seeds the look (hair, skin,
 * clothes), so a customer looks the same in every emotion and every visit;
 * only the eyebrows, eyes and mouth follow the emotion.
 */
const EXPRESSIONS: Record<Emotion, { eyebrows: string; eyes: string; mouth: string }> = {
  angry: { eyebrows: 'angryNatural', eyes: 'squint', mouth: 'screamOpen' },
  annoyed: { eyebrows: 'flatNatural', eyes: 'side', mouth: 'serious' },
  neutral: { eyebrows: 'defaultNatural', eyes: 'default', mouth: 'default' },
  pleased: { eyebrows: 'defaultNatural', eyes: 'default', mouth: 'twinkle' },
  delighted: { eyebrows: 'raisedExcitedNatural', eyes: 'happy', mouth: 'smile' },
};

// Everyday looks only: no hats, costume accessories or graphic T-shirts.
const TOPS = [
  'bob', 'bun', 'curly', 'curvy', 'dreads', 'frida', 'fro', 'froBand', 'longButNotTooLong', 'miaWallace', 'shavedSides',
  'straight02', 'straight01', 'straightAndStrand', 'dreads01', 'dreads02', 'frizzle', 'shaggy', 'shaggyMullet',
  'shortCurly', 'shortFlat', 'shortRound', 'shortWaved', 'sides', 'theCaesar', 'theCaesarAndSidePart', 'bigHair', 'hijab', 'turban',
];
const HAIR = ['a55728', '2c1b18', 'b58143', 'd6b370', '724133', '4a312c', 'c93305', 'e8e1e1'];
const CLOTHES = ['blazerAndShirt', 'blazerAndSweater', 'collarAndSweater', 'hoodie', 'overall', 'shirtCrewNeck', 'shirtScoopNeck', 'shirtVNeck'];
const CLOTHES_COLOURS = ['262e33', '5199e4', '25557c', '929598', '3c4f5c', 'a7ffc4', 'ffafb9', 'ff5c5c', '65c9ff'];

/** The face as a data URL for an <img> (briefing and debrief). */
export function faceDataUrl(avatar: string, emotion: Emotion): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(faceSvg(avatar, emotion))}`;
}

/** The SVG markup of one face. Our own generated markup: scenario text never goes into it. */
export function faceSvg(avatar: string, emotion: Emotion): string {
  const e = EXPRESSIONS[emotion];
  return createAvatar(avataaars, {
    seed: avatar,
    size: 512,
    style: ['circle'],
    backgroundColor: ['d9ece9', 'f3dfd2', 'e6e0f0', 'f4ead0', 'dbe7f3'],
    top: TOPS as never,
    hairColor: HAIR,
    clothing: CLOTHES as never,
    clothesColor: CLOTHES_COLOURS,
    accessoriesProbability: 0,
    facialHairProbability: 15,
    eyebrows: [e.eyebrows] as never,
    eyes: [e.eyes] as never,
    mouth: [e.mouth] as never,
  }).toString().replace(/ style\s*=\s*"([^"]*)"/g, (_, declarations: string) => presentationAttributes(declarations));
}

/**
 * A style attribute's declarations (`a:b;c:d`) as SVG presentation attributes (` a="b" c="d"`). The
 * game's Content-Security-Policy forbids style attributes, and the stage
 * parses each face's SVG in the page before rasterising it.
 */
function presentationAttributes(declarations: string): string {
  return declarations
    .split(';')
    .map((d) => d.split(':').map((part) => part.trim()))
    .filter((pair): pair is [string, string] => pair.length === 2 && /^[a-z-]+$/.test(pair[0]!) && pair[1]!.length > 0)
    .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`)
    .join('');
}
