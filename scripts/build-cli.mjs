#!/usr/bin/env node
// Builds the `tactful` command to plain JavaScript (bin/dist/tactful.mjs), so
// an installed CLI runs on Node alone, without tsx and esbuild's native
// binary. `npm install` runs it (the "prepare" script) and so does packing.
// Runtime dependencies (yaml, zod, xstate…) stay imports, resolved from node_modules.
import { cpSync } from 'node:fs';
import { build } from 'vite';

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'bin/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rolldownOptions: { output: { format: 'es', entryFileNames: 'tactful.mjs' } },
  },
});

// `tactful new` reads its templates from beside the built command, as it reads them beside its source in a checkout.
cpSync('src/cli/templates', 'bin/dist/templates', { recursive: true, filter: (src) => !src.endsWith('.ts') });
