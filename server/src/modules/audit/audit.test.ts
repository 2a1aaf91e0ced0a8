import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createUser, createWorld, login, type TestSession } from '../../test/factories.ts';
import type { AuditEvent } from './audit.schemas.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let auditor: TestSession;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  const event = (values: Record<string, unknown>) => ({
    actor_type: 'user' as const,
    action: 'test.event',
    detail: '{}',
    ...values,
  });
  await t.database.db
    .insertInto('audit_events')
    .values([
      event({
        occurred_at: '2024-03-01T09:00:00+08:00',
        actor_id: 'u-police',
        actor_name: 'police.officer',
        department_id: world.police.id,
        region_id: world.city.id,
        action: 'catalog.resource.create',
        target_type: 'resource',
        target_id: 'r-1',
        detail: JSON.stringify({ name: '人口基础信息', formula: '=1+1' }),
      }),
      event({
        occurred_at: '2024-03-02T23:30:00+08:00',
        actor_id: 'u-market',
        actor_name: 'market.officer',
        department_id: world.market.id,
        region_id: world.city.id,
        action: 'catalog.resource.update',
        target_type: 'resource',
        target_id: 'r-2',
        outcome: 'denied',
      }),
      event({
        occurred_at: '2024-03-03T00:30:00+08:00',
        actor_id: 'u-district',
        actor_name: 'district.officer',
        department_id: world.districtDept.id,
        region_id: world.district.id,
        action: 'share.request.create',
        target_type: 'share_request',
        target_id: 's-1',
        purpose: '办理户籍业务, "urgent"',
      }),
    ])
    .execute();
  auditor = await login(t.app, 'auditor', world.users.auditor.password);
});
afterAll(() => t.close());

