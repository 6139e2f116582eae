import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCENARIO_ID_PATTERN } from '../scenario/index.ts';
import { idFromName } from '../authoring/twee/node-ids.ts';
import { UsageError } from './errors.ts';
import type { Output } from './output.ts';
import { readFailure } from './read-failure.ts';

/** The templates `tactful new --from` offers, each a lint-clean, audit-clean scenario in templates/. */
export const TEMPLATES = {
  short: 'a short conversation: three decisions, four endings',
  policy: 'a scored policy dimension beside tact, speed and satisfaction',
  timed: 'time limits, and a customer who escalates when kept waiting',
} as const;

/** A template's name. */
export type TemplateName = keyof typeof TEMPLATES;

/**
 * The folder holding the template files: beside this module in a checkout
 * (src/cli/templates), beside the built command in a package
 * (bin/dist/templates, copied there by scripts/build-cli.mjs).
 */
const TEMPLATE_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'templates');

/**
 * A template's text with the scenario's id in place of the template's own.
 *
 * @example templateText('short', 'late-repair').startsWith('# A short scenario') // true
 */
export function templateText(template: TemplateName, id: string): string {
  const text = readFileSync(join(TEMPLATE_FOLDER, `${template}.yaml`), 'utf8');
  return text.replace(/^id: .*$/m, `id: ${id}`);
}

/**
 * `tactful new <id> [--from short|policy|timed] [--out DIR]`: writes
 * DIR/ID.yaml from a template (DIR: `scenarios` when there is such a folder
 * here, else the current folder), never over an existing file. Exit 0 when
 * written, 2 for a bad id, an unknown template or a file that already exists.
 */
export function newCommand(id: string, options: { from?: string; out?: string }, out: Output): number {
  if (!SCENARIO_ID_PATTERN.test(id)) {
    const suggestion = idFromName(id, 'late-repair');
    throw new UsageError(`"${id}" is not a scenario id: use lower-case letters and digits, with words joined by "-", e.g. "${suggestion}"`, false);
  }
  const template = options.from ?? 'short';
  if (!isTemplateName(template)) {
    const list = Object.entries(TEMPLATES).map(([name, what]) => `  ${name}: ${what}`).join('\n');
    throw new UsageError(`--from must name a template, not "${template}". The templates:\n${list}`, false);
  }
  const folder = options.out ?? (isFolder('scenarios') ? 'scenarios' : '.');
  const file = join(folder, `${id}.yaml`);
  if (existsSync(file)) throw new UsageError(`${file} already exists and was left as it is; choose another id, or another folder with --out DIR`, false);
  writeNewFile(file, templateText(template, id));
  out.stdout(`Created ${file} from the "${template}" template.`);
  out.stdout(`Next: edit it, then check it and play it:\n  npx tactful lint ${file}\n  npx tactful play ${file}`);
  return 0;
}

/**
 * Writes a file that must not exist yet, creating its folder. The `wx` flag
 * means a file that appeared since the caller looked is still never overwritten.
 *
 * @throws UsageError "cannot write FILE: REASON" (exit 2) when the system refuses.
 */
export function writeNewFile(file: string, text: string): void {
  const folder = dirname(file);
  if (existsSync(folder) && !isFolder(folder)) throw new UsageError(`cannot write ${file}: ${folder} is a file, not a folder`, false);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const reason = code === 'EEXIST' ? 'it already exists' : readFailure(error);
    throw new UsageError(`cannot write ${file}: ${reason}`, false);
  }
}

function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
