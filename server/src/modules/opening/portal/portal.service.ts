// The open-data portal's public pages (issue 7): the home page and a dataset's page. Both read the
// open catalog only; a resource that is not open, not published or not passed by its secrecy review
// is "not found", exactly like one that does not exist. Every page read is on the audit trail.
import type { Kysely } from 'kysely';
import { recordAudit, type AuditEntry } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { relaxCommit } from '../../catalog/entries.repository.ts';
import { loadOpenDatasets, type OpenDataset } from '../../dcat/open-catalog.repository.ts';
import { accessPoints, isUuid, landingPageUrl } from '../../dcat/open-catalog.ts';
import { measureTable, type TableQuality } from '../../pools/quality/quality.measure-table.ts';
import { percent } from '../../pools/quality/quality.measures.ts';
import { findQualityTable, type QualityTableRow } from '../../pools/quality/quality.repository.ts';
import { TtlCache } from './portal.cache.ts';
import {
  cardsByIds,
  homeSummary,
  loadedVersions,
  newestCards,
  popularCards,
  sameClassCards,
  type CardRow,
} from './portal.repository.ts';
import type { DatasetCard, DatasetPage, HomePage } from './portal.schemas.ts';
import { popularSince, usageOf } from './usage.repository.ts';
import { publicEmergency } from '../emergencies/emergencies.reads.ts';
import { publicSuspension } from '../objections/suspensions.service.ts';
import './portal.messages.ts';

/** Cards on each of the home page's lists. */
export const HOME_CARDS = 8;
/** Related datasets shown on a dataset page at most. */
export const RELATED_CARDS = 6;
/** Loaded versions listed in a dataset's update history. */
export const HISTORY_VERSIONS = 20;
/** How long a measured data quality is reused for the same version of a table (timeliness drifts by days). */
export const QUALITY_TTL_MS = 60 * 60_000;

/** A table's data quality as measured once, with when. */
export interface MeasuredQuality {
  quality: TableQuality;
  measuredAt: Date;
}

/** What the portal keeps between requests (per app). */
export interface PortalCaches {
  quality: TtlCache<MeasuredQuality>;
}

/** Fresh caches for an app. */
export function portalCaches(): PortalCaches {
  return { quality: new TtlCache(QUALITY_TTL_MS, 500) };
}

/** The 404 of a dataset that is unknown, not open or not published. */
export const datasetNotFound = () => new AppError(404, 'open.portal.not_found');

/**
 * Puts a page read on the audit trail, in its own transaction that need not wait for the disk (as
 * catalog searches do, see relaxCommit): these events record reads of published metadata.
 */
export async function auditRead(db: Kysely<DB>, context: RequestContext, entry: AuditEntry): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await relaxCommit(trx);
    await recordAudit(trx, context, entry);
  });
}

const iso = (value: Date | string) => new Date(value).toISOString();

function presentCard(row: CardRow): DatasetCard {
  return {
    id: row.resource_id,
    code: row.code,
    name: row.name,
    abstract: row.abstract,
    provider: { id: row.department_id, name: row.department_name },
    openType: row.open_type,
    formats: row.formats,
    modifiedAt: iso(row.modified_at),
    downloads: row.downloads,
    apiCalls: row.api_calls,
  };
}

/**
 * The home page: counts, the newest datasets, the most used of the last POPULAR_DAYS days (filled
 * up with the newest when fewer were used), themes and providing departments.
 */
export async function readHome(db: Kysely<DB>, context: RequestContext, now = new Date()): Promise<HomePage> {
  const since = popularSince(now);
  const summary = await homeSummary(db);
  const newest = await newestCards(db, HOME_CARDS);
  const popular = await popularCards(db, since, HOME_CARDS);
  const taken = new Set(popular.map((row) => row.resource_id));
  for (const row of newest) {
    if (popular.length >= HOME_CARDS) break;
    if (!taken.has(row.resource_id)) popular.push(row);
  }
  await auditRead(db, context, {
    action: 'open.portal.home.read',
    targetType: 'open_catalog',
    detail: { datasets: summary.datasets },
  });
  return {
    counts: {
      datasets: summary.datasets,
      departments: summary.departments,
      downloads: summary.downloads,
      apiCalls: summary.apiCalls,
      records: summary.records,
    },
    newest: newest.map(presentCard),
    popular: popular.map(presentCard),
    popularSince: since,
    themes: summary.themes,
    departments: summary.providers,
  };
}

/** The open dataset with this id, or a 404 (also for an id that is not a uuid). */
export async function loadOpenDataset(db: Kysely<DB>, id: string): Promise<OpenDataset> {
  const [dataset] = isUuid(id) ? await loadOpenDatasets(db, { ids: [id] }) : [];
  if (!dataset) throw datasetNotFound();
  return dataset;
}

