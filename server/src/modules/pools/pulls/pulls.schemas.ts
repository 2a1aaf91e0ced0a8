import { Type, type Static } from 'typebox';
import { Batch } from '../pools.schemas.ts';

/** `:resourceId/:pullId`. */
export const PullParams = Type.Object({
  resourceId: Type.String({ format: 'uuid' }),
  pullId: Type.String({ format: 'uuid' }),
});

const Mode = Type.Union([Type.Literal('replace'), Type.Literal('upsert')]);
const Kind = Type.Union([Type.Literal('postgres'), Type.Literal('http')]);
const HeaderName = Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$', description: 'e.g. Authorization' });

const fields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Kind,
  url: Type.String({
    minLength: 1,
    maxLength: 2000,
    description: 'postgres://user[:password]@host:port/database, or an http(s) URL answering JSON',
  }),
  query: Type.Optional(
    Type.Union([Type.String({ maxLength: 20_000 }), Type.Null()], {
      description: 'postgres: one SELECT whose column names are the field names',
    }),
  ),
  headerName: Type.Optional(Type.Union([HeaderName, Type.Null()])),
  secret: Type.Optional(
    Type.Union([Type.String({ maxLength: 4000 }), Type.Null()], {
      description:
        'The database password, or the header value (a token). Never returned; left out on a change, kept',
    }),
  ),
  mode: Mode,
  intervalMinutes: Type.Integer({ description: 'Minutes between runs (5 at least)' }),
  enabled: Type.Optional(Type.Boolean({ default: true })),
};

/** A pull to register. */
export const PullBody = Type.Object(fields, { additionalProperties: false });
/** Body of a registration. */
export type PullBody = Static<typeof PullBody>;

/** A change of a pull: some or all of its fields. */
export const PullPatch = Type.Partial(Type.Object(fields), { additionalProperties: false, minProperties: 1 });

/** A pull as shown: its secret masked. */
export const Pull = Type.Object({
  id: Type.String(),
  resourceId: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  url: Type.String({ description: 'Without the password' }),
  query: Type.Union([Type.String(), Type.Null()]),
  headerName: Type.Union([Type.String(), Type.Null()]),
  secret: Type.Union([Type.Literal('******'), Type.Null()], { description: 'Masked: whether one is set' }),
  mode: Type.String(),
  intervalMinutes: Type.Integer(),
  enabled: Type.Boolean(),
  running: Type.Boolean(),
  nextRunAt: Type.String(),
  lastRunAt: Type.Union([Type.String(), Type.Null()]),
  lastState: Type.Union([Type.Literal('loaded'), Type.Literal('failed'), Type.Null()]),
  lastFailure: Type.Union([Type.String(), Type.Null()]),
  lastFailureMessage: Type.Union([Type.String(), Type.Null()]),
  lastBatch: Type.Union([Batch, Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
});

/** How a run is asked for. */
export const RunQuery = Type.Object({
  wait: Type.Optional(Type.Boolean({ default: false, description: 'Answer when the batch has ended' })),
});

/** Records an upper-level platform sends back (回流). */
export const ReturnBody = Type.Object(
  {
    origin: Type.String({ minLength: 1, maxLength: 500, description: "The upper platform's name or URL" }),
    records: Type.Array(Type.Record(Type.String(), Type.Unknown()), { minItems: 1 }),
  },
  { additionalProperties: false },
);
