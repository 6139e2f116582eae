import { buildCatalogue, scenarioSchema } from '../src/scenario/index.ts';
import { readSource } from '../src/scenario/source.ts';
import { normalise } from '../src/scenario/normalise.ts';
import { analyse } from '../src/scenario/analysis.ts';
import { parseDocument, LineCounter } from 'yaml';
import { generateScenario } from './generate.ts';
const { catalogue } = buildCatalogue();
for (const n of process.argv.slice(2).map(Number)) {
  const { yaml } = generateScenario({ nodes: n, seed: 1 });
  const t = (label: string, fn: () => any) => { const t0 = performance.now(); const v = fn(); console.log(n, label, (performance.now() - t0).toFixed(1)); return v; };
  t('parseDocument plain', () => parseDocument(yaml));
  t('parseDocument plain', () => parseDocument(yaml));
  t('parseDocument uniqueKeys+strict+lc', () => parseDocument(yaml, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false, strict: true }));
  t('parseDocument uniqueKeys:false', () => parseDocument(yaml, { lineCounter: new LineCounter(), uniqueKeys: false, prettyErrors: false, strict: true }));
  const read = t('readSource', () => readSource('x', yaml));
  t('toJS', () => read.source.document.toJS());
  const s = t('schema', () => scenarioSchema.safeParse(read.source.data));
  const norm = t('normalise', () => normalise(read.source, s.data, catalogue));
  const a = t('analyse', () => analyse(norm.scenario));
  console.log(n, 'states', a.states, a.exact);
}
