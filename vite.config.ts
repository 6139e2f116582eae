import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineConfig, normalizePath, type Plugin, type Rollup } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { buildCatalogue, isCatalogueFileName, isScenarioFileName, scenarioFileStem } from './src/scenario/index.ts';
import { menuEntryFor, type MenuEntry } from './src/game/content/menu-index.ts';
import { studioDevSave } from './src/studio/dev-save-plugin.ts';

const MENU_ID = 'virtual:tactful/menu';
/** The development server's event when a file in scenarios/ changes (src/game/main.ts reloads the game). */
const SCENARIOS_CHANGED = 'tactful:scenarios-changed';
const RESOLVED_MENU_ID = '\0' + MENU_ID;

/**
 * Reads every scenario file in `scenarios/` (the rule is `isScenarioFileName`;
 * techniques.yaml is the catalogue) into menu entries at build time, with
 * the same loader the engine uses. The menu imports this small JSON instead
 * of the YAML parser and the engine, which load in the background and are
 * only needed once a scenario is opened.
 *
 * A production build with any scenario error fails with the lint report
 * (trainees must never see cards full of error text); the development
 * server shows the errors on the cards instead, and updates as files change.
 */
function scenarioMenu(): Plugin {
  let root = process.cwd();
  const dir = (): string => join(root, 'scenarios');
  const entries = (): MenuEntry[] => {
    if (!existsSync(dir())) return [];
    const names = readdirSync(dir()).sort();
    const techniques = names.find((f) => isCatalogueFileName(f) && statSync(join(dir(), f)).isFile());
    const { catalogue } = buildCatalogue(techniques ? readFileSync(join(dir(), techniques), 'utf8') : undefined);
    return names.filter(isScenarioFileName).map((name) => {
      const file = `scenarios/${name}`;
      const text = readScenarioFile(join(dir(), name));
      return typeof text === 'string' ? menuEntryFor(file, text, catalogue) : unreadableEntry(file, text.problem);
    });
  };
  return {
    name: 'tactful-scenario-menu',
    configResolved(config) {
      root = config.root;
      // Checked before the bundler starts, so the trainer reads the lint report and not a bundler's stack.
      if (config.command !== 'build') return;
      const list = entries();
      const errors = list.flatMap((e) => e.errors);
      if (errors.length === 0) return;
      const count = `${errors.length} error${errors.length === 1 ? '' : 's'} in ${list.filter((e) => e.errors.length).length} scenario file(s)`;
      throw new ScenarioBuildError(`The build stopped: ${count}. Fix them (npx tactful lint scenarios) and build again:\n${errors.join('\n')}`);
    },
    resolveId(id) {
      return id === MENU_ID ? RESOLVED_MENU_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_MENU_ID) return undefined;
      if (existsSync(dir())) for (const f of readdirSync(dir())) this.addWatchFile(join(dir(), f));
      return `export default ${JSON.stringify(entries())};`;
    },
    configureServer(server) {
      // A trainer editing a scenario sees the menu card (and its errors) update.
      server.watcher.add(dir());
    },
    // A scenario file changed, was added or removed (saved from the studio, or from an editor). Vite would
    // tell every open page to reload: the studio too, losing its undo history and the "Saved" line. Only the
    // game's pages reload (src/game/main.ts listens for SCENARIOS_CHANGED), with the fresh menu and library.
    hotUpdate({ file }) {
      const name = relative(dir(), file);
      if (name.startsWith('..') || /[/\\]/.test(name) || !(isScenarioFileName(name) || isCatalogueFileName(name))) return;
      const graph = this.environment.moduleGraph;
      const menu = graph.getModuleById(RESOLVED_MENU_ID);
      if (menu) graph.invalidateModule(menu);
      // The game's library reads scenarios/ with import.meta.glob: its module must read the folder again.
      for (const changed of [normalizePath(join(root, 'src', 'game', 'content', 'library.ts')), file]) {
        for (const mod of graph.getModulesByFile(changed) ?? []) graph.invalidateModule(mod);
      }
      this.environment.hot.send({ type: 'custom', event: SCENARIOS_CHANGED });
      return [];
    },
  };
}

