import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Keyring } from '../../../platform/crypto/keyring.ts';
import { createUser, login, makeCitizenId, type TestSession } from '../../../test/factories.ts';
import { buildApp } from '../../../app.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.ts';
import { personItems, poolSessions, publishPersonResource, upload } from '../../pools/pools.fixtures.ts';
import { rotationStep } from './encryption.service.ts';

// The person resource with a phone number (personal) and an address (sensitive) beside the name.
const items = [
  ...personItems,
  {
    name: '联系电话',
    fieldName: 'lxdh',
    dataType: 'C' as const,
    length: 20,
    sensitivity: 'personal' as const,
  },
  { name: '住址', fieldName: 'zz', dataType: 'C' as const, length: 100, sensitivity: 'sensitive' as const },
];
const header = '公民身份号码,姓名,出生日期,身高,是否户主,联系电话,住址';
const person = (i: number) =>
  `${makeCitizenId(`1980010${(i % 9) + 1}`)},测试人员${i},1980-01-01,170.50,是,1380000${String(i).padStart(4, '0')},重庆市渝中区解放碑${i}号`;
const csv = (from: number, count: number) =>
  [header, ...Array.from({ length: count }, (_, i) => person(from + i))].join('\r\n') + '\r\n';

const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-enc-test-'));
let t: TestApp;
let keyring: Keyring;
let resourceId: string;
let police: TestSession;
let market: TestSession;
let security: TestSession;
let admin: TestSession;
let table: string;

let policeRegion: string;

beforeAll(async () => {
  keyring = Keyring.fromFile(path.join(keyDir, 'keys.json'), 'sm', { createIfMissing: true });
  t = await createTestApp({ keyring });
  ({ id: resourceId } = await publishPersonResource(t, items));
  ({ police, market } = await poolSessions(t));
  const department = await t.database.db
    .selectFrom('users')
    .select(['department_id', 'region_id'])
    .where('username', '=', 'police.officer')
    .executeTakeFirstOrThrow();
  policeRegion = department.region_id!;
  await createUser(t.database.db, {
    role: 'security_officer',
    username: 'police.secrecy',
    departmentId: department.department_id,
    regionId: department.region_id,
  });
  [security, admin] = await Promise.all([
    login(t.app, 'police.secrecy', 'Test-password-1'),
    login(t.app, 'admin', 'Test-password-1'),
  ]);
  const detail = await t.app.inject({ url: `/api/v1/pools/tables/${resourceId}`, headers: police.read });
  table = detail.json().table;
  expect((await upload(t, police, resourceId, csv(0, 30))).json().state).toBe('loaded');
});
afterAll(async () => {
  await t.close();
  fs.rmSync(keyDir, { recursive: true, force: true });
});

const encrypt = (session: TestSession, field: string, id = resourceId) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/security/encryption/columns',
    headers: session.write,
    payload: { resourceId: id, field },
  });
const rows = async () => {
  const page = await t.app.inject({
    url: `/api/v1/pools/tables/${resourceId}/rows?pageSize=500`,
    headers: police.read,
  });
  return { rows: page.json().items as Record<string, string>[] };
};
const raw = async (column: string) => {
  const [schema, name] = table.split('.');
  const result = await sql
    .raw<{ value: unknown; type: string }>(
      `SELECT "${column}" AS value, pg_typeof("${column}")::text AS type FROM "${schema}"."${name}" WHERE _to IS NULL ORDER BY _row`,
    )
    .execute(t.database.db);
  return result.rows;
};

