import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { MIGRATIONS_DIR } from '../db/migrate.ts';
import type { DB } from '../db/schema.ts';
import { hashOfSuite, resolveSuite } from '../crypto/suite.ts';
import { systemContext } from '../policy/actor.ts';
import { openTestDatabase } from '../../test/test-database.ts';
import { recordAuditMany } from './audit.ts';
import { chainBody, GENESIS_HASH, hashHex, linkHash } from './chain.ts';
import { runOnce } from './sequencer.ts';
import { describeAlgorithms, verifyChain } from './verify.ts';
import { verifyTampered as tamperAndVerify } from './chain-test-support.ts';

// The chain under the `intl` suite (SHA-256) and across a switch of suite. One chain is built up
// test by test: 6 SHA-256 links (the intl installation), then 5 SM3, then 4 SHA-256 again.

let database: Database;
let db: Kysely<DB>;
const ctx = systemContext('chain-algorithms-test');

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(() => database.close());

/** Tampers as a superuser would, verifies in batches of 4, rolls back (see chain-test-support.ts). */
const verifyTampered = (tamper: (trx: Kysely<DB>) => Promise<void>) => tamperAndVerify(db, tamper, 4);

async function record(count: number, action: string) {
  await recordAuditMany(
    db,
    ctx,
    Array.from({ length: count }, (_, i) => ({ action, detail: { i, text: '政数 "x" | y' } })),
  );
}

async function links() {
  return db
    .selectFrom('audit_events')
    .select(['id', 'seq', 'prev_hash', 'hash', 'hash_algorithm', chainBody().as('body')])
    .where('seq', 'is not', null)
    .orderBy('seq')
    .execute();
}

