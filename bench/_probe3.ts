import { createRequire } from 'node:module';
import { parse, parseDocument } from 'yaml';
import { generateScenario } from './generate.ts';
const require = createRequire('/tmp/proto/');
const jsyaml = require('js-yaml');
for (const n of [500, 5000, 20000]) {
  const { yaml } = generateScenario({ nodes: n, seed: 1 });
  const t = (label: string, fn: () => any) => { const r: number[] = []; for (let i = 0; i < 3; i++) { const t0 = performance.now(); fn(); r.push(performance.now() - t0); } console.log(n, label, r.map((x) => x.toFixed(0)).join(' ')); };
  t('js-yaml load CORE', () => jsyaml.load(yaml, { schema: jsyaml.CORE_SCHEMA }));
  t('yaml parse (uniqueKeys false)', () => parse(yaml, { uniqueKeys: false }));
  t('yaml parseDocument uniqueKeys false', () => parseDocument(yaml, { uniqueKeys: false }));
}
