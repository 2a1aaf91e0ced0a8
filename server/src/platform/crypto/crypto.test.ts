import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { CryptoError } from './cipher.ts';
import { Keyring, KeyringError, openKeyring } from './keyring.ts';
import {
  createOpenStream,
  createSealStream,
  createValueSealer,
  open,
  openMany,
  seal,
  sealedKeyId,
  STREAM_CHUNK_BYTES,
} from './seal.ts';
import { resolveSuite, sm4GcmAvailable, type SuiteId } from './suite.ts';

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-keys-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

async function collect(source: Buffer[], ...stages: NodeJS.ReadWriteStream[]): Promise<Buffer> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      out.push(chunk);
      done();
    },
  });
  await pipeline([Readable.from(source), ...stages, sink]);
  return Buffer.concat(out);
}

function codeOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof CryptoError ? error.code : `other: ${(error as Error).message}`;
  }
  return undefined;
}

describe('suite', () => {
  it('sm uses SM4-GCM when OpenSSL has it, else SM4-CBC with HMAC-SM3; intl uses AES-256-GCM', () => {
    expect(resolveSuite('sm').algorithm).toBe(sm4GcmAvailable() ? 'sm4-gcm' : 'sm4-cbc-hmac-sm3');
    expect(resolveSuite('sm').hash).toBe('sm3');
    expect(resolveSuite('intl')).toEqual({ id: 'intl', algorithm: 'aes-256-gcm', hash: 'sha256' });
  });

  it('reads ZHENGSHU_CRYPTO_SUITE and refuses an unknown suite', () => {
    expect(loadConfig({}).cryptoSuite).toBe('sm');
    expect(loadConfig({ ZHENGSHU_CRYPTO_SUITE: 'intl' }).cryptoSuite).toBe('intl');
    expect(() => loadConfig({ ZHENGSHU_CRYPTO_SUITE: 'des' })).toThrow(/ZHENGSHU_CRYPTO_SUITE/);
  });
});

