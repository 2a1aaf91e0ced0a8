import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = path.dirname(fileURLToPath(import.meta.url));
// Where `npm run dev` finds the API; scripts/dev.ts starts it on this port.
const apiTarget = process.env.ZHENGSHU_API_URL ?? 'http://127.0.0.1:8080';

// The console SPA. The built files go to web/dist, which the server serves (/assets/* hashed files,
// index.html for every other non-API GET).
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // The entry holds React, antd's core and the shell (~300 kB gzipped with React); each page and the
    // antd components only it uses load when first opened (React.lazy in App.tsx).
    chunkSizeWarningLimit: 800,
    rollupOptions: {
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
