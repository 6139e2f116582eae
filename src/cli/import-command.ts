import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { convertTwee } from '../authoring/twee/index.ts';
import { formatProblem, isCatalogueFileName, isScenarioFileName } from '../scenario/index.ts';
import { InputError, inputProblem, UsageError } from './errors.ts';
import { readText } from './files.ts';
import { lintCommand } from './lint-command.ts';
import { writeNewFile } from './new-command.ts';
import type { Output } from './output.ts';

/** File name endings of Twee files (Twine's "Export as Twee" writes .twee). */
const TWEE_FILE = /\.(twee|tw)$/i;

/**
 * `tactful import <story.twee> [--out FILE]`: converts a Twine story (Twee 3)
 * to a scenario file, following docs/authoring-from-twine.md. What could not
 * be converted is printed as `story.twee:line:col: warning: …`; the file is
 * written (never over an existing one), then checked as `tactful lint`
 * checks it. Exit 0 when the scenario has no lint error, 1 when it has, and
 * 2 (nothing written) when the Twee file cannot be used or `--out` is taken.
 */
export function importCommand(twee: string, options: { out?: string }, out: Output): number {
  if (!TWEE_FILE.test(twee)) {
    throw new InputError(inputProblem(twee, 'not-a-scenario-file', `${twee} is not a Twee file: "tactful import" reads Twine stories saved as .twee (in Twine: Library → Archive is HTML; use Build → Export As Twee)`));
  }
  const target = options.out ?? join(dirname(twee), `${basename(twee, extname(twee))}.yaml`);
  if (!isScenarioFileName(target) || isCatalogueFileName(target)) throw new UsageError(`--out must name a scenario file ending in .yaml or .yml (not techniques.yaml), not "${target}"`, false);
  if (existsSync(target)) {
    throw new UsageError(`${target} already exists and was left as it is; move or delete it, or choose another name with --out FILE`, false);
  }
  const text = readText(twee);
  const conversion = convertTwee(text, twee, basename(twee, extname(twee)));
  if (conversion.yaml === undefined) {
    for (const p of conversion.problems) out.stdout(formatProblem(p));
    throw new InputError(inputProblem(twee, 'not-a-scenario-file', `${twee} has no story passages: a Twee file has lines starting with "::" (such as ":: Start") that begin each passage`));
  }
  writeNewFile(target, conversion.yaml);
  for (const p of conversion.problems) out.stdout(formatProblem(p));
  const notConverted = conversion.problems.length;
  out.stderr(`Wrote ${target} from ${twee}: ${plural(conversion.nodes, 'node')}, ${plural(conversion.endings, 'ending')}${notConverted > 0 ? `; ${plural(notConverted, 'warning')} about what was not converted (see above)` : ''}.`);
  out.stderr(`Checking ${target}:`);
  const code = lintCommand([target], false, out);
  out.stderr(code === 0 ? `Next: npx tactful play ${target}` : `Fix the errors above in ${target} (or in ${twee}, then delete ${target} and import again).`);
  return code;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
