// The demo deployment's catalog (what a fresh `npm start` seeds) through the public views: it must
// conform to DCAT-AP 3 and give CKAN clients content, so a newcomer's harvester works at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../seed/seed.service.ts';
import type { TestApp } from '../../test/test-app.ts';
import { parseTurtle, validateDcatAp } from './dcat-shacl.ts';
import { createTestApp } from '../../test/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoIfEmpty(t.database, { admin: 'Admin-pass-1', demo: 'Demo-pass-1' }, t.app.platform.profile);
});
afterAll(() => t.close());

describe('the demo catalog', () => {
  it('is a DCAT-AP 3 catalog that conforms to the official shapes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/catalog.ttl' });
    expect(response.statusCode).toBe(200);
    const { conforms, violations } = await validateDcatAp(parseTurtle(response.body));
    if (!conforms) console.error(`DCAT-AP violations:\n${violations.join('\n')}`);
    expect(violations).toEqual([]);
  });

  it('answers CKAN clients with its open resources only', async () => {
    const search = (
      await t.app.inject({ method: 'GET', url: '/api/3/action/package_search?rows=1000' })
    ).json();
    const open = await t.database.db
      .selectFrom('catalog_entries')
      .select('code')
      .where('open_type', 'in', ['unconditional', 'conditional'])
      .execute();
    const closed = await t.database.db
      .selectFrom('catalog_entries')
      .select('code')
      .where('open_type', '=', 'none')
      .execute();
    expect(open.length).toBeGreaterThanOrEqual(15);
    expect(closed.length).toBeGreaterThan(0);
    expect(search.result.count).toBe(open.length);
    const codes = search.result.results.map(
      (p: { extras: { key: string; value: string }[] }) =>
        p.extras.find((e) => e.key === 'resource_code')?.value,
    );
    expect(codes.sort()).toEqual(open.map((r) => r.code).sort());
  });
});