/** A build stopped by scenario errors: the message is the whole report, so no stack is printed. */
class ScenarioBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioBuildError';
    this.stack = message;
  }
}

/** A scenario file's text, or why it cannot be read (a folder with a YAML name, permissions). */
function readScenarioFile(path: string): string | { problem: string } {
  try {
    if (statSync(path).isDirectory()) return { problem: 'this is a folder, not a scenario file: rename it or move it out of scenarios/' };
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'EACCES' || code === 'EPERM' ? 'cannot read this file: permission denied' : `cannot read this file (${code ?? 'unknown error'})` };
  }
}

/** The card for a file that could not be read: its errors say why. */
function unreadableEntry(file: string, problem: string): MenuEntry {
  return { file, id: scenarioFileStem(file), title: file, summary: '', difficulty: 0, tags: [], minutes: null, customer: '', errors: [`${file}:1:1: error: ${problem} [unreadable-file]`] };
}

/**
 * Lists the chunks a visit needs after the menu (the engine and scenarios,
 * Phaser, the avatar generator) in `<meta name="tactful-prefetch">`: the
 * game turns them into `<link rel="prefetch">` once the player shows intent
 * (src/game/prefetch.ts), so a phone's first seconds on a slow connection go
 * to the menu alone, and opening a scenario still never waits on the network.
 */
/** Modules only an LMS launch loads (see src/report/destinations.ts): never prefetched for a web visit. */
const LMS_ONLY_MODULES = /[\\/](src[\\/]report[\\/](scorm|cmi5)|node_modules[\\/]@xapi[\\/]cmi5)[\\/]/;

/** Whether an HTML file being transformed is the game's own page (index.html), not another page of the build. */
function isGamePage(filename: string): boolean {
  return /(^|[\\/])index\.html$/.test(filename);
}

/** Every chunk an entry loads, statically or with import(): what a visit to that page can ever fetch. */
function reachableFrom(entry: Rollup.OutputChunk | undefined, bundle: Rollup.OutputBundle): Set<string> {
  const seen = new Set<string>();
  const queue = entry ? [entry.fileName] : [];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const chunk = bundle[name];
    if (chunk?.type === 'chunk') queue.push(...chunk.imports, ...chunk.dynamicImports);
  }
  return seen;
}

function prefetchLaterChunks(): Plugin {
  let base = './';
  return {
    name: 'tactful-prefetch-later-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        // Only the game's page prefetches: the other pages (GAME_PAGE_ENTRIES' siblings) load what they import.
        if (!bundle || !isGamePage(ctx.filename)) return [];
        const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
        const entry = ctx.chunk ?? chunks.find((c) => c.isEntry && c.name === 'index');
        // Chunks only another page (studio, dashboard) reaches are never part of a game visit.
        const gameChunks = reachableFrom(entry, bundle);
        const upFront = new Set([entry?.fileName, ...(entry?.imports ?? [])]);
        // Code only an LMS launch runs (the SCORM and cmi5 sessions) is left out: a web visit never needs it.
        const lmsOnly = (c: Rollup.OutputChunk): boolean => c.moduleIds.length > 0 && c.moduleIds.every((id) => LMS_ONLY_MODULES.test(id));
        const later = chunks.filter((c) => gameChunks.has(c.fileName) && !upFront.has(c.fileName) && !lmsOnly(c)).map((c) => `${base}${c.fileName}`);
        return [{ tag: 'meta', attrs: { name: 'tactful-prefetch', content: later.join(' ') }, injectTo: 'head' as const }];
      },
    },
  };
}

