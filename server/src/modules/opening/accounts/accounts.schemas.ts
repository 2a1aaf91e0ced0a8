import { Type, type Static } from 'typebox';

const Kind = Type.Union([Type.Literal('natural'), Type.Literal('organisation')], {
  description: 'natural: a person with a citizen ID; organisation: a body with a unified social credit code',
});
const Method = Type.Union([Type.Literal('check-digit'), Type.Literal('http')], {
  description: 'check-digit: structure and check digit only; http: the configured identity service',
});

/**
 * A registration. One object for both kinds, so that every mistake comes back as a field error
 * naming its field (a union would report each branch's complaints): natural persons give realName
 * and citizenId, organisations orgName, creditCode and contactName; the service checks which.
 */
export const RegisterBody = Type.Object(
  {
    kind: Kind,
    username: Type.String({ minLength: 1, maxLength: 63 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    mobile: Type.String({ minLength: 1, maxLength: 20, description: '11-digit mainland mobile number' }),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    realName: Type.Optional(Type.String({ maxLength: 100, description: 'natural: the real name' })),
    citizenId: Type.Optional(
      Type.String({ maxLength: 32, description: 'natural: citizen ID number (GB 11643, 18 characters)' }),
    ),
    orgName: Type.Optional(Type.String({ maxLength: 100, description: 'organisation: registered name' })),
    creditCode: Type.Optional(
      Type.String({ maxLength: 32, description: 'organisation: unified social credit code (GB 32100)' }),
    ),
    contactName: Type.Optional(Type.String({ maxLength: 100, description: 'organisation: contact person' })),
  },
  { additionalProperties: false },
);
/** A registration. */
export type RegisterBody = Static<typeof RegisterBody>;

/** The identity of an account as shown back: never the whole number. */
export const IdentitySummary = Type.Object({
  kind: Kind,
  verified: Type.Boolean(),
  method: Type.Union([Method, Type.Null()]),
  verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  maskedNumber: Type.String(),
});

/** The answer to a registration: the new account and its authenticated identity. */
export const Registered = Type.Object({
  user: Type.Object({
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    role: Type.Literal('public_user'),
  }),
  identity: IdentitySummary,
});
/** The answer to a registration. */
export type Registered = Static<typeof Registered>;

/** A public user's own account: who, how authenticated, how to reach them (masked). */
export const OpenMe = Type.Object({
  id: Type.String(),
  username: Type.String(),
  kind: Kind,
  displayName: Type.String(),
  contactName: Type.Union([Type.String(), Type.Null()]),
  identity: IdentitySummary,
  /** What the data routes go by: true only when the identity is authenticated. */
  identityVerified: Type.Boolean(),
  mobile: Type.Union([Type.String(), Type.Null()], { description: 'masked, e.g. 138****1234' }),
  email: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
/** A public user's own account. */
export type OpenMe = Static<typeof OpenMe>;

/** A personal API key as listed: never the key, only its first characters. */
export const PersonalKey = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tokenPrefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
/** A personal API key. */
export type PersonalKey = Static<typeof PersonalKey>;

/** A new personal key. */
export const CreateKeyBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'what the key is for, to tell keys apart',
    }),
    expiresInDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 3650, description: 'omitted: the key does not expire' }),
    ),
  },
  { additionalProperties: false },
);
/** A new personal key. */
export type CreateKeyBody = Static<typeof CreateKeyBody>;

/** The answer to creating a key: the key, shown this once. */
export const CreatedKey = Type.Object({ apiKey: PersonalKey, key: Type.String() });
