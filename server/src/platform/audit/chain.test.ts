import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../policy/actor.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { recordAudit, recordAuditMany } from './audit.ts';
import { chainBody, GENESIS_HASH, hashHex, linkHash } from './chain.ts';
import { runOnce, startSequencer } from './sequencer.ts';
import { verifyChain } from './verify.ts';
import { verifyTampered as tamperAndVerify } from './chain-test-support.ts';

let database: Database;
let db: Kysely<DB>;
const ctx = systemContext('chain-test');

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

/** Tampers as a superuser would, verifies, rolls back (see chain-test-support.ts). */
const verifyTampered = (tamper: (trx: Kysely<DB>) => Promise<void>) => tamperAndVerify(db, tamper);

async function idAt(seq: number): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select('id')
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('SM3', () => {
  it('is the GB/T 32905 hash (standard test vector "abc")', () => {
    expect(hashHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });
});

describe('sequencer and verify on an intact chain', () => {
  it('verifies an empty trail', async () => {
    expect(await verifyChain(db)).toEqual({
      ok: true,
      checked: 0,
      headSeq: 0,
      unsequenced: 0,
      algorithms: {},
    });
  });

  it('chains events in id order in batches, continuing from the head', async () => {
    for (let i = 0; i < 5; i++) await recordAudit(db, ctx, { action: 'test.one', detail: { i } });
    expect((await verifyChain(db)).unsequenced).toBe(5);
    expect(await runOnce(db, { batchSize: 2 })).toBe(5);
    await recordAuditMany(
      db,
      ctx,
      Array.from({ length: 20 }, (_, i) => ({
        action: 'test.many',
        detail: { i, text: '政数 "quoted" | pipe' },
      })),
    );
    expect(await runOnce(db, { batchSize: 6 })).toBe(20);
    expect(await runOnce(db)).toBe(0);

    const rows = await db
      .selectFrom('audit_events')
      .select(['id', 'seq', 'prev_hash', 'hash', 'hash_algorithm'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: 25, hash: rows[24]!.hash });

    expect(await verifyChain(db, { batchSize: 7 })).toEqual({
      ok: true,
      checked: 25,
      headSeq: 25,
      unsequenced: 0,
      algorithms: { sm3: 25 },
    });
    // SM3 is the default: every link names it.
    expect(new Set(rows.map((r) => r.hash_algorithm))).toEqual(new Set(['sm3']));
  });

  it('hashes the exact stored time, to the microsecond, in a documented form', async () => {
    await db
      .insertInto('audit_events')
      .values({
        occurred_at: '2024-02-29T23:59:59.123456+08:00',
        actor_type: 'user',
        actor_id: 'u-1',
        actor_name: '张三',
        actor_role: '',
        target_id: 'a (b), "c" \\d',
        action: 'test.time',
        detail: JSON.stringify({ b: 2, a: '值' }),
      })
      .execute();
    await runOnce(db);
    const row = await db
      .selectFrom('audit_events')
      .select(['id', 'seq', 'prev_hash', 'hash', chainBody().as('body')])
      .where('action', '=', 'test.time')
      .executeTakeFirstOrThrow();
    const expectedBody =
      `(${row.id},1709222399123456,user,u-1,张三,"",,,test.time,success,,"a (b), ""c"" \\\\d",,,,` +
      `"{""a"": ""值"", ""b"": 2}")`;
    expect(row.body).toBe(expectedBody);
    expect(row.hash).toBe(hashHex('sm3', `${row.prev_hash}|${row.seq}|${expectedBody}`));
    expect(row.hash).toBe(linkHash(row.prev_hash!, row.seq!, expectedBody));
    expect((await verifyChain(db)).ok).toBe(true);
  });

  it('never gives two events the same place when sequencers race', async () => {
    await recordAuditMany(
      db,
      ctx,
      Array.from({ length: 50 }, (_, i) => ({ action: 'test.race', detail: { i } })),
    );
    const counts = await Promise.all([
      runOnce(db, { batchSize: 10 }),
      runOnce(db, { batchSize: 10 }),
      runOnce(db),
    ]);
    // A sequencer that finds the lock taken stops; whatever is left is picked up by the next run.
    const total = counts.reduce((a, b) => a + b, 0) + (await runOnce(db));
    expect(total).toBe(50);
    const result = await verifyChain(db);
    expect(result).toMatchObject({ ok: true, unsequenced: 0 });
    expect(result.checked).toBe(result.headSeq);
  });

  it('gives an event that takes its id early but commits late a later place', async () => {
    // What a slow transaction does, without holding one open (PGlite is a single session): the
    // late event gets its id before the early ones and lands after they have been chained.
    const reserved = await sql<{
      id: number;
    }>`SELECT nextval(pg_get_serial_sequence('audit_events', 'id')) AS id`.execute(db);
    const lateId = Number(reserved.rows[0]!.id);
    for (let i = 0; i < 5; i++) await recordAudit(db, ctx, { action: 'test.early-reserved' });
    expect(await runOnce(db, { batchSize: 2 })).toBe(5);
    await db
      .insertInto('audit_events')
      .values({ id: lateId, actor_type: 'system', action: 'test.late-reserved' })
      .execute();
    expect(await runOnce(db)).toBe(1);
    const rows = await db
      .selectFrom('audit_events')
      .select(['id', 'action'])
      .where('action', 'in', ['test.late-reserved', 'test.early-reserved'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(5).fill('test.early-reserved'),
      'test.late-reserved',
    ]);
    expect(rows[5]!.id).toBeLessThan(rows[0]!.id);
    expect((await verifyChain(db)).ok).toBe(true);
  });

  // The same with a real transaction held open: needs a server, since PGlite is one session and an
  // open transaction would block the sequencer. Defined only when the run has one.
  if (process.env.DATABASE_URL) {
    it('gives an event whose transaction commits late a later place', async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let inserted!: () => void;
      const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
      const late = db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctx, { action: 'test.late' });
        inserted();
        await held;
      });
      await insertedYet;
      for (let i = 0; i < 7; i++) await recordAudit(db, ctx, { action: 'test.early' });
      expect(await runOnce(db, { batchSize: 2 })).toBe(7);
      release();
      await late;
      expect(await runOnce(db, { batchSize: 2 })).toBe(1);
      const rows = await db
        .selectFrom('audit_events')
        .select(['id', 'seq', 'action'])
        .where('action', 'in', ['test.late', 'test.early'])
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.action)).toEqual([...Array(7).fill('test.early'), 'test.late']);
      expect(rows[7]!.id).toBeLessThan(rows[0]!.id);
      expect((await verifyChain(db)).ok).toBe(true);
    });
  }

  it('runs in the background until stopped', async () => {
    const errors: unknown[] = [];
    const stop = startSequencer(db, 20, { onError: (e) => errors.push(e) });
    await recordAudit(db, ctx, { action: 'test.background' });
    let chained = false;
    for (let i = 0; i < 100 && !chained; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const row = await db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'test.background')
        .executeTakeFirst();
      chained = row?.seq != null;
    }
    await stop();
    expect(chained).toBe(true);
    expect(errors).toEqual([]);
    await recordAudit(db, ctx, { action: 'test.after-stop' });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await verifyChain(db)).unsequenced).toBe(1);
    await runOnce(db);
  });
});

