import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import {
  conditionalWorld,
  createOpenTestApp,
  inDays,
  submitApplication,
  verifiedApplicant,
} from '../applications/applications.fixtures.ts';
import { portalWorld } from '../portal/portal.fixtures.ts';

// The statistics providers and the authority see: downloads, API calls, rows and distinct users per
// day and per dataset, applications and agreements; each sees its own scope only.

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let citizens: RegisteredUser[];
let market: TestSession;
let authority: TestSession;

beforeAll(async () => {
  t = await createOpenTestApp();
  world = await portalWorld(t);
  const conditional = await conditionalWorld(t);
  citizens = [await verifiedApplicant(t), await verifiedApplicant(t)];
  for (const citizen of citizens) {
    const got = await t.app.inject({
      url: `/api/v1/open/datasets/${world.lines.id}/download?format=csv`,
      headers: citizen.session.read,
    });
    expect(got.statusCode).toBe(200);
  }
  const page = await t.app.inject({
    url: `/api/v1/open/datasets/${world.lines.id}/records?limit=5`,
    headers: citizens[0]!.session.read,
  });
  expect(page.statusCode).toBe(200);
  expect((await submitApplication(t, citizens[1]!.session, conditional.dataset.id)).status).toBe(201);
  market = await login(t.app, 'market.officer', 'Test-password-1');
  authority = await login(t.app, 'authority', 'Test-password-1');
});
afterAll(() => t.close());

const stats = (session: TestSession, query = '') =>
  t.app.inject({ url: `/api/v1/open/statistics${query}`, headers: session.read });

describe('open-data statistics', () => {
  it('the provider sees its datasets: uses, rows, distinct users and applications', async () => {
    const response = await stats(world.police);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.scope).toBe('department');
    expect(body.totals).toMatchObject({ downloads: 2, apiCalls: 1, users: 2 });
    expect(body.totals.rows).toBe(30 + 30 + 5);
    const lines = body.datasets.find((d: { id: string }) => d.id === world.lines.id);
    expect(lines).toMatchObject({ downloads: 2, apiCalls: 1, users: 2, openType: 'unconditional' });
    expect(body.datasets[0].id).toBe(world.lines.id);
    expect(body.daily).toHaveLength(1);
    expect(body.applications).toEqual({ submitted: 1 });
    expect(body.departments).toEqual([]);
  });

  it('another department sees none of it; the authority sees the region per department', async () => {
    const other = (await stats(market)).json();
    expect(other.totals).toMatchObject({ downloads: 0, apiCalls: 0, users: 0 });
    expect(other.applications).toEqual({});
    const region = (await stats(authority)).json();
    expect(region.scope).toBe('region');
    expect(region.departments.find((d: { name: string }) => d.name === '市公安局')).toMatchObject({
      downloads: 2,
      apiCalls: 1,
    });
  });

  it('a period without use is empty; a wrong or too long period is a 400; a public user gets 403', async () => {
    const before = (await stats(world.police, `?from=${inDays(-60)}&to=${inDays(-31)}`)).json();
    expect(before.totals.downloads).toBe(0);
    expect(before.daily).toEqual([]);
    expect((await stats(world.police, `?from=${inDays(1)}&to=${inDays(0)}`)).statusCode).toBe(400);
    expect((await stats(world.police, `?from=${inDays(-400)}`)).statusCode).toBe(400);
    expect((await stats(citizens[0]!.session)).statusCode).toBe(403);
  });
});
