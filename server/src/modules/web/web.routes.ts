import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';

/** Where `vite build` writes the web UI. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/**
 * The page a non-API, non-file GET gets: the public open-data portal for the home page and /open/…,
 * the console (index.html) for everything else (/console, /login…).
 */
export function pageFor(wanted: string): 'portal.html' | 'index.html' {
  return wanted === '' || wanted === 'open' || wanted.startsWith('open/') ? 'portal.html' : 'index.html';
}

/**
 * Serves the built single-page apps (the console and the portal): hashed assets under /assets/ with
 * long caching, and an HTML page for every other GET that is not an API call, so client-side routes
 * survive a reload.
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
  // Not the pages themselves, nor Vite's build manifest (.vite/).
  const rootFiles = new Set(
    fs.readdirSync(WEB_DIST).filter((name) => !name.endsWith('.html') && !name.startsWith('.')),
  );

  app.get(
    '/*',
    { config: { permission: 'public', rateLimit: false }, schema: { hide: true } },
    async (request, reply) => {
      const wanted = (request.params as { '*': string })['*'];
      if (wanted.startsWith('api/') || wanted === 'api') {
        throw new AppError(404, 'request.not_found', { method: request.method, url: request.url });
      }
      if (rootFiles.has(wanted)) return reply.sendFile(wanted, WEB_DIST);
      return reply.header('cache-control', 'no-cache').sendFile(pageFor(wanted), WEB_DIST);
    },
  );
}
