import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/src/platform/audit/audit.ts';
import { runOnce } from '../../server/src/platform/audit/sequencer.ts';
import { Keyring } from '../../server/src/platform/crypto/keyring.ts';
import { signWithKey } from '../../server/src/platform/crypto/envelope.ts';
import { parseSigningKey } from '../../server/src/platform/crypto/signing.ts';
import { MIGRATIONS_DIR } from '../../server/src/platform/db/migrate.ts';
import { systemContext } from '../../server/src/platform/policy/actor.ts';
import { cli, prepareCliDatabase, type CliDatabase } from '../cli-test-support.ts';

// Backup, restore and the drill on the engine of the run: PGlite data directories, or databases
// on the server of DATABASE_URL. The restore target is a second, empty database of the same engine.
const serverUrl = process.env.DATABASE_URL;
const saved = {
  ZHENGSHU_DATA_KEYS: process.env.ZHENGSHU_DATA_KEYS,
  ZHENGSHU_SIGNING_KEY_FILE: process.env.ZHENGSHU_SIGNING_KEY_FILE,
};
let source: CliDatabase;
let sourceEnv: { DATABASE_URL?: string; ZHENGSHU_DATA_DIR?: string };
let targetName: string | undefined;
let file: string;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Points the commands at the restore target (a new database, or a new data directory). */
function useTarget() {
  if (serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/${targetName}`;
    process.env.DATABASE_URL = url.toString();
  } else {
    process.env.ZHENGSHU_DATA_DIR = path.join(source.dir, 'restored');
  }
}

function useSource() {
  if (sourceEnv.DATABASE_URL) process.env.DATABASE_URL = sourceEnv.DATABASE_URL;
  if (sourceEnv.ZHENGSHU_DATA_DIR) process.env.ZHENGSHU_DATA_DIR = sourceEnv.ZHENGSHU_DATA_DIR;
}

async function targetIsEmpty(): Promise<boolean> {
  if (!serverUrl) {
    const dir = path.join(source.dir, 'restored');
    return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${targetName}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    return rows[0].n === 0;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const ring = Keyring.inMemory('sm');
  const key = ring.activeKey();
  process.env.ZHENGSHU_DATA_KEYS = JSON.stringify({
    format: 'zhengshu-keyring/1',
    active: key.id,
    keys: [
      { id: key.id, algorithm: key.algorithm, key: key.material.toString('base64'), created: key.created },
    ],
  });
  source = await prepareCliDatabase('backup');
  sourceEnv = { DATABASE_URL: process.env.DATABASE_URL, ZHENGSHU_DATA_DIR: process.env.ZHENGSHU_DATA_DIR };
  if (serverUrl) {
    targetName = `zs_test_restore_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${targetName}`);
  }
  file = path.join(source.dir, 'backup.zsbak');
  // Content worth restoring: chained audit events and a department pool schema with rows.
  const database = await source.open();
  try {
    for (let i = 0; i < 5; i++)
      await recordAudit(database.db, systemContext('backup-test'), {
        action: 'test.event',
        targetId: String(i),
      });
    await runOnce(database.db);
    // The installation switched to the intl suite after these: later links are SHA-256.
    for (let i = 0; i < 3; i++)
      await recordAudit(database.db, systemContext('backup-test'), { action: 'test.event.intl' });
    await runOnce(database.db, { hashAlgorithm: 'sha256' });
    await sql`CREATE SCHEMA pool_test_dept`.execute(database.db);
    await sql`CREATE TABLE pool_test_dept.people (id int PRIMARY KEY, name text)`.execute(database.db);
    await sql`INSERT INTO pool_test_dept.people VALUES (1, '张三'), (2, '李四'), (3, '王五')`.execute(
      database.db,
    );
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await source.dispose();
  if (targetName) await admin(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
});

describe('zhengshu backup / restore', () => {
  it('writes a self-describing backup: manifest with pool schemas, chain head, key; the data sealed', async () => {
    useSource();
    const result = await cli(['backup', file]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/backup written: .*backup\.zsbak \(\d+ bytes, \d+ rows, SM3 [0-9a-f]{64}\)/);
    const bytes = fs.readFileSync(file);
    // The manifest names the schema's newest migration, whichever that is today.
    const newestMigration = fs
      .readdirSync(MIGRATIONS_DIR)
      .sort()
      .at(-1)!
      .replace(/\.sql$/, '');
    const manifest = JSON.parse(bytes.subarray(10, bytes.indexOf(0x0a, 10)).toString());
    expect(manifest).toMatchObject({
      format: 'zhengshu-backup/1',
      engine: serverUrl ? 'postgres' : 'pglite',
      migration: newestMigration,
    });
    expect(manifest.rowCounts['pool_test_dept.people']).toBe(3);
    expect(manifest.auditChainHead.seq).toBeGreaterThanOrEqual(5);
    // The dump is sealed: the names in the pool table do not appear in the file.
    expect(bytes.includes(Buffer.from('王五'))).toBe(false);
  }, 180_000);

  it('refuses an altered or cut-off file before touching the target', async () => {
    const bytes = fs.readFileSync(file);
    const altered = path.join(source.dir, 'altered.zsbak');
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(altered, flipped);
    const cut = path.join(source.dir, 'cut.zsbak');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 1000));
    useTarget();
    const a = await cli(['restore', altered]);
    expect(a.code).toBe(1);
    expect(a.err).toContain('the SM3 checksum does not match (the file was altered or damaged)');
    const c = await cli(['restore', cut]);
    expect(c.code).toBe(1);
    expect(c.err).toContain('the checksum trailer is missing (the file was cut off)');
    expect(await targetIsEmpty()).toBe(true);
  });

  it('restores into an empty database and verifies counts and the audit chain; a second restore is refused', async () => {
    useTarget();
    const result = await cli(['restore', file]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('all counts match the manifest');
    expect(result.out).toMatch(
      /audit chain: intact, \d+ event\(s\); head matches the manifest; hashes: \d+ sm3, 3 sha256/,
    );
    expect(result.out).toContain('restore verified');
    const again = await cli(['restore', file]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/is not empty/);
  }, 240_000);

  it('the drill backs up, restores into a scratch database, verifies, and is recorded', async () => {
    useSource();
    const result = await cli(['backup', 'drill']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/restore drill passed in [\d.]+ s/);
    const database = await source.open();
    try {
      const drills = await database.db
        .selectFrom('audit_events')
        .select(['outcome', 'detail'])
        .where('action', '=', 'security.backup.drill')
        .execute();
      expect(drills).toHaveLength(1);
      expect(drills[0]).toMatchObject({ outcome: 'success', detail: { chainIntact: true, mismatches: [] } });
    } finally {
      await database.close();
    }
  }, 300_000);
});

describe('zhengshu keys signing / verify', () => {
  it('generates a key, shows it, and verifies an envelope; altered data exits 1', async () => {
    useSource();
    const keyFile = path.join(source.dir, 'signing.pem');
    process.env.ZHENGSHU_SIGNING_KEY_FILE = keyFile;
    const generated = await cli(['keys', 'signing', '--generate']);
    expect(generated.code).toBe(0);
    expect(generated.out).toMatch(/new SM2-SM3 signing key sm3:[0-9a-f]{32} written to/);
    expect((await cli(['keys', 'signing', '--generate'])).code).toBe(2);
    const shown = await cli(['keys', 'signing']);
    expect(shown.out).toContain('← this key file');
    const envelope = signWithKey(parseSigningKey(fs.readFileSync(keyFile, 'utf8')), {
      document: '共享数据凭证',
      rows: 3,
    });
    const good = path.join(source.dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify(envelope));
    const valid = await cli(['verify', good]);
    expect(valid.code).toBe(0);
    expect(valid.out).toContain('signature valid: SM2-SM3');
    const bad = path.join(source.dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ ...envelope, payload: { ...envelope.payload, rows: 4 } }));
    const invalid = await cli(['verify', bad]);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('signature NOT valid (bad_signature)');
  }, 120_000);
});
