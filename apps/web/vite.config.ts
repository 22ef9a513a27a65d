import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { type Connect, defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiProxy = { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } };

/**
 * Serves app.html for every /app/* page (dev and preview), the way the real server does, so that
 * deep links such as /app/admin/usuarios work without a server. Public paths fall back to
 * index.html through Vite's own SPA fallback.
 */
function backofficeFallback(): Plugin {
  const rewrite: Connect.NextHandleFunction = (req, _res, next) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if ((path === '/app' || path.startsWith('/app/')) && !path.includes('.')) req.url = '/app.html';
    next();
  };
  return {
    name: 'vigia-backoffice-fallback',
    configureServer: (server) => void server.middlewares.use(rewrite),
    configurePreviewServer: (server) => void server.middlewares.use(rewrite),
  };
}

/**
 * Two entry points, two bundles: the public portal (index.html → src/portal) and the
 * authenticated back office (app.html → src/backoffice). Only src/shared may be shared between
 * them, so the public bundle never carries back-office code.
 */
export default defineConfig({
  base: '/',
  plugins: [react(), backofficeFallback()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rollupOptions: {
      // @vigia/contracts only declares schemas and constants: an entry that does not use a module of
      // it must not carry it (the public bundle would otherwise include back-office labels).
      treeshake: { moduleSideEffects: (id) => !/[\\/]packages[\\/]contracts[\\/]/.test(id) },
      input: {
        index: resolve(root, 'index.html'),
        app: resolve(root, 'app.html'),
      },
      output: {
        // Non-entry chunks: what both bundles share (React, router, src/shared), and the citizen area.
        // The citizen area (portal/citizen, lazy) is the one other chunk: loaded on /cidadao only.
        chunkFileNames: (chunk) => (chunk.name === 'CitizenApp' ? 'assets/citizen-[hash].js' : 'assets/shared-[hash].js'),
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css')) ? 'assets/shared-[hash][extname]' : 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
