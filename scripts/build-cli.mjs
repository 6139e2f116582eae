#!/usr/bin/env node
// Builds the `tactful` command to plain JavaScript (bin/dist/tactful.mjs), so
// an installed CLI runs on Node alone, without tsx and esbuild's native
// binary. `npm install` runs it (the "prepare" script) and so does packing.
// Runtime dependencies (yaml, zod, xstate…) stay imports, resolved from node_modules.
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
