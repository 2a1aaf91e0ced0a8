import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/pagination.ts';

const NullableString = (format?: string) => Type.Union([Type.String(format ? { format } : {}), Type.Null()]);

/** An API key as listed: never the key itself, only its first characters. */
export const ApiKey = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  departmentName: Type.String(),
  application: Type.String(),
  tokenPrefix: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  createdByName: NullableString(),
  expiresAt: NullableString('date-time'),
  revokedAt: NullableString('date-time'),
  lastUsedAt: NullableString('date-time'),
});
/** An API key. */
export type ApiKey = Static<typeof ApiKey>;

/** Filters of the key list. */
export const ApiKeyQuery = Type.Object(
  { ...PageQuery.properties, departmentId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);

/** A new key for a department's application. */
export const CreateApiKeyBody = Type.Object(
  {
    /** Defaults to the caller's own department. */
    departmentId: Type.Optional(Type.String({ format: 'uuid' })),
    application: Type.String({ minLength: 1, maxLength: 100 }),
    expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  },
  { additionalProperties: false },
);

/** The answer to creating a key: the key, shown this once. */
export const CreatedApiKey = Type.Object({ apiKey: ApiKey, key: Type.String() });
