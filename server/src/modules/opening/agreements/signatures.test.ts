import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Keyring } from '../../../platform/crypto/keyring.ts';
import { seal } from '../../../platform/crypto/seal.ts';
import { sm2Verify, sm2PublicKeyFromSpki } from '../../../platform/crypto/sm2.ts';
import { generateSigningKey, type SigningAlgorithm } from '../../../platform/crypto/signing.ts';
import { agreementDigest } from './agreement-document.ts';
import type { PartyKeyRow } from './agreements.repository.ts';
import { openPartyKey, partyKeyAad } from './party-keys.ts';
import {
  AGREEMENT_PACKAGE_FORMAT,
  signAgreement,
  signedPayloadText,
  verifyPackage,
  type AgreementPackage,
  type SignedPayload,
} from './signatures.ts';

// Signing an agreement and checking a package without the platform: what is signed, that a change
// of one character anywhere (document, signature, signed text) is found, and that a party's sealed
// key opens only for its owner.

const DOCUMENT =
  '<!DOCTYPE html><html lang="zh-CN"><body><h1>公共数据利用协议</h1><p>第1条 数据清单</p></body></html>';

function signedPackage(alg: SigningAlgorithm = 'SM2-SM3'): AgreementPackage {
  const digest = agreementDigest(DOCUMENT);
  const base = {
    agreementId: crypto.randomUUID(),
    number: 'KF2026000001',
    digest,
    signedAt: '2026-03-01T01:02:03.000Z',
  };
  const applicant = generateSigningKey(alg).key;
  const provider = generateSigningKey(alg).key;
  return {
    format: AGREEMENT_PACKAGE_FORMAT,
    number: base.number,
    document: DOCUMENT,
    digest,
    signatures: [
      signAgreement(applicant, {
        ...base,
        party: 'applicant',
        signerUserId: crypto.randomUUID(),
        signerName: '张三',
      }),
      signAgreement(provider, {
        ...base,
        party: 'provider',
        signerUserId: crypto.randomUUID(),
        signerName: '李警官',
      }),
    ],
  };
}

