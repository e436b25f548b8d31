import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run dev:dashboard` serves this with hot reload on :5173 and proxies the API to a
// gateway on :4000 (`npm start` in another terminal); `npm run build` writes the bundle
// the gateway serves at /dashboard/, always with NODE_ENV=production (vite follows NODE_ENV when it
// is set, and the server's must not give React's development bundles).
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/dashboard/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/clients/dashboard', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // One chunk (React, Apollo Client, graphql-ws and the app: about 150 kB gzipped), cached
    // for good by its hash; splitting it would only add requests to a page opened once a day.
    // The admins' settings area is the exception: a lazy chunk (React.lazy) most staff never load.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/graphql': {
        target: gateway,
        ws: true,
        // The gateway accepts sockets only from its own origin (ALLOWED_ORIGINS); to it, the
        // dev server's socket comes from the gateway's page.
        configure: (proxy) => proxy.on('proxyReqWs', (request) => request.setHeader('origin', new URL(gateway).origin)),
      },
      '/files': gateway,
    },
  },
});
