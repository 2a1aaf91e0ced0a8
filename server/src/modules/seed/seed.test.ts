import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidCitizenId } from '../../platform/identifiers/citizen-id.ts';
import { isValidCreditCode } from '../../platform/identifiers/credit-code.ts';
import { readVersionRows } from '../pools/batches.repository.ts';
import { findPoolTable, listPoolTables } from '../pools/pool-tables.repository.ts';
import { demoPerson } from './demo-pool-values.ts';
import { login } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { seedDemoSharing } from './demo-sharing.ts';
import { seedDemoIfEmpty } from './seed.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo seed', () => {
  it('seeds Chongqing, its authority, departments with valid credit codes and a user of every role', async () => {
    const credentials = await seedDemoIfEmpty(
      t.database,
      { admin: 'Admin-pass-2026' },
      t.app.platform.profile,
    );
    expect(credentials?.admin.password).toBe('Admin-pass-2026');
    expect(credentials?.demoPassword).toMatch(/.{16}/);
    const db = t.database.db;
    const regions = await db.selectFrom('regions').select(['name', 'level']).execute();
    expect(regions.map((r) => r.name)).toEqual(
      expect.arrayContaining(['重庆市', '渝中区', '江北区', '渝北区']),
    );
    const departments = await db.selectFrom('departments').select(['name', 'credit_code', 'kind']).execute();
    expect(departments.length).toBeGreaterThanOrEqual(10);
    expect(departments.every((d) => isValidCreditCode(d.credit_code))).toBe(true);
    expect(departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(['重庆市公安局', '重庆市市场监督管理局']),
    );
    const roles = new Set((await db.selectFrom('users').select('role').execute()).map((u) => u.role));
    for (const role of [
      'platform_admin',
      'authority_officer',
      'department_officer',
      'department_head',
      'auditor',
      'expert',
    ]) {
      expect(roles).toContain(role);
    }
    await login(t.app, 'admin', 'Admin-pass-2026');
    await login(t.app, 'police.head', credentials!.demoPassword);
    const audit = await db
      .selectFrom('audit_events')
      .select(['action', 'actor_type'])
      .where('action', '=', 'system.seed_demo')
      .execute();
    expect(audit).toEqual([{ action: 'system.seed_demo', actor_type: 'system' }]);
  });

  it('publishes a living catalog: every classification, share and open type, many open datasets', async () => {
    const db = t.database.db;
    const entries = await db
      .selectFrom('catalog_entries')
      .select(['class_kind', 'share_type', 'open_type', 'department_id', 'version_number'])
      .execute();
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(entries.map((e) => e.class_kind))).toEqual(new Set(['base', 'theme', 'department']));
    expect(new Set(entries.map((e) => e.share_type))).toEqual(
      new Set(['unconditional', 'conditional', 'none']),
    );
    expect(new Set(entries.map((e) => e.open_type))).toEqual(
      new Set(['unconditional', 'conditional', 'none']),
    );
    expect(entries.filter((e) => e.open_type === 'unconditional').length).toBeGreaterThanOrEqual(15);
    expect(new Set(entries.map((e) => e.version_number))).toEqual(new Set([1]));
    const version = await db.selectFrom('catalog_versions').selectAll().executeTakeFirstOrThrow();
    expect(version).toMatchObject({ number: 1, added: entries.length });
    // Published through the same rules as every draft: base resources are unconditionally shared.
    expect(
      entries.filter((e) => e.class_kind === 'base').every((e) => e.share_type === 'unconditional'),
    ).toBe(true);
  });

  it('fills demo pools through the loader, with valid ID numbers and credit codes only', async () => {
    const db = t.database.db;
    const filled = (await listPoolTables(db, {})).filter((table) => Number(table.row_count) > 0);
    expect(filled.length).toBeGreaterThanOrEqual(10);
    expect(filled.map((table) => table.name)).toEqual(
      expect.arrayContaining(['人口基本信息', '企业登记注册信息', '空气质量监测数据', '公交线路信息']),
    );
    let checked = 0;
    for (const listed of filled) {
      const table = (await findPoolTable(db, listed.resource_id))!;
      expect(table.current_version).toBe(1);
      const { rows, total } = await readVersionRows(db, table, null, { limit: 5_000, offset: 0 });
      expect(total).toBe(Number(listed.row_count));
      for (const column of table.columns.filter((c) => c.check)) {
        const valid = column.check === 'citizen_id' ? isValidCitizenId : isValidCreditCode;
        for (const row of rows) {
          const value = row[column.column];
          if (value === null) continue;
          expect(valid(String(value)), `${listed.name}.${column.field} ${String(value)}`).toBe(true);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(5_000);
    // Deterministic: the first person is the same on every seed.
    const people = filled.find((table) => table.name === '人口基本信息')!;
    const first = await readVersionRows(db, (await findPoolTable(db, people.resource_id))!, null, {
      limit: 1,
      offset: 0,
    });
    expect(first.rows[0]).toMatchObject({ gmsfhm: demoPerson(0).id, xm: demoPerson(0).name });
    const batches = await db.selectFrom('pool_batches').select(['state', 'actor_type']).execute();
    expect(batches).toHaveLength(filled.length);
    expect(batches.every((b) => b.state === 'loaded' && b.actor_type === 'system')).toBe(true);
  });

  it('files the demo share requests and dispute through the real flow, once', async () => {
    const db = t.database.db;
    const requests = await db
      .selectFrom('share_requests')
      .innerJoin('catalog_entries', 'catalog_entries.resource_id', 'share_requests.resource_id')
      .select([
        'catalog_entries.name',
        'share_requests.state',
        'share_requests.kind',
        'share_requests.decision_reason',
      ])
      .orderBy('catalog_entries.name')
      .execute();
    expect(requests).toEqual([
      { name: '人口基本信息', state: 'granted', kind: 'unconditional', decision_reason: null },
      {
        name: '户籍迁移信息',
        state: 'refused',
        kind: 'conditional',
        decision_reason: expect.stringContaining('人口基本信息'),
      },
      { name: '机动车登记信息', state: 'submitted', kind: 'conditional', decision_reason: null },
    ]);
    const disputes = await db.selectFrom('share_disputes').select('state').execute();
    expect(disputes).toEqual([{ state: 'open' }]);
    expect((await db.selectFrom('share_grants').select('id').execute()).length).toBe(1);
    // The seed's acts are marked as such in the audit trail.
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('request_id', '=', 'seed:demo-sharing')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'share.request.create',
        'share.grant.create',
        'share.request.decide',
        'share.dispute.raise',
      ]),
    );
    expect(await seedDemoSharing(t.database, t.app.platform.profile)).toBe(0);
  });

  it('leaves a database with data alone', async () => {
    expect(await seedDemoIfEmpty(t.database, {}, t.app.platform.profile)).toBeNull();
    const admins = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .execute();
    expect(admins).toHaveLength(1);
  });
});
