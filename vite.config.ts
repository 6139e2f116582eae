import { defineConfig } from 'vite';

// Relative base so dist/ works from any folder (intranet, LMS package, file share).
export default defineConfig({
  base: './',
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    rollupOptions: {
      output: {
        // Phaser in its own chunk: it changes rarely and caches well.
        manualChunks: (id: string) => (id.includes('node_modules/phaser') ? 'phaser' : undefined),
      },
    },
  },
});
