import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The loader: one small IIFE, no React, no dependencies. `npm run build` writes
// dist/clients/widget-loader/widget.js, which the gateway serves at /widget.js.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../../../dist/clients/widget-loader', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    lib: {
      entry: fileURLToPath(new URL('./widget-loader.ts', import.meta.url)),
      formats: ['iife'],
      name: 'CounterchatLoader',
      fileName: () => 'widget.js',
    },
  },
});