/** The data quality of a loaded table, measured at most once per version and QUALITY_TTL_MS. */
async function qualityOf(db: Kysely<DB>, caches: PortalCaches, table: QualityTableRow) {
  const key = `${table.resource_id}:${table.current_version}`;
  const measured = await caches.quality.get(key, async () => {
    const measuredAt = new Date();
    return { quality: await measureTable(db, table, measuredAt), measuredAt };
  });
  const { quality: q, measuredAt } = measured;
  return {
    score: q.score,
    completeness: percent(q.weightedCompleteness),
    validity: percent(q.validity),
    uniqueness: percent(q.uniqueness),
    consistency: percent(q.consistency),
    timeliness: percent(q.timeliness.share),
    rows: q.rows,
    examinedRows: q.examinedRows,
    sampled: q.sampled,
    overdue: q.timeliness.overdue,
    measuredAt: measuredAt.toISOString(),
  };
}

/** Related open datasets: the ones the catalog names first, then others of the same 项. */
async function relatedCards(db: Kysely<DB>, dataset: OpenDataset): Promise<CardRow[]> {
  const named = await cardsByIds(db, dataset.related.map((r) => r.id).slice(0, RELATED_CARDS));
  const own = dataset.classPath.at(-1)?.code ?? '';
  const item = dataset.classPath.find((c) => c.level === 2)?.code ?? own;
  if (named.length >= RELATED_CARDS || !item) return named;
  const more = await sameClassCards(
    db,
    { id: dataset.id, classCode: own, prefix: item },
    named.map((row) => row.resource_id),
    RELATED_CARDS - named.length,
  );
  return [...named, ...more];
}

/** What a dataset page needs besides the database. */
export interface PageEnv {
  origin: string;
  caches: PortalCaches;
}

/**
 * The page of an open dataset: its open-catalog entry, access points, data quality, update history
 * (loaded versions: when, rows, how — never who), use, and related open datasets.
 */
export async function readDatasetPage(
  db: Kysely<DB>,
  context: RequestContext,
  env: PageEnv,
  id: string,
  now = new Date(),
): Promise<DatasetPage> {
  const dataset = await loadOpenDataset(db, id);
  const table = await findQualityTable(db, dataset.id);
  const loaded = table && table.current_version > 0 ? table : undefined;
  const quality = loaded ? await qualityOf(db, env.caches, loaded) : null;
  const batches = loaded ? await loadedVersions(db, dataset.id, HISTORY_VERSIONS) : [];
  const usage = await usageOf(db, dataset.id, popularSince(now));
  const related = await relatedCards(db, dataset);
  const suspension = await publicSuspension(db, dataset.id);
  const emergency = await publicEmergency(db, dataset.id);
  await auditRead(db, context, {
    action: 'open.portal.dataset.read',
    targetType: 'catalog_resource',
    targetId: dataset.id,
    departmentId: dataset.provider.id,
    detail: { code: dataset.code },
  });
  return {
    id: dataset.id,
    code: dataset.code,
    name: dataset.name,
    abstract: dataset.abstract,
    keywords: dataset.keywords,
    provider: { id: dataset.provider.id, name: dataset.provider.name },
    classPath: dataset.classPath.map(({ code, name, level, kind }) => ({ code, name, level, kind })),
    openType: dataset.openType,
    openCondition: dataset.openCondition,
    openMethods: dataset.openMethods,
    openBasis: dataset.openBasis,
    usageRequirements: dataset.usageRequirements,
    formatType: dataset.formatType,
    formats: dataset.formats,
    updateCycle: dataset.updateCycle,
    updateCycleNote: dataset.updateCycleNote,
    publishedAt: dataset.publishedAt.toISOString(),
    modifiedAt: dataset.modifiedAt.toISOString(),
    versionNumber: dataset.versionNumber,
    temporalStart: dataset.temporalStart,
    temporalEnd: dataset.temporalEnd,
    contact: dataset.contact,
    items: dataset.items.map(({ fieldName, name, dataType, length, scale, description }) => ({
      fieldName,
      name,
      dataType,
      length,
      scale,
      description,
    })),
    landingPage: landingPageUrl(env.origin, dataset.id),
    accessPoints: accessPoints(dataset, env.origin),
    quality,
    history: {
      records: quality?.rows ?? 0,
      dataUpdatedAt: loaded?.data_updated_at ? iso(loaded.data_updated_at) : null,
      versions: loaded?.current_version ?? 0,
      batches: batches.map((batch) => ({
        version: batch.version,
        loadedAt: batch.loaded_at.toISOString(),
        mode: batch.mode,
        rows: batch.rows_loaded,
        replaced: batch.rows_replaced,
      })),
    },
    usage,
    related: related.map(presentCard),
    suspension: suspension && { ...suspension, since: suspension.since.toISOString() },
    emergency,
  };
}
