import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { copyOut } from './copy.ts';

// COPY TO STDOUT is PostgreSQL's: this runs against the server on both test passes (the server of
// DATABASE_URL, or the local one every machine of the project has).
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pool = new pg.Pool({ connectionString: url, max: 2 });
afterAll(() => pool.end());

const LONG =
  'COPY (SELECT i, repeat(md5(i::text), 4) FROM generate_series(1, 2000000) AS i) TO STDOUT (FORMAT csv)';

describe('copyOut', () => {
  it('streams the rows, counts them, and hands the connection back at the end', async () => {
    const copy = await copyOut(
      pool,
      "COPY (SELECT i, 'a,b' FROM generate_series(1, 3) AS i) TO STDOUT (FORMAT csv)",
    );
    let text = '';
    for await (const chunk of copy.stream) text += String(chunk);
    expect(text).toBe('1,"a,b"\n2,"a,b"\n3,"a,b"\n');
    expect(copy.rowCount()).toBe(3);
    await expect.poll(() => pool.idleCount).toBe(1);
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('stops the server when the reader goes away, without a broken connection left in the pool', async () => {
    const copy = await copyOut(pool, LONG);
    await new Promise((resolve) => copy.stream.once('data', resolve));
    copy.stream.destroy();
    await expect.poll(() => pool.totalCount).toBe(0);
    await expect
      .poll(async () => {
        const active = await pool.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE 'COPY (SELECT i, repeat%' AND state = 'active'",
        );
        return (active.rows[0] as { n: number }).n;
      })
      .toBe(0);
  });

  it('holds its connection while the reader lags, reading no further than the stream buffer', async () => {
    const copy = await copyOut(pool, LONG);
    copy.stream.pause();
    await new Promise((resolve) => copy.stream.once('readable', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Backpressure: what waits in Node is bounded by the stream's buffer, not the export's size.
    expect(copy.stream.readableLength).toBeLessThan(1024 * 1024);
    expect(copy.stream.readableEnded).toBe(false);
    copy.stream.destroy();
    await expect.poll(() => pool.totalCount).toBe(0);
  });

  it('fails the stream on an SQL error, and the next query still works', async () => {
    const copy = await copyOut(pool, 'COPY (SELECT 1 / 0) TO STDOUT');
    await expect(async () => {
      for await (const _ of copy.stream) void _;
    }).rejects.toThrow(/division by zero/);
    expect((await pool.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
  });
});
