import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditMany } from '../../server/src/platform/audit/audit.ts';
import { systemContext } from '../../server/src/platform/policy/actor.ts';
import { cli, prepareCliDatabase, type CliDatabase } from '../cli-test-support.ts';

let target: CliDatabase;
const open = () => target.open();

beforeAll(async () => {
  target = await prepareCliDatabase('audit-cli');
  const database = await open();
  await recordAuditMany(
    database.db,
    systemContext('cli-test'),
    Array.from({ length: 30 }, (_, i) => ({ action: 'test.cli', detail: { i } })),
  );
  await database.close();
});

afterAll(() => target.dispose());

describe('zhengshu audit verify', () => {
  it('reports waiting events, sequences them on request and exits 0 on an intact chain', async () => {
    const before = await cli(['audit', 'verify']);
    expect(before.code).toBe(0);
    expect(before.out).toContain('0 event(s) checked');
    expect(before.out).toContain('30 event(s) not yet sequenced');

    const after = await cli(['audit', 'verify', '--sequence-first']);
    expect(after).toMatchObject({ code: 0, err: '' });
    expect(after.out).toContain('sequenced 30 event(s)');
    expect(after.out).toContain('audit chain intact: 30 event(s) checked');
  });

  it('chains with the hash of ZHENGSHU_CRYPTO_SUITE and names the hashes it checked, after a switch of suite', async () => {
    const saved = process.env.ZHENGSHU_CRYPTO_SUITE;
    const database = await open();
    await recordAuditMany(
      database.db,
      systemContext('cli-test'),
      Array.from({ length: 4 }, (_, i) => ({ action: 'test.cli-intl', detail: { i } })),
    );
    await database.close();
    process.env.ZHENGSHU_CRYPTO_SUITE = 'intl';
    try {
      const result = await cli(['audit', 'verify', '--sequence-first']);
      expect(result).toMatchObject({ code: 0, err: '' });
      expect(result.out).toContain('sequenced 4 event(s) with sha256');
      expect(result.out).toContain('audit chain intact: 34 event(s) checked');
      expect(result.out).toContain('(30 sm3, 4 sha256)');
    } finally {
      if (saved === undefined) delete process.env.ZHENGSHU_CRYPTO_SUITE;
      else process.env.ZHENGSHU_CRYPTO_SUITE = saved;
    }
  });

  it('exits 1 naming the first broken event after an edit made directly in SQL', async () => {
    const database = await open();
    const target = await database.db
      .selectFrom('audit_events')
      .select('id')
      .where('seq', '=', 7)
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_events DISABLE TRIGGER USER`.execute(trx);
      await sql`UPDATE audit_events SET detail = '{"i": 1000}' WHERE seq = 7`.execute(trx);
      await sql`ALTER TABLE audit_events ENABLE TRIGGER USER`.execute(trx);
    });
    await database.close();

    const result = await cli(['audit', 'verify']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`BROKEN at seq 7 (event id ${target.id}): hash`);
    expect(result.err).toContain('6 event(s) before it are intact');
  });

  it('rejects an unknown option with the usage exit code', async () => {
    const result = await cli(['audit', 'verify', '--bogus']);
    expect(result.code).toBe(2);
  });
});
