import { buildCatalogue, loadScenario, scenarioSchema, compileMachine } from '../src/scenario/index.ts';
import { readSource } from '../src/scenario/source.ts';
import { normalise } from '../src/scenario/normalise.ts';
import { analyse } from '../src/scenario/analysis.ts';
import { generateScenario } from './generate.ts';
const { catalogue } = buildCatalogue();
const med = (xs: number[]) => Math.min(...xs);
const RUNS = Number(process.env.RUNS ?? 5);
for (const n of process.argv.slice(2).map(Number)) {
  const { yaml } = generateScenario({ nodes: n, seed: 1 });
  const T = (fn: () => any) => { const r: number[] = []; let v; for (let i = 0; i < RUNS; i++) { const t0 = performance.now(); v = fn(); r.push(performance.now() - t0); } return [med(r), v] as const; };
  loadScenario('w', yaml, catalogue);
  const [load, l] = T(() => loadScenario('x', yaml, catalogue));
  const [read, rd] = T(() => readSource('x', yaml));
  const [sch, sc] = T(() => scenarioSchema.safeParse(rd.source.data));
  const [nor, no] = T(() => normalise(rd.source, sc.data, catalogue));
  const [ana, a] = T(() => analyse(no.scenario));
  const [cmp] = T(() => compileMachine(no.scenario));
  console.log(`${n}: load ${load.toFixed(0)} | read ${read.toFixed(0)} schema ${sch.toFixed(0)} normalise ${nor.toFixed(0)} analyse ${ana.toFixed(0)} compile ${cmp.toFixed(0)} | problems ${l.problems.length} states ${a.states} exact ${a.exact}`);
}
