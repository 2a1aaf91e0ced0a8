import { Type } from 'typebox';

/** A published signing key. */
export const SigningKeyView = Type.Object({
  keyId: Type.String({
    description: 'Fingerprint: hash name and the first 16 bytes of the hash of the SPKI DER',
  }),
  alg: Type.Union([Type.Literal('SM2-SM3'), Type.Literal('Ed25519')]),
  status: Type.Union([Type.Literal('current'), Type.Literal('retired')]),
  publicKeyPem: Type.String({ description: 'SubjectPublicKeyInfo PEM' }),
  firstUsedAt: Type.String({ format: 'date-time' }),
  retiredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** The list of published keys. */
export const SigningKeyList = Type.Object({
  /** SM2 signatures use this user id (GM/T 0009 default). */
  sm2UserId: Type.String(),
  keys: Type.Array(SigningKeyView),
});

/** A signed envelope as received; its fields are checked by the verifier, which says what is wrong. */
export const EnvelopeBody = Type.Object(
  {},
  { additionalProperties: true, description: 'A zhengshu-signed/1 envelope' },
);

/** The answer for a valid signature. */
export const VerifyResult = Type.Object({
  valid: Type.Literal(true),
  alg: Type.String(),
  keyId: Type.String(),
  signedAt: Type.String(),
  keyStatus: Type.Union([Type.Literal('current'), Type.Literal('retired')]),
});
