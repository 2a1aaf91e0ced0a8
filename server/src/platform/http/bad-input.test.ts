import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { createWorld, login, type TestSession } from '../../test/factories.ts';
import { testConfig } from '../../test/test-app.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import type { Database } from '../db/database.ts';
import type { AppInstance } from './types.ts';

// Every route, called by a signed-in administrator with mistakes a client can make: wrong ids,
// nonsense query parameters, bodies of the wrong shape. None may answer with a server error.
let database: Database;
let app: AppInstance;
let admin: TestSession;
const routes: { method: string; url: string }[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  // Without rate limits: a 429 would pass for a 4xx and hide what the route itself answers.
  const config = testConfig({ rateUserPerWindow: 0, rateAnonymousPerIp: 0 });
  app = await buildApp({ database, config, onRouteRegistered: (route) => routes.push(route) });
  await app.ready();
  const world = await createWorld(database.db);
  admin = await login(app, 'admin', world.users.admin.password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const BAD_QUERY =
  '?page=0&pageSize=99999&sort=;drop%20table&from=yesterday&to=2026-13-45&q=%00%27&departmentId=x&regionId=1&year=abc&start=2026-02-30&workdays=-1&disabled=perhaps';
const BAD_BODIES: unknown[] = [
  { unexpected: { deep: [1, 2, 3] } },
  [],
  'just text',
  { name: 12, code: null },
];

// The CKAN Action API speaks CKAN's protocol: errors in CKAN's envelope (not problem+json), and
// parameters it does not know are ignored, as CKAN does. It must still never answer 5xx.
const isCkan = (url: string) => url.startsWith('/api/3/');
// Checkers answer a verdict on whatever they are sent: junk is "not well formed", 200, by contract
// (agreements.test: "says nothing about agreements the package does not hold").
const JUDGES_ANY_BODY = new Set(['/api/v1/open/agreements/verify']);

const ownRoutes = () =>
  routes.filter(
    (r) =>
      r.method !== 'HEAD' &&
      !r.url.startsWith('/api/docs') &&
      !r.url.includes('logout') &&
      r.url !== '/api/v1/auth/password',
  );

describe('bad input never gives a server error', () => {
  it('wrong ids and nonsense query parameters get 4xx answers with problem+json', async () => {
    for (const route of ownRoutes()) {
      for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000', '12345']) {
        const url = route.url.replace(/:[a-zA-Z]+/g, id) + BAD_QUERY;
        const response = await app.inject({
          method: route.method as 'GET',
          url,
          headers: admin.write,
          payload: {},
        });
        expect(response.statusCode, `${route.method} ${url}: ${response.body.slice(0, 200)}`).toBeLessThan(
          500,
        );
        if (response.statusCode >= 400 && !isCkan(route.url))
          expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
  });

  it('bodies of the wrong shape get 4xx answers', async () => {
    for (const route of ownRoutes().filter((r) => ['POST', 'PATCH', 'PUT'].includes(r.method))) {
      for (const body of BAD_BODIES) {
        const response = await app.inject({
          method: route.method as 'POST',
          url: route.url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000'),
          headers: { ...admin.write, 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        const what = `${route.method} ${route.url} ${JSON.stringify(body)}: ${response.body.slice(0, 200)}`;
        if (!isCkan(route.url) && !JUDGES_ANY_BODY.has(route.url))
          expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
        expect(response.statusCode, what).toBeLessThan(500);
      }
    }
  });
});
