import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web explorer: web/ is the Vite root; `npm start` builds it into dist-web/ and serves it. */
export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  base: './',
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('./dist-web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'es2022',
  },
  worker: { format: 'es' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
