#!/usr/bin/env node
// Runs the TypeScript CLI straight from source through tsx, so `npx tactful`
// works right after `npm install` with no build step to remember.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