describe.each<SuiteId>(['sm', 'intl'])('sealed values (%s)', (suite) => {
  const keyring = Keyring.inMemory(suite);
  const aad = Buffer.from('pool_x.r_1/name');

  it('opens a page of values at once as open does, failing only the altered or foreign ones', () => {
    // Lengths around the block size: empty, 15, 16, 17 and 33 bytes exercise every padding length.
    const plains = ['', 'a'.repeat(15), 'b'.repeat(16), 'c'.repeat(17), '重庆市渝中区解放碑街道 88 号 1'].map(
      (text) => Buffer.from(text, 'utf8'),
    );
    const sealed = plains.map((plain) => seal(keyring, plain, aad));
    const altered = Buffer.from(sealed[2]!);
    altered[altered.length - 40]! ^= 1;
    const foreign = seal(keyring, Buffer.from('x'), Buffer.from('pool_x.r_1/other'));
    const opened = openMany(keyring, [...sealed, altered, foreign, Buffer.from('junk')], aad);
    expect(opened.slice(0, plains.length).map((value) => (value as Buffer).toString('utf8'))).toEqual(
      plains.map((plain) => open(keyring, seal(keyring, plain, aad), aad).toString('utf8')),
    );
    expect(opened.slice(plains.length).map((value) => (value as CryptoError).code)).toEqual([
      'tampered',
      'tampered',
      'malformed',
    ]);
  });

  it('opens what it sealed, with the same AAD; equal plaintexts seal differently', () => {
    const plain = Buffer.from('张三 500101199001011234');
    const a = seal(keyring, plain, aad);
    const b = seal(keyring, plain, aad);
    expect(a.equals(b)).toBe(false);
    expect(a.includes(plain)).toBe(false);
    expect(open(keyring, a, aad).toString()).toBe(plain.toString());
    expect(open(keyring, seal(keyring, Buffer.alloc(0)), undefined).length).toBe(0);
    expect(sealedKeyId(a)).toBe(keyring.activeKey().id);
  });

  it('refuses a flipped bit anywhere, another AAD, a cut value and an unknown key', () => {
    const sealed = seal(keyring, Buffer.from('secret value'), aad);
    for (let i = 5 + sealed[4]!; i < sealed.length; i++) {
      const altered = Buffer.from(sealed);
      altered[i]! ^= 0x01;
      expect(codeOf(() => open(keyring, altered, aad))).toBe('tampered');
    }
    expect(codeOf(() => open(keyring, sealed, Buffer.from('pool_x.r_1/other')))).toBe('tampered');
    expect(codeOf(() => open(keyring, sealed))).toBe('tampered');
    expect(codeOf(() => open(keyring, sealed.subarray(0, 5 + sealed[4]! + 10), aad))).toBe('truncated');
    expect(codeOf(() => open(keyring, sealed.subarray(0, 8), aad))).toBe('malformed');
    expect(codeOf(() => open(Keyring.inMemory(suite), sealed, aad))).toBe('unknown-key');
    expect(codeOf(() => open(keyring, Buffer.from('plain text'), aad))).toBe('malformed');
  });

  it('a value sealer makes what open and openMany open, each value under its own fresh IV', () => {
    const sealer = createValueSealer(keyring, aad);
    // Every padding length, a long value, and the same plaintext twice (it must seal differently).
    const plains = [
      '',
      'a'.repeat(15),
      'b'.repeat(16),
      'c'.repeat(17),
      '重庆市渝中区 1 号',
      'x'.repeat(5000),
      'same',
      'same',
    ];
    const sealed = plains.map((text) => sealer.seal(Buffer.from(text, 'utf8')));
    expect(sealed.map((value) => open(keyring, value, aad).toString('utf8'))).toEqual(plains);
    expect(openMany(keyring, sealed, aad).map((value) => (value as Buffer).toString('utf8'))).toEqual(plains);
    expect(sealed.every((value) => value.subarray(0, sealer.head.length).equals(sealer.head))).toBe(true);
    expect(sealedKeyId(sealed[0]!)).toBe(keyring.activeKey().id);
    const ivs = sealed.map((value) =>
      value.subarray(sealer.head.length, sealer.head.length + 12).toString('hex'),
    );
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(sealed[6]!.equals(sealed[7]!)).toBe(false);
    // The same length as `seal` makes: header, nonce, body (padded for CBC), tag.
    expect(sealed.map((value) => value.length)).toEqual(
      plains.map((text) => seal(keyring, Buffer.from(text, 'utf8'), aad).length),
    );
    const altered = Buffer.from(sealed[4]!);
    altered[altered.length - 1]! ^= 1;
    expect(codeOf(() => open(keyring, altered, aad))).toBe('tampered');
    expect(codeOf(() => open(keyring, sealed[4]!, Buffer.from('pool_x.r_1/other')))).toBe('tampered');
  });

  it('a rotated keyring seals with the new key and still opens the old values', () => {
    const ring = Keyring.fromFile(path.join(temporary, `rotate-${suite}.json`), suite, {
      createIfMissing: true,
    });
    const old = seal(ring, Buffer.from('before'), aad);
    const first = ring.activeKey().id;
    const added = ring.addKey();
    expect(ring.activeKey().id).toBe(added.id);
    expect(added.id).not.toBe(first);
    expect(sealedKeyId(seal(ring, Buffer.from('after'), aad))).toBe(added.id);
    expect(open(ring, old, aad).toString()).toBe('before');
    expect(ring.list().map((key) => [key.id, key.active])).toEqual([
      [first, false],
      [added.id, true],
    ]);
  });
});

