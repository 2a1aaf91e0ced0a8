import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
// Where `npm run dev` finds the API; scripts/dev.ts starts it on this port.
const apiTarget = process.env.ZHENGSHU_API_URL ?? 'http://127.0.0.1:8080';

/** The pages of the public portal (portal.html); every other page is the console's (index.html). */
const PORTAL_PATH = /^\/(open(\/|$|\?)|$|\?)/;

// In `npm run dev`, the portal's addresses get portal.html, as web.routes.ts does in production.
const portalInDev: Plugin = {
  name: 'zhengshu-portal-dev',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      if (request.method === 'GET' && request.url && PORTAL_PATH.test(request.url))
        request.url = '/portal.html';
      next();
    });
  },
};

// Two single-page apps: the console (index.html) and the public open-data portal (portal.html, which
// imports nothing of the console's shell or antd, to stay within its JS budget). The built files go
// to web/dist, which the server serves (/assets/* hashed files, an HTML page for every other GET).
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), portalInDev],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // .vite/manifest.json: which files each page loads, for the portal's size check (scripts/portal-size.ts).
    manifest: true,
    // The entry holds React, antd's core and the shell (~300 kB gzipped with React); each page and the
    // antd components only it uses load when first opened (React.lazy in App.tsx).
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: { index: path.join(webRoot, 'index.html'), portal: path.join(webRoot, 'portal.html') },
      output: {
        manualChunks(id) {
          // React changes less often than the app: its own long-cached file.
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: {
    port: Number(process.env.ZHENGSHU_WEB_PORT ?? 5173),
    strictPort: false,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/health': { target: apiTarget },
      '/ready': { target: apiTarget },
    },
  },
});