/**
 * Preloads Inter's Latin subset, the face every screen's text uses, on
 * every page whose stylesheets use it. The
 * font is declared `font-display: optional` (ui/styles/fonts.css: no layout
 * shift when it arrives late), and Chromium only uses an optional font on a
 * first visit if it was preloaded and is there by the first paint.
 */
function preloadTypeFace(): Plugin {
  let base = './';
  return {
    name: 'tactful-preload-type-face',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle ?? {};
        const font = Object.keys(bundle).find((name) => /inter-latin-wght-normal-[\w-]+\.woff2$/.test(name));
        if (!font) return [];
        // Every page whose styles use the face (the game; the dashboard and join pages share its stylesheets).
        const css = [...(ctx.chunk?.viteMetadata?.importedCss ?? [])].map((name) => bundle[name]);
        const usesFont = isGamePage(ctx.filename) || css.some((asset) => asset?.type === 'asset' && String(asset.source).includes(font.split('/').pop()!));
        if (!usesFont) return [];
        return [{ tag: 'link', attrs: { rel: 'preload', href: `${base}${font}`, as: 'font', type: 'font/woff2', crossorigin: '' }, injectTo: 'head' as const }];
      },
    },
  };
}

/**
 * The built game's Content-Security-Policy: scripts, styles, fonts and sounds
 * only from the game's own origin, no inline script and no eval. Images may
 * be data:/blob: URLs (the customer's generated faces). Requests (connect-src)
 * may also go to an https LRS or cmi5 endpoint. Added to production builds
 * only: the development server injects styles inline.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "font-src 'self'",
  // Phaser's loader reads the generated faces (blob: URLs) with XHR. Results go to an LRS or a cmi5 LMS on another
  // origin that is unknown at build time (set by the package's config, the launch address or the LMS): any https
  // origin, and plain http only on this machine (a local test LRS). Scripts stay 'self' only. See docs/lms.md.
  "connect-src 'self' blob: data: https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'tactful-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * Leaves out of the build's inputs any page whose HTML file the project being
 * built does not have: `tactful package` builds a staged copy holding the
 * game alone (index.html, src, assets), which must not fail for want of the
 * studio's or the dashboard's page.
 */
function onlyPagesPresent(): Plugin {
  return {
    name: 'tactful-only-pages-present',
    config(config) {
      const root = resolve(config.root ?? process.cwd());
      const input = config.build?.rollupOptions?.input;
      if (!input || typeof input !== 'object' || Array.isArray(input)) return;
      for (const [name, file] of Object.entries(input)) if (!existsSync(resolve(root, file))) delete input[name];
    },
  };
}

/** The build's pages other than the game (`<name>.html`): for trainers and for a network session, never offline. */
const OTHER_PAGES = ['studio', 'preview', 'dashboard', 'join'];

/**
 * The scripts and styles a visit to the game can load (its page's entry and
 * every chunk it imports, at once or later, with their CSS), recorded as the
 * bundle is written. The offline cache keeps only these of the build's
 * scripts and styles: the other pages' code (the studio's editor and
 * workers, the dashboard) is never downloaded into a trainee's copy, and a
 * module both the game and another page use stays in, whatever its name.
 */
const gameFiles = new Set<string>();

function recordGameFiles(): Plugin {
  return {
    name: 'tactful-record-game-files',
    apply: 'build',
    generateBundle(_options, bundle) {
      gameFiles.clear();
      const entry = Object.values(bundle).find((c): c is Rollup.OutputChunk => c.type === 'chunk' && c.isEntry && c.name === 'index');
      for (const name of reachableFrom(entry, bundle)) {
        gameFiles.add(name);
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk') continue;
        for (const css of chunk.viteMetadata?.importedCss ?? []) gameFiles.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) gameFiles.add(asset);
      }
    },
  };
}

