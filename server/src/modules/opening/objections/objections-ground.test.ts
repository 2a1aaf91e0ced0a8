import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { registerPublicUser, type RegisteredUser } from '../accounts/accounts.fixtures.ts';
import { portalWorld } from '../portal/portal.fixtures.ts';

// The handlers' objection list filtered by ground (个人隐私 / 商业秘密), as the console's filter asks.

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let citizen: RegisteredUser;

beforeAll(async () => {
  t = await createTestApp({ config: { registrationsPerIpHour: 1000 } });
  world = await portalWorld(t);
  citizen = await registerPublicUser(t.app);
});
afterAll(() => t.close());

const list = (query: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/open/objections?${query}`, headers: world.police.read });

describe('objections by ground', () => {
  it('lists only the objections of the ground asked for, and refuses an unknown ground', async () => {
    for (const ground of ['privacy', 'trade_secret', 'privacy'] as const) {
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/open/objections',
        headers: citizen.session.write,
        payload: {
          resourceId: world.lines.id,
          ground,
          statement: '数据集中公开了不应公开的信息，请核实处理。',
        },
      });
      expect(filed.statusCode, filed.body).toBe(201);
    }
    expect((await list('')).json().total).toBe(3);
    const privacy = (await list('ground=privacy')).json();
    expect(privacy.total).toBe(2);
    expect(privacy.items.every((item: { ground: string }) => item.ground === 'privacy')).toBe(true);
    expect((await list('ground=trade_secret&state=received')).json().total).toBe(1);
    expect((await list('ground=copyright')).statusCode).toBe(400);
  });
});
