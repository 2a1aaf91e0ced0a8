import type { Kysely } from 'kysely';
import { Writer, type Quad } from 'n3';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import { catalogGraph, datasetGraph, PREFIXES } from './dcat.graph.ts';
import { toJsonLd } from './dcat.jsonld.ts';
import './dcat.messages.ts';
import { codeFromSlug, codeSlug } from './open-catalog.ts';
import {
  findOpenIdByCode,
  findTopAuthority,
  loadOpenDatasets,
  openCatalogSummary,
} from './open-catalog.repository.ts';

/** The serialisations offered: Turtle and JSON-LD of the same graph. */
export type RdfFormat = 'ttl' | 'jsonld';

/** Media types of the serialisations. */
export const RDF_MEDIA_TYPES: Record<RdfFormat, string> = {
  ttl: 'text/turtle; charset=utf-8',
  jsonld: 'application/ld+json; charset=utf-8',
};

/**
 * Datasets per page of /catalog.ttl and /catalog.jsonld. A page is built in memory (its graph
 * and text); larger catalogs are read page by page through the Hydra links in each page.
 */
export const DCAT_PAGE_SIZE = 500;

/** Writes quads as Turtle with the DCAT prefixes. */
export function toTurtle(quads: Quad[]): Promise<string> {
  const writer = new Writer({ prefixes: PREFIXES });
  // Grouped by subject (in order of first appearance) so that each node is written as one block.
  const bySubject = new Map<string, Quad[]>();
  for (const quad of quads) {
    const key = `${quad.subject.termType}:${quad.subject.value}`;
    const list = bySubject.get(key);
    if (list) list.push(quad);
    else bySubject.set(key, [quad]);
  }
  for (const list of bySubject.values()) writer.addQuads(list);
  return new Promise((resolve, reject) =>
    writer.end((error: Error | null, result: string) => (error ? reject(error) : resolve(result))),
  );
}

/** Serialises quads in the asked format. */
export async function serialize(quads: Quad[], format: RdfFormat): Promise<string> {
  return format === 'ttl' ? toTurtle(quads) : JSON.stringify(toJsonLd(quads));
}

/** The open catalog (one page of datasets) as DCAT-AP quads; the read is audited. */
export async function readCatalog(
  db: Kysely<DB>,
  context: RequestContext,
  options: { origin: string; format: RdfFormat; page: number },
): Promise<Quad[]> {
  return db.transaction().execute(async (trx) => {
    const [summary, authority, datasets] = await Promise.all([
      openCatalogSummary(trx),
      findTopAuthority(trx),
      loadOpenDatasets(trx, { offset: (options.page - 1) * DCAT_PAGE_SIZE, limit: DCAT_PAGE_SIZE }),
    ]);
    const quads = catalogGraph(
      options.origin,
      {
        regionName: authority?.regionName ?? null,
        publisher: authority
          ? { name: authority.name, creditCode: authority.creditCode }
          : { name: '政数平台', creditCode: null },
        modifiedAt: summary.modifiedAt,
      },
      datasets,
      {
        page: options.page,
        pageSize: DCAT_PAGE_SIZE,
        total: summary.total,
        documentUrl: `${options.origin}/catalog.${options.format}`,
      },
    );
    await recordAudit(trx, context, {
      action: 'dcat.catalog.read',
      targetType: 'catalog',
      detail: { format: options.format, page: options.page, datasets: datasets.length },
    });
    return quads;
  });
}

/**
 * One open dataset as DCAT-AP quads, found by its code's URL form (`101001-000001`). A resource
 * that is not open is not found, exactly like one that does not exist.
 */
export async function readDataset(
  db: Kysely<DB>,
  context: RequestContext,
  options: { origin: string; format: RdfFormat; slug: string },
): Promise<Quad[]> {
  return db.transaction().execute(async (trx) => {
    const code = codeFromSlug(options.slug);
    const id = codeSlug(code) === options.slug ? await findOpenIdByCode(trx, code) : undefined;
    const [dataset] = id ? await loadOpenDatasets(trx, { ids: [id] }) : [];
    if (!dataset) throw notFound('dcat.what.dataset');
    await recordAudit(trx, context, {
      action: 'dcat.dataset.read',
      targetType: 'catalog_resource',
      targetId: dataset.id,
      departmentId: dataset.provider.id,
      detail: { code: dataset.code, format: options.format },
    });
    return datasetGraph(options.origin, dataset);
  });
}
