import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { buildCatalogue } from './src/scenario/index.ts';
import { menuEntryFor, type MenuEntry } from './src/game/content/menu-index.ts';

const MENU_ID = 'virtual:tactful/menu';
const RESOLVED_MENU_ID = '\0' + MENU_ID;

/**
 * Reads every `scenarios/*.yaml` (techniques.yaml is the catalogue) into menu
 * entries at build time, with the same loader the engine uses. The menu
 * imports this small JSON instead of the YAML parser and the engine, which
 * load in the background and are only needed once a scenario is opened.
 */
function scenarioMenu(): Plugin {
  let root = process.cwd();
  const dir = (): string => join(root, 'scenarios');
  const entries = (): MenuEntry[] => {
    const files = readdirSync(dir()).filter((f) => /\.ya?ml$/.test(f)).sort();
    const techniques = files.find((f) => /^techniques\.ya?ml$/.test(f));
    const { catalogue } = buildCatalogue(techniques ? readFileSync(join(dir(), techniques), 'utf8') : undefined);
    return files
      .filter((f) => f !== techniques)
      .map((f) => menuEntryFor(`scenarios/${f}`, readFileSync(join(dir(), f), 'utf8'), catalogue));
  };
  return {
    name: 'tactful-scenario-menu',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === MENU_ID ? RESOLVED_MENU_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_MENU_ID) return undefined;
      for (const f of readdirSync(dir())) this.addWatchFile(join(dir(), f));
      return `export default ${JSON.stringify(entries())};`;
    },
    configureServer(server) {
      // A trainer editing a scenario sees the menu card (and its errors) update.
      server.watcher.add(dir());
      const refresh = (file: string): void => {
        if (!relative(dir(), file).match(/^[^/\\]+\.ya?ml$/)) return;
        const mod = server.moduleGraph.getModuleById(RESOLVED_MENU_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', refresh);
      server.watcher.on('change', refresh);
      server.watcher.on('unlink', refresh);
    },
  };
}

// Relative base so dist/ works from any folder (intranet, LMS package, file share).
export default defineConfig({
  base: './',
  plugins: [scenarioMenu()],
  server: { port: 5173, strictPort: false },
  // Pre-bundle every dependency up front so a first visit never triggers a mid-session reload.
  optimizeDeps: {
    include: ['phaser', 'howler', 'idb', 'xstate', 'yaml', 'zod', 'jsep', '@dicebear/core', '@dicebear/avataaars'],
  },
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    rollupOptions: {
      output: {
        // Phaser in its own chunk: it changes rarely and caches well.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
});
