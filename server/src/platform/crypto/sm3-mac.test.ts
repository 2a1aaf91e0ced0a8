import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sm3, Sm3PrefixMac } from './sm3-mac.ts';

describe('SM3 and HMAC-SM3 in TypeScript', () => {
  it('gives the GB/T 32905 example digests and what OpenSSL gives for every padding length', () => {
    expect(sm3(Buffer.from('abc')).toString('hex')).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    );
    expect(sm3(Buffer.from('abcd'.repeat(16))).toString('hex')).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    );
    for (let length = 0; length <= 200; length++) {
      const data = crypto.randomBytes(length);
      expect(sm3(data).equals(crypto.createHash('sm3').update(data).digest())).toBe(true);
    }
  });

  it('tags prefix ‖ message as createHmac does, for short and long keys, prefixes and messages', () => {
    for (const keyBytes of [0, 1, 16, 32, 64, 65, 100])
      for (const prefixBytes of [0, 1, 55, 63, 64, 65, 78, 130]) {
        const key = crypto.randomBytes(keyBytes);
        const prefix = crypto.randomBytes(prefixBytes);
        const mac = new Sm3PrefixMac(key, prefix);
        for (const messageBytes of [0, 1, 47, 48, 55, 56, 64, 80, 300, 5000]) {
          const message = crypto.randomBytes(messageBytes);
          const expected = crypto.createHmac('sm3', key).update(prefix).update(message).digest();
          expect(mac.tag(message).toString('hex')).toBe(expected.toString('hex'));
        }
      }
  });

  it('a tag does not depend on the messages tagged before it', () => {
    const mac = new Sm3PrefixMac(crypto.randomBytes(32), Buffer.from('zhengshu/pool/r/zz'));
    const short = Buffer.from('a');
    const first = mac.tag(short);
    mac.tag(crypto.randomBytes(10_000));
    expect(mac.tag(short).equals(first)).toBe(true);
  });
});
