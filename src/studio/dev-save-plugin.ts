/**
 * `npm start` only: lets the studio page save a scenario into scenarios/,
 * where the game's menu picks it up (vite.config.ts reloads the menu when a
 * scenario file changes). The static build has no server and never gets
 * this; there the studio saves to the trainer's own files.
 *
 * Guarded like any local write endpoint: a plain kebab-case `.yaml` name
 * (never a path, never the technique catalogue), only inside scenarios/,
 * never through a symbolic link, a size limit, a custom header (a page on
 * another site cannot send it without a CORS preflight the development
 * server refuses), and the Origin, when the browser sends one, must be the
 * server's own. The answer carries the CLI's lint of the saved file.
 */
import { existsSync, lstatSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildCatalogue, checkScenario, formatProblem } from '../scenario/index.ts';
import { fileNameProblem } from './files/file-name.ts';
import { DEV_SAVE_HEADER, DEV_SAVE_PATH, type DevSaveAnswer } from './files/dev-save-protocol.ts';

/** The largest scenario the studio saves (the biggest benchmark file, 20,000 nodes, is about 8 MB). */
const MAX_BYTES = 16 * 1024 * 1024;

/** The development server's save endpoint for the studio. */
export function studioDevSave(): Plugin {
  let root = process.cwd();
  return {
    name: 'tactful-studio-dev-save',
    apply: 'serve',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use(DEV_SAVE_PATH, (req, res) => {
        void handleSave(join(root, 'scenarios'), req, res);
      });
    },
  };
}

async function handleSave(folder: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const answer = (status: number, body: DevSaveAnswer): void => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'POST') return answer(405, { ok: false, message: 'only POST saves a scenario' });
  if (req.headers[DEV_SAVE_HEADER] !== 'save') return answer(403, { ok: false, message: 'a save must come from the studio page' });
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}` && origin !== `https://${req.headers.host}`) {
    return answer(403, { ok: false, message: `a save from ${origin} is refused: only the studio on this server may save` });
  }
  const query = new URL(req.url ?? '', 'http://studio.invalid').searchParams;
  const name = query.get('name') ?? '';
  const nameProblem = fileNameProblem(name);
  if (nameProblem) return answer(400, { ok: false, message: nameProblem });
  const target = resolve(folder, name);
  if (dirname(target) !== resolve(folder)) return answer(400, { ok: false, message: `"${name}" would be saved outside scenarios/` });
  const exists = existsSync(target);
  if (exists && !lstatSync(target).isFile()) return answer(409, { ok: false, message: `scenarios/${name} is not a plain file (a folder or a link); rename it first` });
  if (exists && query.get('overwrite') !== '1') return answer(409, { ok: false, exists: true, message: `scenarios/${name} already exists` });

  const body = await readBody(req).catch(() => null);
  if (body === null) return answer(400, { ok: false, message: 'the scenario did not arrive whole; save again' });
  if (body === undefined) return answer(413, { ok: false, message: `the scenario is over ${MAX_BYTES / 1024 / 1024} MB` });
  const text = body.toString('utf8');
  try {
    // Written next to the target and renamed over it, so the game never reads half a file.
    const temporary = join(folder, `.${name}.studio-save`);
    writeFileSync(temporary, text, 'utf8');
    renameSync(temporary, target);
  } catch (error) {
    return answer(500, { ok: false, message: `could not write scenarios/${name} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
  }
  const file = `scenarios/${name}`;
  const problems = checkScenario(file, text, catalogueIn(folder)).problems;
  const errors = problems.filter((p) => p.severity === 'error').length;
  answer(200, { ok: true, file, errors, warnings: problems.length - errors, problems: problems.map(formatProblem) });
}

/** The folder's technique catalogue, as the CLI reads it. */
function catalogueIn(folder: string): ReturnType<typeof buildCatalogue>['catalogue'] {
  const path = join(folder, 'techniques.yaml');
  return buildCatalogue(existsSync(path) ? readFileSync(path, 'utf8') : undefined).catalogue;
}

/** The request's body, or undefined when it is over the limit. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BYTES) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(over ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
