import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Database } from '../db/database.ts';
import type { AppInstance } from '../http/types.ts';
import { createUser, login, type TestSession } from '../../test/factories.ts';
import { testConfig } from '../../test/test-app.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { PERMISSIONS, roleHas, type Permission } from './permissions.ts';

// Routes anyone may call without signing in. Adding one here is a deliberate, reviewed act.
const PUBLIC_ROUTES = [
  'GET /health',
  'GET /ready',
  'GET /api/openapi.json',
  'POST /api/v1/auth/login',
  'GET /api/v1/calendar/due',
  'GET /api/v1/calendar/days',
  'GET /api/v1/calendar/years',
  'GET /api/v1/profile',
  'GET /api/v1/catalog/vocabulary',
  'GET /api/v1/open-catalog/datasets',
  // The open-data portal's public pages (modules/opening/portal).
  'GET /api/v1/open/home',
  'GET /api/v1/open/datasets/:id',
  'GET /api/v1/open/datasets/:id/chart',
  // Registration on the open-data portal (rate limited per IP; see docs/opening-accounts.md).
  'POST /api/v1/open/accounts',
  // The platform's public signing keys and signature check (anyone holding a signed document).
  'GET /api/v1/security/signing-keys',
  'POST /api/v1/security/signatures/verify',
  // The check of a signed data usage agreement (anyone holding one; answers about that package only).
  'POST /api/v1/open/agreements/verify',
  // Organisations' datasets approved by the authority (CQO §31): the list and one page.
  'GET /api/v1/open/contributions',
  'GET /api/v1/open/contributions/:id',
  // Public participation: a dataset's ratings and visible comments, the approved showcase.
  'GET /api/v1/open/datasets/:id/feedback',
  'GET /api/v1/open/showcase',
  // The read-only CKAN Action API and the DCAT-AP export of the open catalog.
  ...[
    'package_list',
    'package_search',
    'package_show',
    'resource_show',
    'organization_list',
    'organization_show',
    'group_list',
    'tag_list',
    'datastore_search',
    'help_show',
    ':action',
  ].flatMap((action) => [`GET /api/3/action/${action}`, `POST /api/3/action/${action}`]),
  'GET /catalog.ttl',
  'GET /catalog.jsonld',
  'GET /catalog/datasets/:file',
];
// Routes any signed-in person may call, whatever their role.
const ANY_SIGNED_IN = ['authenticated', 'self.manage'];

let database: Database;
let app: AppInstance;
const routes: { method: string; url: string; permission: string }[] = [];
let publicUser: TestSession;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, config: testConfig(), onRouteRegistered: (route) => routes.push(route) });
  await app.ready();
  const { password } = await createUser(database.db, { role: 'public_user', username: 'citizen' });
  publicUser = await login(app, 'citizen', password);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const ownRoutes = () => routes.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/api/docs'));
const withIds = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

describe('deny by default', () => {
  it('every route declares a known permission', () => {
    expect(ownRoutes().length).toBeGreaterThan(20);
    for (const route of routes)
      expect(PERMISSIONS, `${route.method} ${route.url}`).toContain(route.permission);
  });

  it('only the listed routes are public', () => {
    const publicRoutes = ownRoutes()
      .filter((r) => r.permission === 'public')
      .map((r) => `${r.method} ${r.url}`);
    expect(publicRoutes.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('every other route answers 401 problem+json to an anonymous caller', async () => {
    for (const route of ownRoutes().filter((r) => r.permission !== 'public')) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: withIds(route.url),
        payload: {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('routes that need a role answer 403 to a public user', async () => {
    // Public users hold a few permissions of their own (suggesting data to open, CQO §14).
    for (const route of ownRoutes().filter(
      (r) =>
        r.permission !== 'public' &&
        !ANY_SIGNED_IN.includes(r.permission) &&
        !roleHas('public_user', r.permission as Permission),
    )) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: withIds(route.url),
        headers: publicUser.write,
        payload: {},
      });
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
    }
  });

  it('refuses to register a route without a permission', async () => {
    const another = await buildApp({ database, config: testConfig() });
    expect(() => another.get('/api/v1/sneaky', async () => 'data')).toThrow(/declares no known permission/);
    await another.close();
  });
});
