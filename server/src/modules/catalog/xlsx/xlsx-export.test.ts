import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorld, login, type TestSession } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { publishResources } from '../catalog.factories.ts';
import type { Resource } from '../catalog.schemas.ts';
import { exportUrl, household, householdItems, load, save, setRow, xlsxClient } from './xlsx.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof createWorld>>;
let officer: TestSession;
let market: TestSession;
let authority: TestSession;
let citizen: TestSession;
let x: ReturnType<typeof xlsxClient>;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t.database.db);
  officer = await login(t.app, 'police.officer', world.users.policeOfficer.password);
  market = await login(t.app, 'market.officer', world.users.marketOfficer.password);
  authority = await login(t.app, 'authority', world.users.authorityOfficer.password);
  const publicUser = await createUser(t.database.db, { role: 'public_user', username: 'citizen' });
  citizen = await login(t.app, 'citizen', publicUser.password);
  x = xlsxClient(t, world.police.id, officer);
});
afterAll(() => t.close());

describe('exporting a department’s list', () => {
  it('holds the department’s resources and imports back unchanged; an edited cell changes the draft', async () => {
    await publishResources(t, [
      { name: '公交线路信息' },
      {
        name: '出租车营运信息',
        shareType: 'conditional',
        shareCondition: '交通管理',
        shareBasis: '《道路运输条例》',
      },
    ]);
    // And one never published: the export shows its draft.
    const draft = await x.upload(officer, await save(await x.filled([household], householdItems)));
    expect(draft.statusCode).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/catalog/resources?departmentId=${world.police.id}&pageSize=100`,
      headers: officer.read,
    });
    const summaries = (list.json() as { items: { id: string; code: string; name: string }[] }).items;
    const response = await x.get(officer, exportUrl(world.police.id));
    expect(response.statusCode).toBe(200);
    const workbook = await load(response.rawPayload);
    const sheet = workbook.getWorksheet('资源目录')!;
    const codes: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) codes.push(String(row.getCell(1).value));
    });
    expect(codes.sort()).toEqual(summaries.map((s) => s.code).sort());
    expect(await countAudit('catalog.export')).toBe(1);

    const read = async (id: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/catalog/resources/${id}`, headers: officer.read })
      ).json() as Resource;
    const strip = (r: Resource) => {
      const {
        id: _id,
        number: _n,
        state: _s,
        updatedAt: _u,
        updatedBy: _b,
        ...rest
      } = (r.draft ?? r.published)!;
      return rest;
    };
    const before = await Promise.all(summaries.map((s) => read(s.id)));

    const again = await x.upload(officer, response.rawPayload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ created: 0, updated: 3 });
    expect(summaries).toHaveLength(3);
    const after = await Promise.all(summaries.map((s) => read(s.id)));
    after.forEach((resource, index) => expect(strip(resource)).toEqual(strip(before[index]!)));

    const bus = codes.indexOf(summaries.find((s) => s.name === '公交线路信息')!.code);
    setRow(sheet, bus + 2, { 资源摘要: '改过的摘要' });
    const edited = await x.upload(officer, await save(workbook));
    expect(edited.statusCode).toBe(200);
    const changed = await read(summaries.find((s) => s.name === '公交线路信息')!.id);
    expect(changed.draft!.abstract).toBe('改过的摘要');
    expect(changed.published!.abstract).not.toBe('改过的摘要');
  });

  it('is open to the authority of the region, not to another department', async () => {
    expect((await x.get(authority, exportUrl(world.police.id))).statusCode).toBe(200);
    const other = await x.get(market, exportUrl(world.police.id));
    expect(other.statusCode).toBe(403);
    expect((await x.get(citizen, exportUrl(world.police.id))).statusCode).toBe(403);
  });
});

async function countAudit(action: string) {
  const rows = await t.database.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .execute();
  return rows.length;
}