describe('verify detects tampering done directly in SQL', () => {
  it('the database refuses edits while the guard is on', async () => {
    await expect(sql`UPDATE audit_events SET action = 'x' WHERE seq = 3`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_events WHERE seq = 3`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
    // Chaining may not smuggle in a change, nor re-chain an event.
    await recordAudit(db, ctx, { action: 'test.smuggle' });
    await expect(
      sql`UPDATE audit_events SET seq = 100000, hash = 'x', action = 'other' WHERE seq IS NULL`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_events SET seq = 100000, hash = 'x', detail = '{"x": 1}' WHERE seq IS NULL`.execute(
        db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_events SET seq = 100000, hash = 'x' WHERE seq = 3`.execute(db),
    ).rejects.toThrow(/append-only/);
    await runOnce(db);
  });

  it('an edited field', async () => {
    const result = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 10`.execute(trx);
    });
    expect(result).toMatchObject({
      ok: false,
      checked: 9,
      firstBroken: { seq: 10, id: await idAt(10), reason: 'hash' },
    });
  });

  it('an edited detail or time', async () => {
    const detail = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET detail = '{"i": 99}' WHERE seq = 4`.execute(trx);
    });
    expect(detail.firstBroken).toMatchObject({ seq: 4, reason: 'hash' });
    const time = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE seq = 2`.execute(
        trx,
      );
    });
    expect(time.firstBroken).toMatchObject({ seq: 2, reason: 'hash' });
  });

  it('a deleted event', async () => {
    const result = await verifyTampered(async (trx) => {
      await sql`DELETE FROM audit_events WHERE seq = 12`.execute(trx);
    });
    expect(result).toMatchObject({
      ok: false,
      checked: 11,
      firstBroken: { seq: 13, id: await idAt(13), reason: 'seq_gap' },
    });
  });

  it('two events swapped', async () => {
    const result = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET seq = -5 WHERE seq = 5`.execute(trx);
      await sql`UPDATE audit_events SET seq = 5 WHERE seq = 6`.execute(trx);
      await sql`UPDATE audit_events SET seq = 6 WHERE seq = -5`.execute(trx);
    });
    expect(result).toMatchObject({
      ok: false,
      checked: 4,
      firstBroken: { seq: 5, id: await idAt(6), reason: 'prev_hash' },
    });
  });

  it('an event rewritten together with its own hash', async () => {
    const result = await verifyTampered(async (trx) => {
      const row = await trx
        .selectFrom('audit_events')
        .select(['seq', 'prev_hash', chainBody().as('body')])
        .where('seq', '=', 8)
        .executeTakeFirstOrThrow();
      await sql`UPDATE audit_events SET action = 'forged' WHERE seq = 8`.execute(trx);
      const forged = await trx
        .selectFrom('audit_events')
        .select(chainBody().as('body'))
        .where('seq', '=', 8)
        .executeTakeFirstOrThrow();
      expect(forged.body).not.toBe(row.body);
      await sql`UPDATE audit_events SET hash = ${linkHash(row.prev_hash!, 8, forged.body)} WHERE seq = 8`.execute(
        trx,
      );
    });
    // The next event still points at the old hash.
    expect(result.firstBroken).toMatchObject({ seq: 9, reason: 'prev_hash' });
  });

  it('a truncated tail, and a head that was edited or removed', async () => {
    const { headSeq } = await verifyChain(db);
    const tail = await verifyTampered(async (trx) => {
      await sql`DELETE FROM audit_events WHERE seq >= ${headSeq - 2}`.execute(trx);
    });
    expect(tail).toMatchObject({
      ok: false,
      checked: headSeq - 3,
      firstBroken: { seq: headSeq - 2, id: null, reason: 'head' },
    });
    const head = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_chain_head SET hash = ${GENESIS_HASH}`.execute(trx);
    });
    expect(head.firstBroken).toMatchObject({ seq: headSeq, reason: 'head' });
    const lowered = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_chain_head SET seq = seq - 1`.execute(trx);
    });
    expect(lowered.firstBroken).toMatchObject({ seq: headSeq, reason: 'head' });
    const gone = await verifyTampered(async (trx) => {
      await sql`DELETE FROM audit_chain_head`.execute(trx);
    });
    expect(gone.firstBroken).toMatchObject({ seq: 1, reason: 'head' });
  });

  it('is intact again after the rolled-back tampering', async () => {
    expect((await verifyChain(db)).ok).toBe(true);
  });
});
