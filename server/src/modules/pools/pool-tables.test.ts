import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSession } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { classIdOf, resourceInput } from '../catalog/catalog.factories.ts';
import type { ResourceInput } from '../catalog/catalog.schemas.ts';
import { csvOf, people, personItems, poolSessions, publishPersonResource, upload } from './pools.fixtures.ts';

let t: TestApp;
let resourceId: string;
let police: TestSession;
let market: TestSession;
let authority: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  ({ id: resourceId } = await publishPersonResource(t));
  ({ police, market, authority } = await poolSessions(t));
});
afterAll(() => t.close());

async function send(session: TestSession, method: 'POST' | 'PUT', url: string, payload?: object) {
  const response = await t.app.inject({ method, url: `/api/v1${url}`, headers: session.write, payload });
  if (response.statusCode >= 300)
    throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Publishes a new revision of the person resource with other items, through review. */
async function publishItems(items: ResourceInput['items']) {
  const classId = await classIdOf(t.database.db, '201');
  await send(
    police,
    'PUT',
    `/catalog/resources/${resourceId}/draft`,
    resourceInput(classId, {
      name: '户籍人口基本信息',
      items,
      shareType: 'conditional',
      shareCondition: '仅限办理户籍相关业务',
      shareBasis: '《中华人民共和国户口登记条例》',
      openType: 'none',
      openMethods: [],
      openBasis: '涉及个人信息，依法不予开放',
      securityLevel: 'important',
    }),
  );
  const submission = await send(police, 'POST', '/catalog/submissions', { resourceIds: [resourceId] });
  await send(authority, 'POST', `/catalog/submissions/${submission.id}/decisions`, {
    decisions: submission.entries.map((entry: { id: string }) => ({
      entryId: entry.id,
      decision: 'approved',
    })),
  });
  await send(authority, 'POST', '/catalog/versions', {});
}

const detail = async () =>
  (await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}`, headers: police.read })).json();

describe('the catalog is the schema', () => {
  it('adds a new item as a column at once; a type change and a removal wait for an explicit, audited step', async () => {
    expect((await upload(t, police, resourceId, csvOf(people(3)))).statusCode).toBe(201);
    const changed = personItems
      .filter((item) => item.fieldName !== 'sfhz')
      .map((item) =>
        item.fieldName === 'sg' ? { ...item, dataType: 'C' as const, length: 10, scale: undefined } : item,
      );
    await publishItems([
      ...changed,
      {
        name: '联系电话',
        fieldName: 'lxdh',
        dataType: 'C' as const,
        length: 20,
        sensitivity: 'personal' as const,
      },
    ]);

    const table = await detail();
    expect(table.columns.map((c: { field: string }) => c.field)).toContain('lxdh');
    expect(table.pendingChanges).toEqual([
      { kind: 'retype', field: 'sg' },
      { kind: 'remove', field: 'sfhz' },
    ]);
    expect(table.migrationPending).toBe(true);
    const refused = await upload(t, police, resourceId, csvOf(people(1)));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('pool.migration_pending');

    const byOther = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/migrate`,
      headers: market.write,
    });
    expect(byOther.statusCode).toBe(403);
    const migrated = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/migrate`,
      headers: police.write,
    });
    expect(migrated.statusCode, migrated.body).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'pool.table.migrate')
      .execute();
    expect(audit).toHaveLength(1);

    const after = await detail();
    expect(after.pendingChanges).toEqual([]);
    const columns = Object.fromEntries(
      after.columns.map((c: { column: string; sqlType: string; retired: boolean }) => [
        c.column,
        [c.sqlType, c.retired],
      ]),
    );
    expect(columns).toMatchObject({
      sg__v1: ['numeric(5, 2)', true],
      sg: ['varchar(10)', false],
      sfhz: ['boolean', true],
    });

    // The current rows carry the cast value; the old version still reads its own values.
    const current = (
      await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows`, headers: police.read })
    ).json();
    expect(current.items[0]).toMatchObject({ sg: '170.50' });
    expect(current.items[0]).not.toHaveProperty('sfhz');
    const old = (
      await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}/rows?version=1`, headers: police.read })
    ).json();
    expect(old.items[0]).toMatchObject({ sg__v1: '170.50', sfhz: true });

    const header = ['公民身份号码', '姓名', '出生日期', '身高', '联系电话'];
    const rows = people(2, 50).map((row) => ({ ...row, sfhz: '13800138000', sg: '一米七' }));
    const loaded = await upload(t, police, resourceId, csvOf(rows, header));
    expect(loaded.statusCode, loaded.body).toBe(201);
  });

  it('has nothing to migrate afterwards', async () => {
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/migrate`,
      headers: police.write,
    });
    expect(again.statusCode).toBe(409);
  });
});
