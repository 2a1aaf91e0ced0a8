import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { seedOpenCatalog } from '../../dcat/open-catalog.fixtures.ts';
import { countOpenUse, popularSince, usageOf } from './usage.repository.ts';

let t: TestApp;
let air: string;
let bus: string;

beforeAll(async () => {
  t = await createTestApp();
  ({
    ids: { air, bus },
  } = await seedOpenCatalog(t.database.db));
});
afterAll(() => t.close());

const rowsOf = (resourceId: string) =>
  Promise.all([
    t.database.db
      .selectFrom('open_usage_daily')
      .select(['day', 'downloads', 'api_calls', 'rows'])
      .where('resource_id', '=', resourceId)
      .orderBy('day')
      .execute(),
    t.database.db
      .selectFrom('open_usage_totals')
      .select(['downloads', 'api_calls', 'rows'])
      .where('resource_id', '=', resourceId)
      .executeTakeFirst(),
  ]);

describe('countOpenUse', () => {
  it('upserts the China day’s row and the running total in the caller’s transaction', async () => {
    // 23:30 UTC on 1 March is 07:30 on 2 March in China.
    const morning = new Date('2026-03-01T23:30:00Z');
    await t.database.db.transaction().execute(async (trx) => {
      await countOpenUse(trx, air, 'download', 1_000, morning);
      await countOpenUse(trx, air, 'download', 500, morning);
      await countOpenUse(trx, air, 'api', 20, morning);
    });
    await t.database.db
      .transaction()
      .execute((trx) => countOpenUse(trx, air, 'api', 0, new Date('2026-03-03T02:00:00Z')));
    const [days, total] = await rowsOf(air);
    expect(days).toEqual([
      { day: '2026-03-02', downloads: 2, api_calls: 1, rows: 1_520 },
      { day: '2026-03-03', downloads: 0, api_calls: 1, rows: 0 },
    ]);
    expect(total).toEqual({ downloads: 2, api_calls: 2, rows: 1_520 });
    const usage = await usageOf(t.database.db, air, '2026-03-03');
    expect(usage).toEqual({
      downloads: 2,
      apiCalls: 2,
      rows: 1_520,
      recent: { since: '2026-03-03', downloads: 0, apiCalls: 1 },
    });
  });

  it('counts nothing when the serving transaction rolls back', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await countOpenUse(trx, bus, 'download', 10);
        throw new Error('the download failed half way');
      }),
    ).rejects.toThrow('half way');
    expect(await rowsOf(bus)).toEqual([[], undefined]);
    expect(await usageOf(t.database.db, bus, popularSince())).toMatchObject({ downloads: 0, apiCalls: 0 });
  });

  it('refuses a row count that is not a count', async () => {
    for (const rows of [-1, 1.5, Number.NaN])
      await expect(
        t.database.db.transaction().execute((trx) => countOpenUse(trx, bus, 'api', rows)),
      ).rejects.toThrow(RangeError);
  });

  it('counts concurrent uses of one resource without losing any', async () => {
    const before = (await usageOf(t.database.db, bus, popularSince())).apiCalls;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        t.database.db.transaction().execute((trx) => countOpenUse(trx, bus, 'api', 3)),
      ),
    );
    const after = await usageOf(t.database.db, bus, popularSince());
    expect(after.apiCalls - before).toBe(8);
    expect(after.recent.apiCalls).toBe(8);
  });
});