describe.each<SuiteId>(['sm', 'intl'])('sealed streams (%s)', (suite) => {
  const keyring = Keyring.inMemory(suite);
  const data = crypto.randomBytes(STREAM_CHUNK_BYTES * 3 + 1234);
  const pieces = [data.subarray(0, 1000), data.subarray(1000, 200_000), data.subarray(200_000)];

  it('round-trips a large input written in odd pieces, and an empty one', async () => {
    const sealed = await collect(pieces, createSealStream(keyring));
    expect(sealed.includes(data.subarray(0, 64))).toBe(false);
    // Reading the sealed bytes back one odd-sized piece at a time exercises the frame buffering.
    const slices: Buffer[] = [];
    for (let at = 0; at < sealed.length; at += 7777) slices.push(sealed.subarray(at, at + 7777));
    expect((await collect(slices, createOpenStream(keyring))).equals(data)).toBe(true);
    const empty = await collect([], createSealStream(keyring));
    expect((await collect([empty], createOpenStream(keyring))).length).toBe(0);
  });

  it('detects a truncated file, an altered byte, appended bytes, swapped frames and a wrong key', async () => {
    const sealed = await collect(pieces, createSealStream(keyring));
    const failure = async (input: Buffer, ring: Keyring = keyring) =>
      collect([input], createOpenStream(ring)).then(
        () => 'opened',
        (error: unknown) => (error instanceof CryptoError ? error.code : String(error)),
      );
    // Cut at a frame boundary (after the first full frame) and in the middle of a frame.
    const headerEnd = 5 + sealed[4]!;
    const frame = 5 + sealed.readUInt32BE(headerEnd + 1);
    expect(await failure(sealed.subarray(0, headerEnd + frame))).toBe('truncated');
    expect(await failure(sealed.subarray(0, sealed.length - 10))).toBe('truncated');
    const altered = Buffer.from(sealed);
    altered[headerEnd + frame + 100]! ^= 0x80;
    expect(await failure(altered)).toBe('tampered');
    expect(await failure(Buffer.concat([sealed, sealed.subarray(headerEnd, headerEnd + frame)]))).toBe(
      'tampered',
    );
    const swapped = Buffer.concat([
      sealed.subarray(0, headerEnd),
      sealed.subarray(headerEnd + frame, headerEnd + 2 * frame),
      sealed.subarray(headerEnd, headerEnd + frame),
      sealed.subarray(headerEnd + 2 * frame),
    ]);
    expect(await failure(swapped)).toBe('tampered');
    expect(await failure(sealed, Keyring.inMemory(suite))).toBe('unknown-key');
  });
});

describe('keyring sources', () => {
  it('generates a default key file with mode 0600 and reads it back on the next start', () => {
    const dataDir = path.join(temporary, 'data');
    const first = openKeyring({ cryptoSuite: 'sm', keyFile: undefined, dataKeys: undefined, dataDir });
    const file = path.join(dataDir, 'keys.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = openKeyring({ cryptoSuite: 'sm', keyFile: undefined, dataKeys: undefined, dataDir });
    expect(again.activeKey().id).toBe(first.activeKey().id);
    expect(again.activeKey().material.equals(first.activeKey().material)).toBe(true);
  });

  it('stops on a configured key file that is missing or malformed, naming the file', () => {
    const missing = path.join(temporary, 'nowhere.json');
    const options = { cryptoSuite: 'sm' as const, dataKeys: undefined, dataDir: temporary };
    expect(() => openKeyring({ ...options, keyFile: missing })).toThrow(KeyringError);
    expect(() => openKeyring({ ...options, keyFile: missing })).toThrow(missing);
    const bad = path.join(temporary, 'bad.json');
    for (const text of [
      '{ not json',
      '{"format":"other"}',
      '{"format":"zhengshu-keyring/1","active":"a","keys":[]}',
      '{"format":"zhengshu-keyring/1","active":"a","keys":[{"id":"a","algorithm":"des","key":"","created":"2026-01-01"}]}',
      `{"format":"zhengshu-keyring/1","active":"a","keys":[{"id":"a","algorithm":"aes-256-gcm","key":"c2hvcnQ=","created":"2026-01-01"}]}`,
      `{"format":"zhengshu-keyring/1","active":"b","keys":[{"id":"a","algorithm":"aes-256-gcm","key":"${Buffer.alloc(32).toString('base64')}","created":"2026-01-01"}]}`,
    ]) {
      fs.writeFileSync(bad, text);
      expect(() => openKeyring({ ...options, keyFile: bad })).toThrow(bad);
    }
  });

  it('reads ZHENGSHU_DATA_KEYS, which cannot be rotated from inside', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    const json = `{"format":"zhengshu-keyring/1","active":"env-1","keys":[{"id":"env-1","algorithm":"aes-256-gcm","key":"${key}","created":"2026-01-01T00:00:00Z"}]}`;
    const ring = openKeyring({
      cryptoSuite: 'intl',
      keyFile: '/ignored',
      dataKeys: json,
      dataDir: temporary,
    });
    expect(open(ring, seal(ring, Buffer.from('x'))).toString()).toBe('x');
    expect(() => ring.addKey()).toThrow(/ZHENGSHU_DATA_KEYS/);
  });

  it('a second instance sees a key another instance added to the shared file', () => {
    const file = path.join(temporary, 'shared.json');
    const one = Keyring.fromFile(file, 'sm', { createIfMissing: true });
    const two = Keyring.fromFile(file, 'sm');
    one.addKey();
    const sealed = seal(one, Buffer.from('from one'));
    expect(open(two, sealed).toString()).toBe('from one');
    expect(two.activeKey().id).toBe(one.activeKey().id);
  });
});
