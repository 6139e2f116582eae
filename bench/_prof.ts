import { buildCatalogue, loadScenario } from '../src/scenario/index.ts';
import { generateScenario } from './generate.ts';
const { catalogue } = buildCatalogue();
const n = Number(process.argv[2]);
const { yaml } = generateScenario({ nodes: n, seed: 1 });
loadScenario('w.yaml', yaml, catalogue);
const t0 = performance.now();
const r = loadScenario('x.yaml', yaml, catalogue);
console.log(n, 'load', (performance.now() - t0).toFixed(0), 'ms', r.problems.length, !!r.compiled);
