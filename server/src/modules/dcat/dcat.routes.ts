import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AppInstance } from '../../platform/http/types.ts';
import { RDF_MEDIA_TYPES, readCatalog, readDataset, serialize, type RdfFormat } from './dcat.service.ts';
import { requestOrigin } from './open-catalog.ts';

const tags = ['dcat'];
const CatalogQuery = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })) },
  { additionalProperties: false },
);
const DatasetParams = Type.Object({ file: Type.String({ minLength: 1, maxLength: 80 }) });

/** Picks Turtle or JSON-LD for an extension-less dataset IRI from the Accept header. */
function negotiated(accept: string | undefined): RdfFormat {
  return accept && /application\/(ld\+)?json/.test(accept) && !/text\/turtle/.test(accept) ? 'jsonld' : 'ttl';
}

/**
 * The open catalog as DCAT-AP 3 (public, open resources only): the whole catalog in pages of
 * DCAT_PAGE_SIZE datasets, and each dataset under its IRI `/catalog/datasets/{code with - for /}`.
 */
export async function dcatRoutes(app: AppInstance) {
  const db = app.platform.database.db;

  for (const format of ['ttl', 'jsonld'] as const) {
    app.get(
      `/catalog.${format}`,
      {
        config: { permission: 'public' },
        schema: {
          tags,
          summary: `The open catalog as DCAT-AP 3 (${format === 'ttl' ? 'Turtle' : 'JSON-LD'})`,
          querystring: CatalogQuery,
        },
      },
      async (request, reply) => {
        const quads = await readCatalog(db, request.ctx, {
          origin: requestOrigin(request),
          format,
          page: request.query.page ?? 1,
        });
        return reply.type(RDF_MEDIA_TYPES[format]).send(await serialize(quads, format));
      },
    );
  }

  app.get(
    '/catalog/datasets/:file',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: 'One open dataset as DCAT-AP 3: {code}.ttl, {code}.jsonld, or {code} by Accept',
        params: DatasetParams,
      },
    },
    async (request, reply) => {
      const match = /^([A-Za-z0-9-]+?)(?:\.(ttl|jsonld))?$/.exec(request.params.file);
      if (!match) throw new AppError(404, 'dcat.bad_file', { file: request.params.file });
      const format = (match[2] as RdfFormat | undefined) ?? negotiated(request.headers.accept);
      const quads = await readDataset(db, request.ctx, {
        origin: requestOrigin(request),
        format,
        slug: match[1]!,
      });
      if (!match[2]) reply.header('vary', 'Accept');
      return reply.type(RDF_MEDIA_TYPES[format]).send(await serialize(quads, format));
    },
  );
}
