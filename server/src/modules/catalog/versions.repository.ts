import { sql, type Kysely } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CatalogVersionChangeTable } from './catalog.tables.ts';

/**
 * The revision each entry changed from: for a published entry, the one its version replaced; for an
 * entry not yet published, the resource's current published revision (null for a new resource).
 */
export async function previousRevisionIds(
  db: Kysely<DB>,
  entries: {
    id: string;
    resource_id: string;
    version_number: number | null;
    publishedRevisionId: string | null;
  }[],
): Promise<Map<string, string | null>> {
  const published = entries.filter((e) => e.version_number !== null);
  const changes = published.length
    ? await db
        .selectFrom('catalog_version_changes')
        .select(['version_number', 'resource_id', 'previous_revision_id'])
        .where((eb) =>
          eb.or(
            published.map((e) =>
              eb.and([eb('version_number', '=', e.version_number!), eb('resource_id', '=', e.resource_id)]),
            ),
          ),
        )
        .execute()
    : [];
  const byKey = new Map(changes.map((c) => [`${c.version_number}:${c.resource_id}`, c.previous_revision_id]));
  return new Map(
    entries.map((e) => [
      e.id,
      e.version_number !== null
        ? (byKey.get(`${e.version_number}:${e.resource_id}`) ?? null)
        : e.publishedRevisionId,
    ]),
  );
}

/** Approved changes not yet in a version, oldest decision first, with their resources. */
export function approvedUnpublished(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_submission_entries as e')
    .innerJoin('catalog_resources as r', 'r.id', 'e.resource_id')
    .innerJoin('catalog_submissions as s', 's.id', 'e.submission_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('catalog_revisions as v', 'v.id', 'e.revision_id')
    .select([
      'e.id',
      'e.resource_id as resourceId',
      'e.revision_id as revisionId',
      'e.change',
      'e.decided_at as decidedAt',
      'e.decided_by_name as decidedByName',
      'r.code',
      'r.published_revision_id as publishedRevisionId',
      'd.name as departmentName',
      'v.name as revisionName',
      's.id as submissionId',
    ])
    .where('e.decision', '=', 'approved')
    .where('e.version_number', 'is', null)
    .orderBy('e.decided_at')
    .orderBy('e.id')
    .execute();
}

/**
 * The number the next version gets. The transaction-scoped advisory lock makes two publications
 * take turns, so each version holds the approvals the one before did not.
 */
export async function lockNextVersionNumber(trx: Kysely<DB>): Promise<number> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('zhengshu.catalog.publish'))`.execute(trx);
  const row = await trx
    .selectFrom('catalog_versions')
    .select((eb) => eb.fn.max('number').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Records a version with its counts. */
export async function insertVersion(
  trx: Kysely<DB>,
  values: {
    number: number;
    publishedBy: string;
    publishedByName: string;
    note: string | null;
    added: number;
    changed: number;
    removed: number;
  },
): Promise<void> {
  await trx
    .insertInto('catalog_versions')
    .values({
      number: values.number,
      published_by: values.publishedBy,
      published_by_name: values.publishedByName,
      note: values.note,
      added: values.added,
      changed: values.changed,
      removed: values.removed,
    })
    .execute();
}

/** Records what a version changed. */
export async function insertVersionChanges(
  trx: Kysely<DB>,
  changes: CatalogVersionChangeTable[],
): Promise<void> {
  if (changes.length > 0) await trx.insertInto('catalog_version_changes').values(changes).execute();
}

/** Marks submission entries as published in a version. */
export async function markEntriesPublished(
  trx: Kysely<DB>,
  ids: string[],
  versionNumber: number,
): Promise<void> {
  if (ids.length > 0)
    await trx
      .updateTable('catalog_submission_entries')
      .set({ version_number: versionNumber })
      .where('id', 'in', ids)
      .execute();
}

/** One page of versions, newest first. */
export function listVersions(db: Kysely<DB>, window: { offset: number; limit: number }) {
  return fetchPage(db.selectFrom('catalog_versions').selectAll(), window, (q) => q.orderBy('number', 'desc'));
}

/** One version. */
export function findVersion(db: Kysely<DB>, number: number) {
  return db.selectFrom('catalog_versions').selectAll().where('number', '=', number).executeTakeFirst();
}

/** What a version changed, by resource code. */
export function versionChanges(db: Kysely<DB>, number: number) {
  return db
    .selectFrom('catalog_version_changes as c')
    .innerJoin('catalog_resources as r', 'r.id', 'c.resource_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .selectAll('c')
    .select(['r.code', 'd.name as departmentName'])
    .where('c.version_number', '=', number)
    .orderBy('r.code')
    .execute();
}

/** Every version that changed a resource, oldest first. */
export function resourceChanges(db: Kysely<DB>, resourceId: string) {
  return db
    .selectFrom('catalog_version_changes as c')
    .innerJoin('catalog_versions as v', 'v.number', 'c.version_number')
    .selectAll('c')
    .select(['v.published_at as publishedAt', 'v.published_by_name as publishedByName', 'v.note'])
    .where('c.resource_id', '=', resourceId)
    .orderBy('c.version_number')
    .execute();
}

/** Each department's number of published resources and their average quality score. */
export function departmentQuality(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_entries as e')
    .innerJoin('departments as d', 'd.id', 'e.department_id')
    .select((eb) => [
      'd.id as departmentId',
      'd.name as departmentName',
      eb.fn.countAll<number>().as('resources'),
      eb.fn.avg<number>('e.quality_score').as('average'),
    ])
    .groupBy(['d.id', 'd.name'])
    .orderBy('d.name')
    .execute();
}
