import { buildCatalogue, loadScenario } from '../src/scenario/index.ts';
import { generateScenario } from './generate.ts';
import { playConversations } from './engine.ts';
const { catalogue } = buildCatalogue();
const { yaml } = generateScenario({ nodes: 500, seed: 1 });
const r = loadScenario('x', yaml, catalogue);
playConversations(r.compiled!, 500);
function playAll() { return playConversations(r.compiled!, 4000); }
const p = playAll(); console.log(p, p.choices / p.seconds);