async function list(session: TestSession, query: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/audit-events?${query}`, headers: session.read });
}
const actions = (items: AuditEvent[]) => items.map((e) => e.action);

describe('GET /audit-events', () => {
  it('lists the trail newest first, with department names, and filters by action prefix', async () => {
    const all = await list(auditor, 'pageSize=200');
    expect(all.statusCode).toBe(200);
    const body = all.json() as { items: AuditEvent[]; total: number; page: number; pageSize: number };
    expect(body.total).toBeGreaterThanOrEqual(4);
    expect(body.items[0]!.id).toBeGreaterThan(body.items[1]!.id);
    // Sign-ins made above are on the trail too.
    expect(actions(body.items)).toContain('auth.login');

    const catalog = await list(auditor, 'action=catalog.');
    const items = catalog.json().items as AuditEvent[];
    expect(actions(items)).toEqual(['catalog.resource.update', 'catalog.resource.create']);
    expect(items[1]).toMatchObject({
      actorName: 'police.officer',
      departmentId: world.police.id,
      departmentName: '市公安局',
      targetType: 'resource',
      targetId: 'r-1',
      outcome: 'success',
      detail: { name: '人口基础信息' },
      occurredAt: '2024-03-01T01:00:00.000Z',
    });
    // `_` and `%` are literal, not wildcards.
    expect((await list(auditor, 'action=catalog_')).json().total).toBe(0);
  });

  it('filters by actor, department, target, outcome and date range (days in China time, inclusive)', async () => {
    const byActor = await list(auditor, 'actor=MARKET');
    expect(actions(byActor.json().items)).toEqual(['catalog.resource.update']);
    const byActorId = await list(auditor, 'actor=u-police');
    expect(actions(byActorId.json().items)).toEqual(['catalog.resource.create']);
    const byDepartment = await list(auditor, `departmentId=${world.districtDept.id}`);
    expect(actions(byDepartment.json().items)).toEqual(['share.request.create']);
    const byTarget = await list(auditor, 'targetType=resource&targetId=r-2');
    expect(actions(byTarget.json().items)).toEqual(['catalog.resource.update']);
    const denied = await list(auditor, 'outcome=denied&action=catalog.');
    expect(denied.json().total).toBe(1);

    const oneDay = await list(auditor, 'from=2024-03-02&to=2024-03-02');
    expect(actions(oneDay.json().items)).toEqual(['catalog.resource.update']);
    const twoDays = await list(auditor, 'from=2024-03-02&to=2024-03-03');
    expect(actions(twoDays.json().items)).toEqual(['share.request.create', 'catalog.resource.update']);
    const instant = await list(auditor, 'from=2024-03-01T00:00:00Z&to=2024-03-01T01:00:00Z');
    expect(actions(instant.json().items)).toEqual(['catalog.resource.create']);
  });

  it('pages and sorts', async () => {
    const first = await list(auditor, 'action=catalog.&pageSize=1&sort=occurredAt');
    expect(first.json()).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(actions(first.json().items)).toEqual(['catalog.resource.create']);
    const second = await list(auditor, 'action=catalog.&pageSize=1&page=2&sort=occurredAt');
    expect(actions(second.json().items)).toEqual(['catalog.resource.update']);
  });

  it('records each search on the trail, with its filters', async () => {
    await list(auditor, 'actor=nobody-at-all&outcome=failure');
    const rows = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_name', 'detail', 'target_type'])
      .where('action', '=', 'audit.read')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    expect(rows[0]).toMatchObject({
      actor_name: 'auditor',
      target_type: 'audit_events',
      detail: { filters: { actor: 'nobody-at-all', outcome: 'failure' }, total: 0 },
    });
  });

  it('refuses people without audit.read (403), and anonymous callers (401)', async () => {
    const officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
    const refused = await list(officer, '');
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/export.csv',
      headers: officer.read,
    });
    expect(csv.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/audit-events' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('limits an auditor of a district to the events of that district', async () => {
    const { password } = await createUser(t.database.db, {
      role: 'auditor',
      username: 'district.auditor',
      regionId: world.district.id,
    });
    const session = await login(t.app, 'district.auditor', password);
    const seen = await list(session, 'pageSize=200');
    expect(seen.statusCode).toBe(200);
    const items = seen.json().items as AuditEvent[];
    expect(actions(items)).toContain('share.request.create');
    expect(actions(items)).not.toContain('catalog.resource.create');
    expect(items.every((e) => e.departmentId === null || e.departmentId === world.districtDept.id)).toBe(
      true,
    );
    const outside = await list(session, `departmentId=${world.police.id}`);
    expect(outside.statusCode).toBe(403);
    const refusal = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_name', 'outcome', 'detail'])
      .where('action', '=', 'audit.read')
      .where('outcome', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({
      actor_name: 'district.auditor',
      detail: { filters: { departmentId: world.police.id } },
    });
  });

  it('rejects bad dates, an inverted range and unknown parameters with a clear 400', async () => {
    const badDay = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?from=2024-02-30',
      headers: { ...auditor.read, 'accept-language': 'en' },
    });
    expect(badDay.statusCode).toBe(400);
    expect(badDay.json()).toMatchObject({
      code: 'audit.invalid_date',
      detail: 'Not a valid date or time: 2024-02-30',
    });
    const malformed = await list(auditor, 'to=yesterday');
    expect(malformed.statusCode).toBe(400);
    const inverted = await list(auditor, 'from=2024-03-03&to=2024-03-02');
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().code).toBe('audit.invalid_range');
    const unknown = await list(auditor, 'colour=red');
    expect(unknown.statusCode).toBe(400);
  });
});

describe('GET /audit-events/export.csv', () => {
  it('streams UTF-8 CSV with a BOM and a Chinese header, escaping quotes and formulas', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/export.csv?from=2024-03-01&to=2024-03-03',
      headers: auditor.read,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="audit-events-.*\.csv"$/);
    const raw = response.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '事件编号,链序号,发生时间,主体类型,主体编号,主体名称,角色,部门编号,部门,操作,结果,对象类型,对象编号,用途,请求编号,IP 地址,详情',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('share.request.create');
    expect(lines[1]).toContain('"办理户籍业务, ""urgent"""');
    expect(lines[3]).toContain('市公安局');
    expect(lines[3]).toContain('"{""name"":""人口基础信息"",""formula"":""=1+1""}"');
  });

  it('speaks English on request and records the export on the trail', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events/export.csv?action=catalog.resource.create',
      headers: { ...auditor.read, 'accept-language': 'en' },
    });
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]!.startsWith('Event id,Chain seq,Occurred at,Actor type')).toBe(true);
    expect(lines).toHaveLength(2);
    const exported = await t.database.db
      .selectFrom('audit_events')
      .select(['detail'])
      .where('action', '=', 'audit.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(exported.detail).toMatchObject({ filters: { action: 'catalog.resource.create' }, format: 'csv' });
  });
});
