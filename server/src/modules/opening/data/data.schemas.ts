import { Type } from 'typebox';
import { DOWNLOAD_FORMATS } from './data.service.ts';

const Fields = Type.String({
  maxLength: 2000,
  description: 'Comma-separated field names to return (default: every item of the dataset)',
});

/** Path of a dataset's data routes. */
export const DatasetParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** Query of a download. */
export const DownloadQuery = Type.Object(
  {
    format: Type.Optional(
      Type.Union(
        DOWNLOAD_FORMATS.map((format) => Type.Literal(format)),
        { default: 'csv', description: 'csv (COPY-compatible, formulas neutralised), json, xlsx or jsonl' },
      ),
    ),
    fields: Type.Optional(Fields),
  },
  { additionalProperties: false },
);

/** Query of the records API: fields, limit, after, and `<field>=<condition>` filters. */
export const OpenRecordsQuery = Type.Object(
  {
    fields: Type.Optional(Fields),
    limit: Type.Optional(Type.Integer({ minimum: 1 })),
    after: Type.Optional(Type.String({ maxLength: 200, description: 'the cursor `next` of the previous page' })),
  },
  {
    additionalProperties: Type.Union([
      Type.String({ maxLength: 4000 }),
      Type.Array(Type.String({ maxLength: 4000 }), { maxItems: 20 }),
    ]),
  },
);

const Values = Type.Record(Type.String(), Type.Unknown());

/** A page of the records API. */
export const OpenRecordsPage = Type.Object({
  items: Type.Array(Values),
  limit: Type.Integer(),
  next: Type.Union([Type.String(), Type.Null()]),
});

/** The preview of a dataset. */
export const OpenPreview = Type.Object({
  items: Type.Array(Type.Object({ field: Type.String(), name: Type.String(), masked: Type.Boolean() })),
  rows: Type.Array(Values),
});