/** Whether the offline cache keeps a file of the build: anything but another page's scripts and styles. */
function keepOffline(url: string): boolean {
  if (gameFiles.size === 0 || !/\.(js|css)$/.test(url) || !url.startsWith('assets/')) return true;
  return gameFiles.has(url);
}


// Relative base so dist/ works from any folder (intranet, LMS package, file share).
export default defineConfig({
  base: './',
  // Files copied as they are (the app icons): under assets/, like every other asset.
  publicDir: 'assets/public',
  plugins: [
    onlyPagesPresent(),
    scenarioMenu(),
    // npm start only: the studio's Save writes into scenarios/ (src/studio/dev-save-plugin.ts).
    studioDevSave(),
    prefetchLaterChunks(),
    preloadTypeFace(),
    contentSecurityPolicy(),
    recordGameFiles(),
    // Offline play: precache the whole game (every scenario is inside the library chunk) on the first visit.
    VitePWA({
      // `tactful package` builds SCORM and cmi5 packages without it (TACTFUL_SERVICE_WORKER=off): an LMS serves them
      // in a frame, where a worker would only cache the LMS's copy. The game's registerSW is then a no-op.
      disable: process.env.TACTFUL_SERVICE_WORKER === 'off',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Tactful: customer conversations practice',
        short_name: 'Tactful',
        description: 'Practise conversations with upset, mistaken or unreasonable customers.',
        theme_color: '#1d6b66',
        background_color: '#f3ece1',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      includeAssets: ['icons/*.png'],
      workbox: {
        // tactful-config.json too: a web package's LRS, so a visit with the network off still knows where results go.
        globPatterns: ['**/*.{js,css,html,ogg,woff2,png,svg,webmanifest}', 'tactful-config.json'],
        // The other pages of the build (studio, dashboard, join) and their own code are for trainers and for a
        // network session: never downloaded into a trainee's offline copy (see recordGameFiles).
        globIgnores: OTHER_PAGES.map((page) => `${page}.html`),
        manifestTransforms: [(entries) => ({ manifest: entries.filter((entry) => keepOffline(entry.url)), warnings: [] })],
        navigateFallbackDenylist: OTHER_PAGES.map((page) => new RegExp(`/${page}(\\.html)?$`)),
        // Phaser's chunk is over Workbox's 2 MiB default.
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        // Every screen is index.html with a query (?scenario=…&screen=…): serve it from the cache offline.
        navigateFallback: 'index.html',
        ignoreURLParametersMatching: [/.*/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  server: { port: 5173, strictPort: false },
  // Pre-bundle every dependency up front so a first visit never triggers a mid-session reload.
  optimizeDeps: {
    include: ['phaser', 'howler', 'idb', 'xstate', 'yaml', 'zod', 'jsep', '@dicebear/core', '@dicebear/avataaars'],
  },
  build: {
    target: 'es2022',
    // Phaser's own chunk is about 1.3 MB minified (≈ 330 KB gzipped): fetched at idle, after the menu, and cached
    // by the service worker. Every other chunk is far below this; a new dependency that grows one past it still warns.
    chunkSizeWarningLimit: 1600,
    assetsInlineLimit: 0,
    rollupOptions: {
      // One entry per page. The game is index.html; other pages (the studio, the session server's dashboard and
      // join page) are added here, and stay out of the game's prefetch list and offline cache (see VitePWA below).
      input: {
        index: 'index.html',
        studio: 'studio.html',
        // The studio's Play panel frames this page: the game's conversation scene on the trainer's text.
        preview: 'preview.html',
        dashboard: 'dashboard.html',
        join: 'join.html',
      },
      output: {
        // Phaser in its own chunk: it changes rarely and caches well.
        manualChunks: (id: string) =>
          id.includes('node_modules/phaser') ? 'phaser' : /node_modules[\\/](@codemirror|@lezer|codemirror|elkjs|crelt|style-mod|w3c-keyname)[\\/]/.test(id) ? 'studio-vendor' : undefined,
      },
    },
  },
});
