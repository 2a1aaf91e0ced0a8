import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { upload } from '../../pools/pools.fixtures.ts';
import { csvHeader, csvLines } from './serialize.ts';
import { grantToMarket } from '../sharing.fixtures.ts';
import { api, apiWorld, call, dataEvents } from './api.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof apiWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await apiWorld(t, 12);
}, 180_000); // publishing, loading and granting take a while on a loaded machine
afterAll(() => t.close());

const records = (query = '') => api(world.person.code, `/records${query}`);

describe('GET /share/resources/:code/records (filtered query)', () => {
  it('pages through the granted rows by keyset; past the end is an empty page without a cursor', async () => {
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const response = await call(t, world.key, records(`?limit=5${next ? `&after=${next}` : ''}`));
      expect(response.statusCode).toBe(200);
      const page = response.json();
      seen.push(...page.items.map((item: { csrq: string }) => item.csrq));
      next = page.next;
      pages += 1;
    } while (next);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(12);
    const last = await call(t, world.key, records('?limit=5'));
    const cursor = last.json().next as string;
    const far = Buffer.from(JSON.stringify({ r: 1_000_000 })).toString('base64url');
    const past = await call(t, world.key, records(`?after=${far}`));
    expect(past.statusCode).toBe(200);
    expect(past.json()).toEqual({ items: [], disputed: [], limit: 100, next: null });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const events = await dataEvents(t, 'share.data.query');
    expect(events.at(-2)).toMatchObject({ outcome: 'success', detail: { way: 'query', count: 5 } });
    expect((events.at(-2)!.detail as { keys: string[] }).keys).toEqual(
      world.persons.slice(0, 5).map((p) => p.sfzh),
    );
  });

  it('filters with eq/in on a masked item, ordered operators on an unmasked one', async () => {
    const [a, b] = [world.persons[1]!.sfzh, world.persons[7]!.sfzh];
    const inList = await call(t, world.key, records(`?sfzh=in.(${a},${b})&fields=sg`));
    expect(inList.statusCode).toBe(200);
    expect(inList.json().items).toEqual([{ sg: '170.50' }, { sg: '170.50' }]);
    const ranged = await call(t, world.key, records('?sg=gte.170&sg=lt.171&csrq=eq.1980-01-01&limit=3'));
    expect(ranged.json().items).toHaveLength(3);
    const none = await call(t, world.key, records('?sg=gt.171'));
    expect(none.json().items).toEqual([]);
    const notNull = await call(t, world.key, records('?xm=not_null&limit=1'));
    expect(notNull.json().items).toHaveLength(1);
  });

  it('keeps to the grant’s row conditions', async () => {
    await grantToMarket(t, world, {
      resourceId: world.person.id,
      fields: ['sfzh', 'sfhz'],
      purpose: '户主核查',
      rowFilter: [{ field: 'sfhz', op: 'eq', value: true }],
    });
    const response = await call(t, world.key, records(), '户主核查');
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toHaveLength(6);
    expect(response.json().items.every((item: { sfhz: boolean }) => item.sfhz === true)).toBe(true);
    // A key outside the grant's rows is not found.
    const outside = await call(
      t,
      world.key,
      api(world.person.code, `/records/${world.persons[1]!.sfzh}`),
      '户主核查',
    );
    expect(outside.statusCode).toBe(404);
  });

  it('refuses items outside the grant (403) and names the parameter of a bad filter (400)', async () => {
    const purpose = '户籍信息核验';
    const outside = await call(t, world.key, records('?sfhz=eq.true'), purpose);
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({ code: 'share.api.field_outside_grant' });
    const fields = await call(t, world.key, records('?fields=sfzh,sfhz'), purpose);
    expect(fields.statusCode).toBe(403);
    const masked = await call(t, world.key, records('?xm=prefix.测试'), purpose);
    expect(masked.statusCode).toBe(403);
    expect(masked.json()).toMatchObject({ code: 'share.api.filter_masked' });
    const bad = await call(t, world.key, records('?sg=gt.tall&csrq=between.1&nope=eq.1'), purpose);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'share.api.query_invalid' });
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual([
      '/query/sg',
      '/query/csrq',
      '/query/nope',
    ]);
    const limit = await call(t, world.key, records('?limit=5000'), purpose);
    expect(limit.statusCode).toBe(400);
    expect(limit.json()).toMatchObject({ code: 'share.api.limit_too_large' });
    const cursor = await call(t, world.key, records('?after=not-a-cursor'), purpose);
    expect(cursor.statusCode).toBe(400);
    expect(cursor.json().errors[0]).toMatchObject({ path: '/query/after' });
    const events = await dataEvents(t, 'share.data.query');
    expect(events.slice(-6).map((e) => [e.outcome, (e.detail as { reason: string }).reason])).toEqual([
      ['denied', 'share.api.field_outside_grant'],
      ['denied', 'share.api.field_outside_grant'],
      ['denied', 'share.api.filter_masked'],
      ['failure', 'share.api.query_invalid'],
      ['failure', 'share.api.limit_too_large'],
      ['failure', 'share.api.cursor_invalid'],
    ]);
  });
});

