// Test helpers of the sharing API: the sharing world with grants to the market department's
// application on the person and licence resources, its API keys, and calls of the API.
import type { TestApp } from '../../../test/test-app.ts';
import type { NewGrant } from '../grants/grants.service.ts';
import { bearer, grantToMarket, marketKey, OTHER_APP, sharingWorld } from '../sharing.fixtures.ts';

/** The sharing world, API keys of the market department's two applications, and two grants. */
export async function apiWorld(t: TestApp, rows = 12, person: Partial<NewGrant> = {}) {
  const world = await sharingWorld(t, rows);
  const key = await marketKey(t, world.sessions.market);
  const otherKey = await marketKey(t, world.sessions.market, OTHER_APP);
  const personGrant = await grantToMarket(t, world, {
    resourceId: world.person.id,
    fields: ['sfzh', 'xm', 'csrq', 'sg'],
    purpose: '户籍信息核验',
    ...person,
  });
  const licenceGrant = await grantToMarket(t, world, {
    resourceId: world.licence.id,
    fields: ['tyshxydm', 'qymc', 'clrq'],
  });
  return { ...world, key, otherKey, personGrant, licenceGrant };
}

/** The API path of a resource (its code's slash percent-encoded). */
export const api = (code: string, rest = '') => `/api/v1/share/resources/${encodeURIComponent(code)}${rest}`;

/** A GET of the sharing API with an API key (and a purpose, percent-encoded, when given). */
export function call(
  t: TestApp,
  key: string,
  url: string,
  purpose?: string,
  headers: Record<string, string> = {},
) {
  return t.app.inject({
    method: 'GET',
    url,
    headers: { ...bearer(key), ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}), ...headers },
  });
}

/** The data-call audit events, oldest first. */
export async function dataEvents(t: TestApp, action?: string) {
  let query = t.database.db
    .selectFrom('audit_events')
    .select([
      'action',
      'outcome',
      'actor_type',
      'actor_id',
      'actor_name',
      'department_id',
      'target_type',
      'target_id',
      'purpose',
      'detail',
    ])
    .where('action', 'like', 'share.data.%')
    .orderBy('id');
  if (action) query = query.where('action', '=', action);
  return query.execute();
}
