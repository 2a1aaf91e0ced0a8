import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson, signWithKey, verifyEnvelope } from './envelope.ts';
import {
  generateSigningKey,
  keyIdOfPem,
  parseSigningKey,
  verifySignature,
  type PublicSigningKey,
} from './signing.ts';
import { generateSm2KeyPair, sm2PrivateKeyPem, sm2PublicKeyPem, sm2Sign, sm2Verify } from './sm2.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-sign-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function openssl(args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString() };
  } catch (error) {
    return { ok: false, out: String((error as { stdout?: Buffer }).stdout ?? '') };
  }
}

describe('SM2 with SM3 and the default user id', () => {
  const pair = generateSm2KeyPair();
  const message = Buffer.from('重庆市政务数据 — 共享所得数据与原件具有同等效力');

  it('verifies its own signatures and refuses altered messages', () => {
    const signature = sm2Sign(message, pair);
    expect(sm2Verify(message, signature, pair.publicKey)).toBe(true);
    expect(sm2Verify(Buffer.concat([message, Buffer.from('.')]), signature, pair.publicKey)).toBe(false);
    expect(sm2Verify(message, signature, generateSm2KeyPair().publicKey)).toBe(false);
    // Another user id gives another digest, so the signature does not carry over.
    expect(sm2Verify(message, signature, pair.publicKey, 'ALICE123@YAHOO.COM')).toBe(false);
  });

  it('agrees with the openssl command line (sm2 with distid 1234567812345678) both ways', () => {
    const keyFile = path.join(dir, 'sm2.pem');
    const pubFile = path.join(dir, 'sm2.pub.pem');
    const msgFile = path.join(dir, 'msg');
    fs.writeFileSync(keyFile, sm2PrivateKeyPem(pair));
    fs.writeFileSync(pubFile, sm2PublicKeyPem(pair.publicKey));
    fs.writeFileSync(msgFile, message);
    const ours = path.join(dir, 'sig.ours');
    fs.writeFileSync(ours, sm2Sign(message, pair));
    const check = openssl([
      'dgst',
      '-sm3',
      '-verify',
      pubFile,
      '-sigopt',
      'distid:1234567812345678',
      '-signature',
      ours,
      msgFile,
    ]);
    expect(check.out).toContain('Verified OK');
    const theirs = path.join(dir, 'sig.theirs');
    openssl([
      'dgst',
      '-sm3',
      '-sign',
      keyFile,
      '-sigopt',
      'distid:1234567812345678',
      '-out',
      theirs,
      msgFile,
    ]);
    expect(sm2Verify(message, fs.readFileSync(theirs), pair.publicKey)).toBe(true);
    // openssl reads our PKCS#8 file as the same key.
    expect(parseSigningKey(openssl(['pkey', '-in', keyFile]).out).keyId).toBe(
      parseSigningKey(fs.readFileSync(keyFile, 'utf8')).keyId,
    );
  });
});

describe('signing keys', () => {
  it('reads back what it generates, as PEM and as JSON hex, with the same key id', () => {
    for (const alg of ['SM2-SM3', 'Ed25519'] as const) {
      const { key, privateKeyPem } = generateSigningKey(alg);
      const again = parseSigningKey(privateKeyPem);
      expect(again.keyId).toBe(key.keyId);
      expect(again.alg).toBe(alg);
      expect(keyIdOfPem(alg, key.publicKeyPem)).toBe(key.keyId);
      const data = Buffer.from('abc');
      expect(verifySignature(key, data, again.sign(data))).toBe(true);
    }
    const pair = generateSm2KeyPair();
    const json = parseSigningKey(
      JSON.stringify({ alg: 'SM2-SM3', privateKey: pair.privateKey.toString('hex') }),
    );
    expect(json.keyId).toBe(parseSigningKey(sm2PrivateKeyPem(pair)).keyId);
  });

  it('refuses malformed key files with a sentence saying why', () => {
    expect(() => parseSigningKey('hello')).toThrow(/PEM private key/);
    expect(() => parseSigningKey('{"alg":"RSA","privateKey":"00"}')).toThrow(/"alg" must be one of/);
    expect(() => parseSigningKey('{"alg":"SM2-SM3","privateKey":"xyz"}')).toThrow(/64 hexadecimal/);
    expect(() => parseSigningKey('{ not json')).toThrow(/neither PEM nor valid JSON/);
    expect(() => parseSigningKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toThrow(
      /cannot be read/,
    );
  });
});

describe('signed envelopes', () => {
  const sm2 = generateSigningKey('SM2-SM3').key;
  const ed = generateSigningKey('Ed25519').key;
  const published = new Map<string, PublicSigningKey>([sm2, ed].map((k) => [k.keyId, k]));
  const keyOf = (id: string) => published.get(id);
  const payload = { resource: '510100-人口-001', rows: 3, fields: { b: 2, a: [1, { z: 1, y: null }] } };

  it('canonical JSON sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [3, { f: 1, e: 2 }] } })).toBe(
      '{"a":{"c":[3,{"e":2,"f":1}]},"b":1}',
    );
  });

  it('verifies for both algorithms, whatever the order of keys in the received JSON', () => {
    for (const key of [sm2, ed]) {
      const envelope = signWithKey(key, payload);
      expect(envelope.alg).toBe(key.alg);
      const reordered = JSON.parse(
        JSON.stringify({
          ...envelope,
          payload: { fields: payload.fields, rows: 3, resource: payload.resource },
        }),
      );
      expect(verifyEnvelope(reordered, keyOf)).toMatchObject({ valid: true, keyId: key.keyId });
    }
  });

  it('refuses altered data, a changed time, an unknown key and a wrong algorithm', () => {
    const envelope = signWithKey(sm2, payload);
    expect(verifyEnvelope({ ...envelope, payload: { ...payload, rows: 4 } }, keyOf)).toMatchObject({
      valid: false,
      problem: 'bad_signature',
    });
    expect(verifyEnvelope({ ...envelope, signedAt: '2020-01-01T00:00:00.000Z' }, keyOf)).toMatchObject({
      valid: false,
      problem: 'bad_signature',
    });
    expect(
      verifyEnvelope({ ...envelope, keyId: 'sm3:00000000000000000000000000000000' }, keyOf),
    ).toMatchObject({ valid: false, problem: 'unknown_key' });
    expect(verifyEnvelope({ ...envelope, alg: 'Ed25519' }, keyOf)).toMatchObject({
      valid: false,
      problem: 'algorithm_mismatch',
    });
    expect(verifyEnvelope({ ...envelope, alg: 'RSA-SHA256' }, keyOf)).toMatchObject({
      valid: false,
      problem: 'unknown_algorithm',
    });
    expect(verifyEnvelope({ ...envelope, format: 'other/9' }, keyOf)).toMatchObject({
      valid: false,
      problem: 'unsupported_format',
    });
    expect(verifyEnvelope({ ...envelope, signature: undefined }, keyOf)).toMatchObject({
      valid: false,
      problem: 'malformed',
    });
    expect(verifyEnvelope([1, 2], keyOf)).toMatchObject({ valid: false, problem: 'malformed' });
    // A key of the other algorithm given under the signer's id does not pass either.
    expect(verifyEnvelope(envelope, () => ({ ...ed, keyId: sm2.keyId }))).toMatchObject({
      valid: false,
      problem: 'unknown_key',
    });
  });
});
