import { buildCatalogue, loadScenario } from '../src/scenario/index.ts';
import { generateScenario } from './generate.ts';
const { catalogue } = buildCatalogue();
for (const n of process.argv.slice(2).map(Number)) {
  const { yaml } = generateScenario({ nodes: n, seed: 1 });
  const same = yaml.replace(/tact: -?\d/g, 'tact: 0');
  loadScenario('w', same, catalogue);
  const r: number[] = []; let res;
  for (let i = 0; i < 3; i++) { const t0 = performance.now(); res = loadScenario('x', same, catalogue); r.push(performance.now() - t0); }
  console.log(n, 'all same tact: load', Math.min(...r).toFixed(0), 'ms, problems', res!.problems.length);
}