describe('encrypting a column at rest', () => {
  it('refuses other departments, a key item, a general item and a non-character item', async () => {
    expect((await encrypt(market, 'lxdh')).statusCode).toBe(403);
    const key = await encrypt(police, 'sfzh');
    expect(key.statusCode).toBe(409);
    expect(key.json().detail).toContain('主键');
    // Each refusal names the body field it is about, so the console shows it beside that field.
    expect(key.json().errors).toEqual([{ path: '/body/field', message: key.json().detail }]);
    expect((await encrypt(police, 'sg')).statusCode).toBe(409);
    const date = await encrypt(police, 'csrq');
    expect(date.statusCode).toBe(409);
    expect(date.json().errors[0]).toEqual({
      path: '/body/field',
      message: '只有字符型信息项可加密存储，出生日期 的类型为“日期型”',
    });
    const missing = await encrypt(police, 'nothing');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().errors[0].path).toBe('/body/field');
    const noTable = await encrypt(police, 'xm', '00000000-0000-4000-8000-000000000000');
    expect(noTable.statusCode).toBe(404);
    expect(noTable.json().errors[0].path).toBe('/body/resourceId');
    const status = await t.app.inject({ url: '/api/v1/security/encryption', headers: police.read });
    expect(status.json().columns).toEqual([]);
  });

  it('seals the stored values of two items; the raw table holds no plaintext, the API shows it', async () => {
    expect((await encrypt(police, 'lxdh')).statusCode).toBe(201);
    const second = await encrypt(police, 'zz');
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      field: 'zz',
      state: 'encrypted',
      rowsTotal: 30,
      keyIds: [keyring.activeKey().id],
    });
    expect((await encrypt(police, 'zz')).statusCode).toBe(409);
    const stored = await raw('lxdh');
    expect(stored[0]!.type).toBe('bytea');
    for (const { value } of [...stored, ...(await raw('zz'))]) {
      const bytes = Buffer.from(value as Uint8Array);
      expect(bytes.toString('utf8')).not.toMatch(/1380000|解放碑/);
    }
    const page = await rows();
    expect(page.rows).toHaveLength(30);
    expect(page.rows[3]!.lxdh).toBe('13800000003');
    expect(page.rows[3]!.zz).toBe('重庆市渝中区解放碑3号');
  });

  it('a load after encryption seals on the way in and reads back as plaintext', async () => {
    const loaded = await upload(t, police, resourceId, csv(100, 5), 'wait=true&mode=upsert');
    expect(loaded.json().state).toBe('loaded');
    const values = (await raw('zz')).map(({ value }) => Buffer.from(value as Uint8Array).toString('utf8'));
    expect(values.some((v) => v.includes('解放碑10'))).toBe(false);
    const page = await rows();
    expect(page.rows.map((r) => r.zz)).toContain('重庆市渝中区解放碑104号');
  });

  it('only the administrator rotates; rotation re-encrypts in batches and old data still reads meanwhile', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/security/keys/rotate', headers: police.write }))
        .statusCode,
    ).toBe(403);
    const before = keyring.activeKey().id;
    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/security/keys/rotate',
      headers: admin.write,
    });
    expect(rotated.statusCode).toBe(202);
    expect(rotated.json()).toMatchObject({ previous: before, columns: 2 });
    const after = rotated.json().keyId;
    // A small batch: the first step leaves the columns half done, and reads work with both keys.
    await rotationStep(t.database.db, keyring, 10);
    let status = (await t.app.inject({ url: '/api/v1/security/encryption', headers: police.read })).json();
    const zz = status.columns.find((c: { field: string }) => c.field === 'zz');
    expect(zz).toMatchObject({ state: 'rotating', targetKeyId: after, rowsDone: 10, rowsTotal: 35 });
    expect(status.keys.map((k: { id: string; active: boolean }) => [k.id, k.active])).toEqual([
      [before, false],
      [after, true],
    ]);
    expect((await rows()).rows[3]!.zz).toBe('重庆市渝中区解放碑3号');
    for (let i = 0; i < 10; i++) await rotationStep(t.database.db, keyring, 10);
    status = (await t.app.inject({ url: '/api/v1/security/encryption', headers: police.read })).json();
    for (const column of status.columns)
      expect(column).toMatchObject({ state: 'encrypted', keyIds: [after] });
    expect((await rows()).rows[3]!.lxdh).toBe('13800000003');
    // The key file on disk holds both keys: the old one stays for backups sealed with it.
    const file = JSON.parse(fs.readFileSync(path.join(keyDir, 'keys.json'), 'utf8'));
    expect(file.active).toBe(after);
    expect(file.keys).toHaveLength(2);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', 'like', 'security.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'security.encryption.enable',
        'security.keys.rotate',
        'security.encryption.rotated',
      ]),
    );
  });

  it('a correction of an encrypted item shows the plaintext to the provider and stores the new value sealed', async () => {
    const before = (await rows()).rows[5]!;
    const reported = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/tables/${resourceId}/corrections`,
      headers: market.write,
      payload: {
        key: { sfzh: before.sfzh },
        items: [{ field: 'zz', proposed: '重庆市渝中区较场口88号' }],
        reason: '住址已变更，附居住证明',
      },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const id = reported.json().id;
    const shown = await t.app.inject({ url: `/api/v1/pools/corrections/${id}`, headers: police.read });
    expect(shown.json().items[0]).toMatchObject({ current: before.zz, proposed: '重庆市渝中区较场口88号' });
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/pools/corrections/${id}/accept`,
      headers: police.write,
      payload: { note: '已核实' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = (await rows()).rows.find((row) => row.sfzh === before.sfzh)!;
    expect(after.zz).toBe('重庆市渝中区较场口88号');
    const stored = (await raw('zz')).map(({ value }) => Buffer.from(value as Uint8Array).toString('utf8'));
    expect(stored.some((v) => v.includes('较场口'))).toBe(false);
  });

  it('refuses a tampered ciphertext and a value moved from another column', async () => {
    const [schema, name] = table.split('.');
    const target = `"${schema}"."${name}"`;
    await sql
      .raw(
        // Flip every bit of one byte: writing a fixed byte left the value intact whenever that byte already held it (1 run in 256).
        `UPDATE ${target} SET zz = set_byte(zz, length(zz) - 4, get_byte(zz, length(zz) - 4) # 255) WHERE _row = (SELECT min(_row) FROM ${target} WHERE _to IS NULL)`,
      )
      .execute(t.database.db);
    const refused = await t.app.inject({
      url: `/api/v1/pools/tables/${resourceId}/rows`,
      headers: police.read,
    });
    expect(refused.statusCode).toBe(500);
    expect(refused.json().code).toBe('security.encryption.unreadable');
    expect(refused.json().detail).toContain('zz');
    await sql.raw(`UPDATE ${target} SET zz = lxdh`).execute(t.database.db);
    const swapped = await t.app.inject({
      url: `/api/v1/pools/tables/${resourceId}/rows`,
      headers: police.read,
    });
    expect(swapped.json().code).toBe('security.encryption.unreadable');
  });

  it('the status is in the security officer’s and the authority’s scope, not another department’s', async () => {
    const own = await t.app.inject({ url: '/api/v1/security/encryption', headers: security.read });
    expect(own.json().columns).toHaveLength(2);
    const other = await t.app.inject({ url: '/api/v1/security/encryption', headers: market.read });
    expect(other.statusCode).toBe(200);
    expect(other.json().columns).toEqual([]);
  });

  it('an auditor of the region reads the status but may not encrypt', async () => {
    await createUser(t.database.db, {
      role: 'auditor',
      username: 'region.auditor',
      regionId: policeRegion,
    });
    const auditor = await login(t.app, 'region.auditor', 'Test-password-1');
    const status = await t.app.inject({ url: '/api/v1/security/encryption', headers: auditor.read });
    expect(status.statusCode).toBe(200);
    expect(status.json().columns).toHaveLength(2);
    const refused = await encrypt(auditor, 'xm');
    expect(refused.statusCode).toBe(403);
  });
});

describe('starting without the configured keys', () => {
  it('a configured key file that is missing stops the start, naming the file', async () => {
    const missing = path.join(keyDir, 'missing-keys.json');
    await expect(
      buildApp({ database: t.database, config: testConfig({ dataKeys: undefined, keyFile: missing }) }),
    ).rejects.toThrow(`key file ${missing} does not exist`);
  });
});
