#!/usr/bin/env node
// The `tactful` command. In a checkout (src/ is here and tsx is installed)
// it runs the TypeScript sources, so `npx tactful` works right after
// `npm install` and is never stale. An installed package has no src/: it runs
// bin/dist/tactful.mjs, plain JavaScript built when the package is packed
// (`npm run build:cli`), which needs neither tsx nor esbuild's binary.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..', 'src', 'cli', 'main.ts');
const built = join(here, 'dist', 'tactful.mjs');

async function tsx() {
  try {
    return await import('tsx/esm/api');
  } catch {
    return undefined;
  }
}

const loader = existsSync(source) ? await tsx() : undefined;
if (loader) {
  loader.register();
  await import(pathToFileURL(source).href);
} else if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  process.stderr.write('tactful: this install has neither the sources nor the built command; run "npm run build:cli" in the package folder.\n');
  process.exitCode = 2;
}
