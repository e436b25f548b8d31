import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The chat app the loader puts in an iframe; served by the gateway at /widget/.
// `npm run dev:widget` serves it with hot reload and proxies the API to :4000.
// `npm run build:clients` runs `vite build` with NODE_ENV=production: vite follows NODE_ENV when it
// is set, and the server's (`development` by default) must not give React's development bundles.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/widget/',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/clients/widget', import.meta.url)),
    emptyOutDir: true,
    // Maps for our own debugging, not announced to every customer's browser (and the comment's bytes count in the budget).
    sourcemap: 'hidden',
  },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true },
      '/files': gateway,
    },
  },
});
