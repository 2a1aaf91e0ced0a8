// Shapes of the platform's signatures (数字签名) as server/src/modules/security/signing/signing.schemas.ts
// sends them, and the public calls the console makes.
import { api } from './client.ts';

/** A published signing key: the current one, or a retired one that still verifies old documents. */
export interface SigningKeyView {
  keyId: string;
  alg: 'SM2-SM3' | 'Ed25519';
  status: 'current' | 'retired';
  publicKeyPem: string;
  firstUsedAt: string;
  retiredAt: string | null;
}

/** GET /security/signing-keys. */
export interface SigningKeyList {
  /** The SM2 user id the signatures use (GM/T 0009 default). */
  sm2UserId: string;
  keys: SigningKeyView[];
}

/** The answer for a valid signature (a signature that does not verify is a 422 refusal). */
export interface VerifyResult {
  valid: true;
  alg: string;
  keyId: string;
  signedAt: string;
  keyStatus: 'current' | 'retired';
}

/** The signing calls the console makes; both routes are public. */
export const signingApi = {
  keys: (signal?: AbortSignal) => api.get<SigningKeyList>('/security/signing-keys', undefined, { signal }),
  verify: (envelope: Record<string, unknown>) =>
    api.post<VerifyResult>('/security/signatures/verify', envelope),
};
