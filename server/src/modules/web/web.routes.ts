import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';

/** Where `vite build` writes the web UI. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/**
 * Serves the built single-page app: hashed assets under /assets/ with long caching, and
 * index.html for every other GET that is not an API call, so client-side routes survive a reload.
 */
export async function webRoutes(app: AppInstance) {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`web UI not built (${index} missing); run npm run build:web`);
    return;
  }
  await app.register(fastifyStatic, {
    root: path.join(WEB_DIST, 'assets'),
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
  });
  const rootFiles = new Set(fs.readdirSync(WEB_DIST).filter((name) => name !== 'index.html'));

  app.get(
    '/*',
    { config: { permission: 'public', rateLimit: false }, schema: { hide: true } },
    async (request, reply) => {
      const wanted = (request.params as { '*': string })['*'];
      if (wanted.startsWith('api/') || wanted === 'api') {
        throw new AppError(404, 'request.not_found', { method: request.method, url: request.url });
      }
      if (rootFiles.has(wanted)) return reply.sendFile(wanted, WEB_DIST);
      return reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST);
    },
  );
}
