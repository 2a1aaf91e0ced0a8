import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { upload } from '../../pools/pools.fixtures.ts';
import { grantToMarket } from '../sharing.fixtures.ts';
import { api, apiWorld, call, dataEvents } from './api.fixtures.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof apiWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await apiWorld(t, 8);
}, 180_000); // publishing, loading and granting take a while on a loaded machine
afterAll(() => t.close());

interface Change {
  op: 'upsert' | 'delete';
  key: { tyshxydm: string };
  record?: Record<string, string>;
}

type Company = { tyshxydm: string; qymc: string; clrq: string };
const csvOf = (rows: Company[]) =>
  ['统一社会信用代码,企业名称,成立日期', ...rows.map((c) => `${c.tyshxydm},${c.qymc},${c.clrq}`)].join(
    '\r\n',
  ) + '\r\n';

async function load(rows: Company[], mode: 'upsert' | 'replace') {
  const response = await upload(
    t,
    world.sessions.police,
    world.licence.id,
    csvOf(rows),
    `wait=true&mode=${mode}`,
  );
  expect(response.statusCode).toBeLessThan(300);
}

async function changes(since?: string, extra = '', purpose?: string) {
  const query = [since ? `since=${since}` : '', extra].filter(Boolean).join('&');
  const response = await call(
    t,
    world.key,
    api(world.licence.code, `/changes${query ? `?${query}` : ''}`),
    purpose,
  );
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { changes: Change[]; version: number; more: boolean; next: string };
}

/** Every change up to the current version, page by page. */
async function drain(since: string | undefined, extra = '', purpose?: string) {
  const all: Change[] = [];
  let cursor = since;
  let pages = 0;
  for (;;) {
    const page = await changes(cursor, extra, purpose);
    all.push(...page.changes);
    cursor = page.next;
    pages += 1;
    if (!page.more) return { all, next: cursor, pages, version: page.version };
  }
}

describe('GET /share/resources/:code/changes', () => {
  it('syncs from the start, then gives upserts and deletes between versions', async () => {
    const first = await drain(undefined, 'limit=3');
    expect(first.pages).toBe(3);
    expect(first.all.map((c) => c.op)).toEqual(Array(8).fill('upsert'));
    expect(first.all.map((c) => c.key.tyshxydm).sort()).toEqual(
      world.companies.map((c) => c.tyshxydm).sort(),
    );
    expect(first.all[0]!.record).toEqual(expect.objectContaining({ qymc: expect.any(String) }));
    // Nothing new: an empty page that keeps the version.
    const idle = await changes(first.next);
    expect(idle).toMatchObject({ changes: [], more: false, version: first.version });

    const renamed = { ...world.companies[0]!, qymc: '重庆更名企业有限公司' };
    const added = { tyshxydm: makeCreditCode('500103'), qymc: '重庆新设企业有限公司', clrq: '2024-05-06' };
    await load([renamed, added], 'upsert');
    const upserts = await drain(first.next);
    expect(upserts.version).toBeGreaterThan(first.version);
    expect(upserts.all.map((c) => [c.op, c.key.tyshxydm, c.record?.qymc])).toEqual([
      ['upsert', renamed.tyshxydm, renamed.qymc],
      ['upsert', added.tyshxydm, added.qymc],
    ]);

    // A replacing load without company 1: it is deleted; every other row is new in that version.
    const kept = [renamed, added, ...world.companies.slice(2)];
    await load(kept, 'replace');
    const replaced = await drain(upserts.next);
    expect(replaced.all.filter((c) => c.op === 'delete')).toEqual([
      { op: 'delete', key: { tyshxydm: world.companies[1]!.tyshxydm } },
    ]);
    expect(replaced.all.filter((c) => c.op === 'upsert')).toHaveLength(kept.length);
    const event = (await dataEvents(t, 'share.data.changes')).at(-1)!;
    expect(event).toMatchObject({
      outcome: 'success',
      detail: { way: 'changes', version: replaced.version },
    });
  });

  it('gives a delete when a row leaves the grant’s rows', async () => {
    await grantToMarket(t, world, {
      resourceId: world.licence.id,
      fields: ['tyshxydm', 'clrq'],
      purpose: '新设企业抽查',
      rowFilter: [{ field: 'clrq', op: 'gte', value: '2024-01-01' }],
    });
    const purpose = '新设企业抽查';
    const start = await drain(undefined, '', purpose);
    const inside = start.all.map((c) => c.key.tyshxydm);
    expect(inside).toHaveLength(1);
    await load([{ tyshxydm: inside[0]!, qymc: '重庆新设企业有限公司', clrq: '2019-01-01' }], 'upsert');
    const after = await drain(start.next, '', purpose);
    expect(after.all).toEqual([{ op: 'delete', key: { tyshxydm: inside[0] } }]);
  });

  it('refuses a cursor it did not make, or one of another grant', async () => {
    const bad = await call(t, world.key, api(world.licence.code, '/changes?since=xyz'), '企业登记核验');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'share.api.cursor_invalid' });
    const other = await changes(undefined, '', '新设企业抽查');
    const mixed = await call(
      t,
      world.key,
      api(world.licence.code, `/changes?since=${other.next}`),
      '企业登记核验',
    );
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toMatchObject({ code: 'share.api.cursor_other_grant' });
  });
});
