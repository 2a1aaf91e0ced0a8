import { Type } from 'typebox';

/** A resource's catalog code (it holds a slash: send it as %2F in the path). */
export const ResourceParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });

/** A resource and a record key (several key items: their values in key order, comma-separated). */
export const RecordParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  key: Type.String({ minLength: 1, maxLength: 400 }),
});

const Fields = Type.String({
  maxLength: 2000,
  description: 'comma list of granted items (default: every one)',
});

/** Query of a lookup or pass-through call. */
export const LookupQuery = Type.Object(
  {
    signed: Type.Optional(Type.Boolean({ description: 'answer with the SM2-signed envelope (CQ19 §28)' })),
    fields: Type.Optional(Fields),
  },
  { additionalProperties: false },
);

/** Query of a filtered query: `fields`, `limit`, `after`, and filters `<field>=<op>.<value>`. */
export const RecordsQuery = Type.Object(
  {
    fields: Type.Optional(Fields),
    limit: Type.Optional(Type.Integer({ minimum: 1 })),
    after: Type.Optional(Type.String({ maxLength: 200, description: 'the cursor of the previous page' })),
  },
  {
    additionalProperties: Type.Union([
      Type.String({ maxLength: 4000 }),
      Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 20 }),
    ]),
  },
);

/** Query of an export. */
export const ExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('jsonl')], { default: 'csv' })),
    fields: Type.Optional(Fields),
  },
  { additionalProperties: false },
);

/** Query of the incremental changes. */
export const ChangesQuery = Type.Object(
  {
    since: Type.Optional(
      Type.String({ maxLength: 400, description: 'the cursor `next` of the previous answer' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1 })),
    fields: Type.Optional(Fields),
  },
  { additionalProperties: false },
);

const Values = Type.Record(Type.String(), Type.Unknown());
const KeyValues = Type.Record(Type.String(), Type.String());

/** A record by its key. */
export const LookupBody = Type.Object({
  resourceCode: Type.String(),
  grantId: Type.String(),
  purpose: Type.String(),
  key: KeyValues,
  record: Values,
  disputed: Type.Boolean(),
  correction: Type.Union([Type.Object({ id: Type.String(), state: Type.String() }), Type.Null()]),
  servedAt: Type.String(),
});

/** A record from the provider's own system. */
export const LiveBody = Type.Object({
  resourceCode: Type.String(),
  grantId: Type.String(),
  purpose: Type.String(),
  key: KeyValues,
  record: Values,
  source: Type.Literal('provider_system'),
  servedAt: Type.String(),
});

/** A page of a filtered query. */
export const QueryPage = Type.Object({
  items: Type.Array(Values),
  disputed: Type.Array(Type.Integer()),
  limit: Type.Integer(),
  next: Type.Union([Type.String(), Type.Null()]),
});

/** A page of changes. */
export const ChangesPage = Type.Object({
  changes: Type.Array(
    Type.Object({
      op: Type.Union([Type.Literal('upsert'), Type.Literal('delete')]),
      key: Values,
      record: Type.Optional(Values),
    }),
  ),
  version: Type.Integer(),
  more: Type.Boolean(),
  next: Type.String(),
});

/** What the caller's grant allows (the application's API documentation). */
export const ResourceDescription = Type.Object({
  resource: Type.Object({ code: Type.String(), name: Type.String(), id: Type.String() }),
  grant: Type.Object({
    id: Type.String(),
    basis: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
  }),
  purpose: Type.String(),
  key: Type.Array(Type.String()),
  items: Type.Array(
    Type.Object({
      fieldName: Type.String(),
      name: Type.String(),
      dataType: Type.String(),
      isKey: Type.Boolean(),
      masking: Values,
      maskingSource: Type.String(),
      filterOperators: Type.Array(Type.String()),
    }),
  ),
  rowConditions: Type.Array(Values),
  paging: Type.Object({ defaultPageSize: Type.Integer(), maxPageSize: Type.Integer() }),
  live: Type.Object({ registered: Type.Boolean(), timeoutMs: Type.Integer() }),
  signing: Type.Object({ accept: Type.String(), verify: Type.String(), keys: Type.String() }),
  examples: Type.Record(Type.String(), Type.String()),
});

/** What a provider registers for pass-through calls. */
export const ProviderSystemBody = Type.Object(
  {
    urlTemplate: Type.String({ minLength: 8, maxLength: 2000, description: 'http(s) URL with {key}' }),
    authHeader: Type.Optional(
      Type.Union([
        Type.Object(
          {
            name: Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }),
            value: Type.String({ minLength: 1, maxLength: 4096 }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);

/** A registered system as shown (never the header's value). */
export const ProviderSystem = Type.Object({
  resourceCode: Type.String(),
  urlTemplate: Type.String(),
  authHeaderName: Type.Union([Type.String(), Type.Null()]),
  authHeaderSet: Type.Boolean(),
  updatedAt: Type.String(),
  updatedByName: Type.Union([Type.String(), Type.Null()]),
});