describe('the signed text', () => {
  it('is canonical JSON of the seven fields, sorted, without whitespace', () => {
    const payload: SignedPayload = {
      signedAt: '2026-03-01T01:02:03.000Z',
      party: 'applicant',
      number: 'KF2026000001',
      digest: 'sm3:00',
      agreementId: 'a',
      signerUserId: 'u',
      signerName: '张三',
    };
    expect(signedPayloadText(payload)).toBe(
      '{"agreementId":"a","digest":"sm3:00","number":"KF2026000001","party":"applicant","signedAt":"2026-03-01T01:02:03.000Z","signerName":"张三","signerUserId":"u"}',
    );
  });

  it('is what an SM2 verifier checks with the published key (GM/T 0009 default user id)', () => {
    const pkg = signedPackage();
    const s = pkg.signatures[0]!;
    const spki = Buffer.from(s.publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    expect(
      sm2Verify(
        Buffer.from(s.signedPayload, 'utf8'),
        Buffer.from(s.signature, 'base64'),
        sm2PublicKeyFromSpki(spki),
      ),
    ).toBe(true);
    expect(JSON.parse(s.signedPayload)).toMatchObject({
      digest: pkg.digest,
      party: 'applicant',
      signerName: '张三',
    });
  });
});

describe('offline, with the openssl command line (as docs/opening-agreements.md describes)', () => {
  it('the digest is SM3 of the document and each signature verifies over the signed text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-agreement-'));
    try {
      const pkg = signedPackage();
      fs.writeFileSync(path.join(dir, 'document.html'), pkg.document);
      const sm3 = execFileSync('openssl', ['dgst', '-sm3', '-r', path.join(dir, 'document.html')], {
        encoding: 'utf8',
      });
      expect(`sm3:${sm3.split(' ')[0]}`).toBe(pkg.digest);
      for (const s of pkg.signatures) {
        fs.writeFileSync(path.join(dir, 'key.pem'), s.publicKeyPem);
        fs.writeFileSync(path.join(dir, 'payload.txt'), s.signedPayload);
        fs.writeFileSync(path.join(dir, 'sig.der'), Buffer.from(s.signature, 'base64'));
        const out = execFileSync(
          'openssl',
          [
            'dgst',
            '-sm3',
            '-verify',
            'key.pem',
            '-sigopt',
            'distid:1234567812345678',
            '-signature',
            'sig.der',
            'payload.txt',
          ],
          { cwd: dir, encoding: 'utf8' },
        );
        expect(out).toContain('Verified OK');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('verifyPackage', () => {
  it('accepts a package signed by both sides (SM2 and Ed25519)', () => {
    for (const alg of ['SM2-SM3', 'Ed25519'] as const) {
      const verdict = verifyPackage(JSON.parse(JSON.stringify(signedPackage(alg))));
      expect(verdict).toMatchObject({ wellFormed: true, digestMatches: true, valid: true, complete: true });
      expect(verdict.signatures.map((s) => [s.party, s.valid, s.signerName])).toEqual([
        ['applicant', true, '张三'],
        ['provider', true, '李警官'],
      ]);
    }
  });

  it('finds one character changed in the document', () => {
    const pkg = signedPackage();
    const verdict = verifyPackage({ ...pkg, document: pkg.document.replace('数据清单', '数据清丹') });
    expect(verdict).toMatchObject({ digestMatches: false, valid: false, complete: false });
  });

  it('finds a document changed together with its digest: the signatures cover the old digest', () => {
    const pkg = signedPackage();
    const document = pkg.document.replace('第1条', '第2条');
    const verdict = verifyPackage({ ...pkg, document, digest: agreementDigest(document) });
    expect(verdict.digestMatches).toBe(true);
    expect(verdict.signatures.map((s) => s.problem)).toEqual(['payload_mismatch', 'payload_mismatch']);
    expect(verdict.valid).toBe(false);
  });

  it('finds a changed signature and a changed signed text', () => {
    const pkg = signedPackage();
    const bytes = Buffer.from(pkg.signatures[1]!.signature, 'base64');
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0x01;
    const flipped = { ...pkg.signatures[1]!, signature: bytes.toString('base64') };
    expect(verifyPackage({ ...pkg, signatures: [pkg.signatures[0], flipped] }).signatures[1]).toMatchObject({
      valid: false,
      problem: 'bad_signature',
    });
    const renamed = {
      ...pkg.signatures[0]!,
      signerName: '张四',
      signedPayload: pkg.signatures[0]!.signedPayload.replace('张三', '张四'),
    };
    const verdict = verifyPackage({ ...pkg, signatures: [renamed, pkg.signatures[1]] });
    expect(verdict.signatures[0]).toMatchObject({
      valid: false,
      problem: 'bad_signature',
      signerName: '张四',
    });
    expect(verdict.valid).toBe(false);
  });

  it('refuses a key id that is not the key’s, a side signed twice, a missing side and malformed input', () => {
    const pkg = signedPackage();
    const other = generateSigningKey('SM2-SM3').key;
    const swapped = { ...pkg.signatures[0]!, publicKeyPem: other.publicKeyPem };
    expect(verifyPackage({ ...pkg, signatures: [swapped, pkg.signatures[1]] }).signatures[0]!.problem).toBe(
      'key_id_mismatch',
    );
    expect(verifyPackage({ ...pkg, signatures: [pkg.signatures[0], pkg.signatures[0]] }).valid).toBe(false);
    expect(verifyPackage({ ...pkg, signatures: [pkg.signatures[0]] })).toMatchObject({
      valid: true,
      complete: false,
    });
    expect(verifyPackage({ ...pkg, format: 'other/1' })).toMatchObject({ wellFormed: false, valid: false });
    expect(verifyPackage(null)).toMatchObject({ wellFormed: false, signatures: [] });
    expect(
      verifyPackage({ ...pkg, signatures: [42, { party: 'applicant' }] }).signatures.map((s) => s.problem),
    ).toEqual(['malformed', 'malformed']);
  });

  it('accepts only the canonical signed text (no re-serialised or extra fields)', () => {
    const pkg = signedPackage();
    const spaced = {
      ...pkg.signatures[0]!,
      signedPayload: JSON.stringify(JSON.parse(pkg.signatures[0]!.signedPayload), null, 1),
    };
    expect(verifyPackage({ ...pkg, signatures: [spaced, pkg.signatures[1]] }).signatures[0]!.problem).toBe(
      'malformed',
    );
  });
});

describe('party keys', () => {
  const keyring = Keyring.inMemory('sm');
  const owner = { type: 'user' as const, id: crypto.randomUUID() };

  function storedRow(sealedFor: { type: 'user' | 'department'; id: string }): PartyKeyRow {
    const { key, privateKeyPem } = generateSigningKey('SM2-SM3');
    return {
      owner_type: owner.type,
      owner_id: owner.id,
      alg: 'SM2-SM3',
      key_id: key.keyId,
      public_key_pem: key.publicKeyPem,
      private_key_sealed: seal(keyring, Buffer.from(privateKeyPem), partyKeyAad(sealedFor, 'SM2-SM3')),
      created_at: new Date(),
    };
  }

  it('opens for its owner and signs as the published key', () => {
    const row = storedRow(owner);
    const key = openPartyKey(keyring, row);
    expect(key.keyId).toBe(row.key_id);
  });

  it('does not open on another owner’s row (the sealing AAD names the owner)', () => {
    expect(() => openPartyKey(keyring, storedRow({ type: 'department', id: owner.id }))).toThrow();
    expect(() => openPartyKey(keyring, storedRow({ type: 'user', id: crypto.randomUUID() }))).toThrow();
  });

  it('refuses a row whose public key was swapped', () => {
    const row = storedRow(owner);
    const other = generateSigningKey('SM2-SM3').key;
    expect(() =>
      openPartyKey(keyring, { ...row, public_key_pem: other.publicKeyPem, key_id: other.keyId }),
    ).toThrow(/does not match/);
  });
});
