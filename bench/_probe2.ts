import { parseDocument, LineCounter, Parser, Lexer, Composer } from 'yaml';
import { generateScenario } from './generate.ts';
const n = Number(process.argv[2]);
const { yaml } = generateScenario({ nodes: n, seed: 1 });
const t = (label: string, fn: () => any) => { const t0 = performance.now(); const v = fn(); console.log(n, label, (performance.now() - t0).toFixed(1)); return v; };
for (let i = 0; i < 2; i++) {
t('lex', () => { let k = 0; for (const _ of new Lexer().lex(yaml)) k++; return k; });
const csts = t('parse CST', () => [...new Parser().parse(yaml)]);
t('compose uniqueKeys:false', () => [...new Composer({ uniqueKeys: false }).compose(csts)]);
t('compose default', () => [...new Composer({}).compose(csts)]);
}