describe('GET /share/resources/:code/export', () => {
  it('streams CSV with a header of field names, masked, audited with the count', async () => {
    const response = await call(t, world.key, api(world.person.code, '/export?format=csv'), '户籍信息核验');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment; filename=');
    const lines = response.body.trimEnd().split('\n');
    expect(lines[0]).toBe('sfzh,xm,csrq,sg');
    expect(lines).toHaveLength(13);
    expect(response.body).not.toContain(world.persons[0]!.sfzh);
    const event = (await dataEvents(t, 'share.data.export')).at(-1)!;
    expect(event).toMatchObject({ outcome: 'success', detail: { count: 12, complete: true, format: 'csv' } });
    expect((event.detail as { keys: string[] }).keys).toHaveLength(12);
  });

  it('streams JSON lines', async () => {
    const response = await call(
      t,
      world.key,
      api(world.person.code, '/export?format=jsonl&fields=sg,csrq'),
      '户籍信息核验',
    );
    expect(response.statusCode).toBe(200);
    const rows = response.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(12);
    // The birth date is personal: the profile's default masks it to the year.
    expect(rows[0]).toEqual({ csrq: '1980', sg: '170.50' });
  });

  it('neutralises cells a spreadsheet would run as formulas, and refuses an unknown format', async () => {
    const hostile = [
      ['=HYPERLINK("http://x","点我")', '2020-02-02'],
      ['@SUM(A1)', '2020-02-03'],
      ['+1+2', '2020-02-04'],
      ['-2+3', '2020-02-05'],
    ];
    const csv = [
      '统一社会信用代码,企业名称,成立日期',
      ...hostile.map(
        ([name, date]) => `${makeCreditCode('500103')},"${name!.replaceAll('"', '""')}",${date}`,
      ),
    ].join('\r\n');
    const loaded = await upload(
      t,
      world.sessions.police,
      world.licence.id,
      `${csv}\r\n`,
      'wait=true&mode=upsert',
    );
    expect(loaded.statusCode).toBeLessThan(300);
    const response = await call(t, world.key, api(world.licence.code, '/export?fields=qymc'));
    expect(response.statusCode).toBe(200);
    const cells = response.body.trimEnd().split('\n').slice(1);
    expect(cells).toEqual(
      expect.arrayContaining([`"'=HYPERLINK(""http://x"",""点我"")"`, "'@SUM(A1)", "'+1+2", "'-2+3"]),
    );
    expect(cells.filter((cell) => /^[=+\-@]/.test(cell))).toEqual([]);
    const format = await call(t, world.key, api(world.licence.code, '/export?format=xlsx'));
    expect(format.statusCode).toBe(400);
  });

  it('writes the same CSV whichever way serves it: COPY on PostgreSQL for unmasked items, pages otherwise', async () => {
    const awkward = ['逗号,在中间', '引号"在中间', '换行\n在中间', ' 前后空格 '];
    const csv = [
      '统一社会信用代码,企业名称,成立日期',
      ...awkward.map(
        (name, i) => `${makeCreditCode('500104')},"${name.replaceAll('"', '""')}",2021-0${i + 1}-15`,
      ),
    ].join('\n');
    const loaded = await upload(
      t,
      world.sessions.police,
      world.licence.id,
      `${csv}\n`,
      'wait=true&mode=upsert',
    );
    expect(loaded.statusCode).toBeLessThan(300);
    const byCsv = await call(t, world.key, api(world.licence.code, '/export?format=csv'));
    const byLines = await call(t, world.key, api(world.licence.code, '/export?format=jsonl'));
    expect(byCsv.statusCode).toBe(200);
    const rows = byLines.body
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const columns = ['tyshxydm', 'qymc', 'clrq'].map((field) => ({ field, type: 'C' as const }));
    expect(byCsv.body).toBe(csvHeader(columns) + csvLines(columns, rows).toString('utf8'));
    expect(byCsv.body).toContain('"引号""在中间"');
    const [csvEvent, linesEvent] = (await dataEvents(t, 'share.data.export')).slice(-2);
    const way = t.database.engine === 'postgres' ? 'copy' : 'pages';
    expect(csvEvent!.detail).toMatchObject({ way, count: rows.length, complete: true });
    expect((csvEvent!.detail as { keys: string[] }).keys).toEqual(
      (linesEvent!.detail as { keys: string[] }).keys,
    );
    // Masked items are masked in Node, so that export goes in pages on both engines.
    await call(t, world.key, api(world.person.code, '/export?format=csv'), '户籍信息核验');
    expect((await dataEvents(t, 'share.data.export')).at(-1)!.detail).toMatchObject({ way: 'pages' });
  });
});