describe('the hash of each crypto suite', () => {
  it('is SHA-256 under intl and SM3 under sm, as the suite resolves them', () => {
    expect(hashHex('sha256', 'abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashHex('sm3', 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(hashOfSuite('intl')).toBe('sha256');
    expect(hashOfSuite('sm')).toBe('sm3');
    expect(hashOfSuite('intl')).toBe(resolveSuite('intl').hash);
    expect(hashOfSuite('sm')).toBe(resolveSuite('sm').hash);
  });
});

describe('a chain written under the intl suite', () => {
  it('records sha256 on every link, hashes SHA-256(prev_hash|seq|body) and verifies', async () => {
    await record(6, 'test.intl');
    expect(await runOnce(db, { batchSize: 4, hashAlgorithm: 'sha256' })).toBe(6);
    const rows = await links();
    expect(rows).toHaveLength(6);
    let prev = GENESIS_HASH;
    for (const row of rows) {
      expect(row.hash_algorithm).toBe('sha256');
      expect(row.prev_hash).toBe(prev);
      const expected = hashHex('sha256', `${prev}|${row.seq}|${row.body}`);
      expect(row.hash).toBe(expected);
      // …which is not what SM3 gives for the same text.
      expect(row.hash).not.toBe(linkHash(prev, row.seq!, row.body, 'sm3'));
      prev = expected;
    }
    expect(await verifyChain(db, { batchSize: 4 })).toEqual({
      ok: true,
      checked: 6,
      headSeq: 6,
      unsequenced: 0,
      algorithms: { sha256: 6 },
    });
  });
});

describe('a chain across a switch of suite', () => {
  it('verifies with SM3 links after SHA-256 ones and SHA-256 after SM3, each as recorded', async () => {
    await record(5, 'test.switched-to-sm');
    expect(await runOnce(db, { hashAlgorithm: 'sm3' })).toBe(5);
    await record(4, 'test.switched-back');
    expect(await runOnce(db, { hashAlgorithm: 'sha256' })).toBe(4);

    const rows = await links();
    expect(rows.map((r) => r.hash_algorithm)).toEqual([
      ...Array(6).fill('sha256'),
      ...Array(5).fill('sm3'),
      ...Array(4).fill('sha256'),
    ]);
    // The first SM3 link follows the last SHA-256 one, hashed with SM3 in the same form.
    const switched = rows[6]!;
    expect(switched.prev_hash).toBe(rows[5]!.hash);
    expect(switched.hash).toBe(hashHex('sm3', `${rows[5]!.hash}|7|${switched.body}`));

    const result = await verifyChain(db, { batchSize: 4 });
    expect(result).toMatchObject({ ok: true, checked: 15, headSeq: 15 });
    expect(result.algorithms).toEqual({ sha256: 10, sm3: 5 });
    expect(describeAlgorithms(result.algorithms)).toBe('10 sha256, 5 sm3');
  });
});

describe('verify detects tampering with a link of either algorithm', () => {
  it('an algorithm changed from sm3 to sha256, or from sha256 to sm3', async () => {
    const toSha = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET hash_algorithm = 'sha256' WHERE seq = 8`.execute(trx);
    });
    expect(toSha).toMatchObject({ ok: false, checked: 7, firstBroken: { seq: 8, reason: 'hash' } });
    expect(toSha.firstBroken!.message).toMatch(/sha256 hash/);
    expect(toSha.algorithms).toEqual({ sha256: 6, sm3: 1 });

    const toSm = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET hash_algorithm = 'sm3' WHERE seq = 3`.execute(trx);
    });
    expect(toSm).toMatchObject({ ok: false, checked: 2, firstBroken: { seq: 3, reason: 'hash' } });
  });

  it('an algorithm removed, or one the chain does not accept', async () => {
    const removed = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET hash_algorithm = NULL WHERE seq = 12`.execute(trx);
    });
    expect(removed).toMatchObject({ ok: false, checked: 11, firstBroken: { seq: 12, reason: 'hash' } });
    expect(removed.firstBroken!.message).toMatch(/names no hash the chain accepts/);

    const unknown = await verifyTampered(async (trx) => {
      // The column's check refuses it; a superuser can drop the check first.
      await sql`ALTER TABLE audit_events DROP CONSTRAINT audit_events_hash_algorithm`.execute(trx);
      await sql`UPDATE audit_events SET hash_algorithm = 'md5' WHERE seq = 2`.execute(trx);
    });
    expect(unknown).toMatchObject({ ok: false, checked: 1, firstBroken: { seq: 2, reason: 'hash' } });
    expect(unknown.firstBroken!.message).toContain('"md5"');
  });

  it('a link relabelled and re-hashed with the other algorithm breaks at the next link', async () => {
    const result = await verifyTampered(async (trx) => {
      const row = await trx
        .selectFrom('audit_events')
        .select(['prev_hash', chainBody().as('body')])
        .where('seq', '=', 13)
        .executeTakeFirstOrThrow();
      const forged = linkHash(row.prev_hash!, 13, row.body, 'sm3');
      await sql`UPDATE audit_events SET hash_algorithm = 'sm3', hash = ${forged} WHERE seq = 13`.execute(trx);
    });
    expect(result).toMatchObject({ ok: false, checked: 13, firstBroken: { seq: 14, reason: 'prev_hash' } });
  });

  it('an edited body of a SHA-256 link, and links swapped across the switch', async () => {
    const body = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET detail = '{"i": 99}' WHERE seq = 14`.execute(trx);
    });
    expect(body).toMatchObject({ ok: false, checked: 13, firstBroken: { seq: 14, reason: 'hash' } });
    expect(body.firstBroken!.message).toMatch(/sha256 hash/);

    const swapped = await verifyTampered(async (trx) => {
      await sql`UPDATE audit_events SET seq = -6 WHERE seq = 6`.execute(trx);
      await sql`UPDATE audit_events SET seq = 6 WHERE seq = 7`.execute(trx);
      await sql`UPDATE audit_events SET seq = 7 WHERE seq = -6`.execute(trx);
    });
    expect(swapped).toMatchObject({ ok: false, checked: 5, firstBroken: { seq: 6, reason: 'prev_hash' } });
  });

  it('the database lets the sequencer set the algorithm once, with the chain position, and never later', async () => {
    await expect(
      sql`UPDATE audit_events SET hash_algorithm = 'sm3' WHERE seq = 1`.execute(db),
    ).rejects.toThrow(/append-only/);
    await record(1, 'test.waiting');
    // A chain position without its algorithm is refused, as is an algorithm without a position.
    await expect(
      sql`UPDATE audit_events SET seq = 100000, prev_hash = 'x', hash = 'x' WHERE seq IS NULL`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_events SET hash_algorithm = 'sha256' WHERE seq IS NULL`.execute(db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`UPDATE audit_events SET seq = 100000, hash = 'x', hash_algorithm = 'sha1' WHERE seq IS NULL`.execute(
        db,
      ),
    ).rejects.toThrow(/audit_events_hash_algorithm/);
    expect(await runOnce(db, { hashAlgorithm: 'sha256' })).toBe(1);
    expect(await verifyChain(db)).toMatchObject({
      ok: true,
      checked: 16,
      algorithms: { sha256: 11, sm3: 5 },
    });
  });
});

describe('migration 0033 on a trail chained before links recorded their algorithm', () => {
  it('reads every existing link as sm3, keeps its hash, and chains what was waiting with the suite', async () => {
    // A database of its own, taken back to the trail as it was before 0033: no algorithm column,
    // the guard of 0002, and SM3 links written as the sequencer wrote them then.
    const old = await openTestDatabase();
    try {
      const odb = old.db;
      await sql`ALTER TABLE audit_events DROP COLUMN hash_algorithm`.execute(odb);
      await sql.raw(fs.readFileSync(path.join(MIGRATIONS_DIR, '0002_audit_chain.sql'), 'utf8')).execute(odb);
      await recordAuditMany(
        odb,
        ctx,
        Array.from({ length: 7 }, (_, i) => ({ action: 'test.before-0033', detail: { i, text: '值 "q"' } })),
      );
      const waiting = await odb
        .selectFrom('audit_events')
        .select(['id', chainBody().as('body')])
        .orderBy('id')
        .execute();
      let prev = GENESIS_HASH;
      for (const [i, event] of waiting.entries()) {
        const hash = linkHash(prev, i + 1, event.body);
        await sql`UPDATE audit_events SET seq = ${i + 1}, prev_hash = ${prev}, hash = ${hash} WHERE id = ${event.id}`.execute(
          odb,
        );
        prev = hash;
      }
      await sql`INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 7, ${prev})`.execute(odb);
      const before = await odb.selectFrom('audit_events').select(['id', 'hash']).orderBy('id').execute();
      // One event still waiting for the sequencer when the migration runs.
      await sql`INSERT INTO audit_events (actor_type, action) VALUES ('system', 'test.waiting-at-0033')`.execute(
        odb,
      );

      await sql
        .raw(fs.readFileSync(path.join(MIGRATIONS_DIR, '0033_audit_hash_algorithm.sql'), 'utf8'))
        .execute(odb);
      const after = await odb
        .selectFrom('audit_events')
        .select(['id', 'hash', 'hash_algorithm'])
        .where('seq', 'is not', null)
        .orderBy('id')
        .execute();
      expect(after).toEqual(before.map((row) => ({ ...row, hash_algorithm: 'sm3' })));
      expect(await verifyChain(odb)).toMatchObject({
        ok: true,
        checked: 7,
        unsequenced: 1,
        algorithms: { sm3: 7 },
      });
      // The installation has switched to intl since: the waiting event gets SHA-256.
      expect(await runOnce(odb, { hashAlgorithm: 'sha256' })).toBe(1);
      expect(await verifyChain(odb)).toMatchObject({
        ok: true,
        checked: 8,
        algorithms: { sm3: 7, sha256: 1 },
      });
      const last = await odb
        .selectFrom('audit_events')
        .select('hash_algorithm')
        .where('seq', '=', 8)
        .executeTakeFirstOrThrow();
      expect(last.hash_algorithm).toBe('sha256');
    } finally {
      await old.close();
    }
  });
});
