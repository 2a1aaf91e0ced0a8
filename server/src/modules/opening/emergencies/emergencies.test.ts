import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, type TestSession } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/test-app.ts';
import type { RegisteredUser } from '../accounts/accounts.fixtures.ts';
import {
  conditionalWorld,
  createOpenTestApp,
  inDays,
  verifiedApplicant,
} from '../applications/applications.fixtures.ts';
import { portalWorld } from '../portal/portal.fixtures.ts';

// Emergency opening (CQO §27): the authority declares an emergency, opens datasets under it (marked
// on the portal), and after its end each dataset is deleted (withdrawn, pool rows removed, audited)
// unless the government approves keeping it.

let t: TestApp;
let world: Awaited<ReturnType<typeof portalWorld>>;
let second: Awaited<ReturnType<typeof conditionalWorld>>;
let authority: TestSession;
let market: TestSession;
let citizen: RegisteredUser;
let emergencyId: string;

beforeAll(async () => {
  t = await createOpenTestApp();
  world = await portalWorld(t);
  second = await conditionalWorld(t);
  authority = await login(t.app, 'authority', 'Test-password-1');
  market = await login(t.app, 'market.officer', 'Test-password-1');
  citizen = await verifiedApplicant(t);
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const post = (url: string, headers: Headers, payload: unknown = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers, payload: payload as object });
const get = (url: string, headers: Headers = {}) => t.app.inject({ url: `/api/v1${url}`, headers });
const declaration = {
  name: '2026年12月主城区暴雨洪涝应急',
  scope: '仅开放受灾区域公交线路及临时停运信息，供救援与出行服务使用',
  basis: '市政府启动防汛Ⅱ级应急响应的通知',
  startsOn: inDays(0),
  endsOn: inDays(5),
};
const poolRows = async (resourceId: string) => {
  const table = await t.database.db
    .selectFrom('pool_tables')
    .select(['schema_name', 'table_name'])
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  const { rows } = await sql
    .raw<{ n: string }>(`SELECT count(*)::text AS n FROM "${table.schema_name}"."${table.table_name}"`)
    .execute(t.database.db);
  return Number(rows[0]!.n);
};

describe('declaring and opening under an emergency', () => {
  it('only the authority declares, with an end not before the start nor in the past', async () => {
    expect((await post('/open/emergencies', world.police.write, declaration)).statusCode).toBe(403);
    const backwards = await post('/open/emergencies', authority.write, {
      ...declaration,
      endsOn: inDays(-1),
    });
    expect(backwards.statusCode).toBe(400);
    const declared = await post('/open/emergencies', authority.write, declaration);
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ status: 'active', datasets: [], pending: 0 });
    emergencyId = declared.json().id;
  });

  it('marks datasets opened under it on the portal; a department sees only its own datasets', async () => {
    for (const resourceId of [world.lines.id, second.dataset.id]) {
      const opened = await post(`/open/emergencies/${emergencyId}/datasets`, authority.write, { resourceId });
      expect(opened.statusCode, opened.body).toBe(200);
    }
    const twice = await post(`/open/emergencies/${emergencyId}/datasets`, authority.write, {
      resourceId: world.lines.id,
    });
    expect(twice.statusCode).toBe(409);
    const page = (await get(`/open/datasets/${world.lines.id}`)).json();
    expect(page.emergency).toEqual({ name: declaration.name, endsOn: declaration.endsOn });
    const seenByMarket = (await get(`/open/emergencies/${emergencyId}`, market.read)).json();
    expect(seenByMarket.datasets).toEqual([]);
    const seenByPolice = (await get(`/open/emergencies/${emergencyId}`, world.police.read)).json();
    expect(seenByPolice.datasets).toHaveLength(2);
    expect((await get('/open/emergencies', citizen.session.read)).statusCode).toBe(403);
  });

  it('no disposal before the end', async () => {
    const early = await post(
      `/open/emergencies/${emergencyId}/datasets/${world.lines.id}/disposition`,
      authority.write,
      {
        disposition: 'delete',
      },
    );
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('open.emergency.not_ended');
  });
});

describe('after the end', () => {
  it('lists what must be deleted or approved; retaining needs the approval', async () => {
    const ended = await post(`/open/emergencies/${emergencyId}/end`, authority.write);
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ status: 'ended', pending: 2 });
    expect((await get(`/open/datasets/${world.lines.id}`)).json().emergency).toBeNull();
    const late = await post(`/open/emergencies/${emergencyId}/datasets`, authority.write, {
      resourceId: world.lines.id,
    });
    expect(late.statusCode).toBe(409);
    const noApproval = await post(
      `/open/emergencies/${emergencyId}/datasets/${second.dataset.id}/disposition`,
      authority.write,
      { disposition: 'retain' },
    );
    expect(noApproval.statusCode).toBe(400);
    const retained = await post(
      `/open/emergencies/${emergencyId}/datasets/${second.dataset.id}/disposition`,
      authority.write,
      { disposition: 'retain', approval: '渝府办函〔2026〕88号 同意保留' },
    );
    expect(retained.statusCode, retained.body).toBe(200);
    expect(retained.json().pending).toBe(1);
  });

  it('deleting withdraws the dataset and deletes its pool rows, audited with the count', async () => {
    expect(await poolRows(world.lines.id)).toBe(30);
    const deleted = await post(
      `/open/emergencies/${emergencyId}/datasets/${world.lines.id}/disposition`,
      authority.write,
      {
        disposition: 'delete',
      },
    );
    expect(deleted.statusCode, deleted.body).toBe(200);
    const row = deleted.json().datasets.find((d: { resourceId: string }) => d.resourceId === world.lines.id);
    expect(row).toMatchObject({ disposition: 'delete', deletedRows: 30 });
    expect(deleted.json().pending).toBe(0);
    expect(await poolRows(world.lines.id)).toBe(0);
    const download = await get(`/open/datasets/${world.lines.id}/download?format=csv`, citizen.session.read);
    expect(download.json().code).toBe('open.data.withdrawn');
    const again = await post(
      `/open/emergencies/${emergencyId}/datasets/${world.lines.id}/disposition`,
      authority.write,
      {
        disposition: 'retain',
        approval: 'x',
      },
    );
    expect(again.statusCode).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'open.emergency.delete')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ resourceId: world.lines.id, deletedRows: 30 });
  });
});
