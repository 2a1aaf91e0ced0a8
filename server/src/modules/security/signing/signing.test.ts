import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { generateSigningKey } from '../../../platform/crypto/signing.ts';
import type { AppInstance } from '../../../platform/http/types.ts';
import { createTestApp, testConfig, type TestApp } from '../../../test/test-app.ts';

let t: TestApp;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-signing-'));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const verify = (app: AppInstance, body: unknown, lang = 'zh-CN') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/security/signatures/verify',
    payload: body as object,
    headers: { 'accept-language': lang },
  });

describe('signatures over the API', () => {
  it('publishes the current SM2 key and verifies what the platform signed', async () => {
    const keys = await t.app.inject({ method: 'GET', url: '/api/v1/security/signing-keys' });
    expect(keys.statusCode).toBe(200);
    const body = keys.json();
    expect(body.sm2UserId).toBe('1234567812345678');
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({
      alg: 'SM2-SM3',
      status: 'current',
      keyId: t.app.platform.signer.key.keyId,
    });
    expect(body.keys[0].publicKeyPem).toContain('BEGIN PUBLIC KEY');

    const envelope = t.app.platform.signer.signDocument({
      dataset: '人口基本信息',
      rows: 120,
      sharedTo: '市公安局',
    });
    const ok = await verify(t.app, envelope);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true, alg: 'SM2-SM3', keyStatus: 'current' });
  });

  it('refuses a signature on altered data with a clear message in the caller’s language', async () => {
    const envelope = t.app.platform.signer.signDocument({ dataset: '人口基本信息', rows: 120 });
    const altered = { ...envelope, payload: { ...envelope.payload, rows: 121 } };
    const zh = await verify(t.app, altered);
    expect(zh.statusCode).toBe(422);
    expect(zh.headers['content-type']).toContain('application/problem+json');
    expect(zh.json()).toMatchObject({ code: 'signing.bad_signature' });
    expect(zh.json().detail).toContain('签名后数据已被改动');
    const en = await verify(t.app, altered, 'en');
    expect(en.json().detail).toContain('was changed after signing');
  });

  it('names an unknown key, a wrong algorithm and a malformed envelope', async () => {
    const envelope = t.app.platform.signer.signDocument({ a: 1 });
    const foreign = generateSigningKey('SM2-SM3').key;
    const unknown = await verify(t.app, { ...envelope, keyId: foreign.keyId });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'signing.unknown_key' });
    expect(unknown.json().detail).toContain(foreign.keyId);
    expect((await verify(t.app, { ...envelope, alg: 'Ed25519' })).json()).toMatchObject({
      code: 'signing.algorithm_mismatch',
    });
    expect((await verify(t.app, { ...envelope, alg: 'RSA' })).json()).toMatchObject({
      code: 'signing.unknown_algorithm',
    });
    expect((await verify(t.app, { payload: 1 })).json()).toMatchObject({ code: 'signing.malformed' });
    expect((await verify(t.app, [1])).statusCode).toBe(400);
  });

  it('after a key change the old key stays published as retired and its signatures still verify', async () => {
    const before = t.app.platform.signer.signDocument({ issued: 'before the change' });
    const file = path.join(dir, 'new.pem');
    fs.writeFileSync(file, generateSigningKey('SM2-SM3').privateKeyPem);
    const next = await buildApp({ database: t.database, config: testConfig({ signingKeyFile: file }) });
    try {
      const keys = (await next.inject({ method: 'GET', url: '/api/v1/security/signing-keys' })).json();
      expect(keys.keys.map((k: { status: string }) => k.status)).toEqual(['current', 'retired']);
      expect(keys.keys[1].keyId).toBe(before.keyId);
      expect((await verify(next, before)).json()).toMatchObject({ valid: true, keyStatus: 'retired' });
      expect(
        (await verify(next, next.platform.signer.signDocument({ issued: 'after' }))).json(),
      ).toMatchObject({ valid: true, keyStatus: 'current' });
    } finally {
      await next.close();
    }
  });

  it('a configured key file that is missing or malformed stops the start, naming the file', async () => {
    const missing = path.join(dir, 'nowhere.pem');
    await expect(
      buildApp({ database: t.database, config: testConfig({ signingKeyFile: missing }) }),
    ).rejects.toThrow(`ZHENGSHU_SIGNING_KEY_FILE=${missing} cannot be read (ENOENT)`);
    const bad = path.join(dir, 'bad.pem');
    fs.writeFileSync(bad, 'not a key');
    await expect(
      buildApp({ database: t.database, config: testConfig({ signingKeyFile: bad }) }),
    ).rejects.toThrow(/bad\.pem is not a usable signing key/);
    const ed = path.join(dir, 'ed.pem');
    fs.writeFileSync(ed, generateSigningKey('Ed25519').privateKeyPem);
    await expect(
      buildApp({ database: t.database, config: testConfig({ signingKeyFile: ed }) }),
    ).rejects.toThrow(/holds an Ed25519 key, but ZHENGSHU_CRYPTO_SUITE=sm signs with SM2-SM3/);
    const intl = await buildApp({
      database: t.database,
      config: testConfig({ signingKeyFile: ed, cryptoSuite: 'intl' }),
    });
    try {
      expect((await verify(intl, intl.platform.signer.signDocument({ x: 1 }))).json()).toMatchObject({
        valid: true,
        alg: 'Ed25519',
      });
    } finally {
      await intl.close();
    }
  });
});
