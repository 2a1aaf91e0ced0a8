import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { fetchPage } from '../../platform/db/paging.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CatalogSubmissionEntryTable, CatalogSubmissionTable } from './catalog.tables.ts';

/** A submission row as stored. */
export type SubmissionRow = Selectable<CatalogSubmissionTable>;
/** An entry row as stored. */
export type EntryRow = Selectable<CatalogSubmissionEntryTable>;

/** A region's parent and its data authority (a submission climbs the tree through them). */
export async function findRegionStep(db: Kysely<DB>, regionId: string) {
  return db
    .selectFrom('regions as g')
    .leftJoin('departments as a', (join) =>
      join.onRef('a.region_id', '=', 'g.id').on('a.kind', '=', 'authority'),
    )
    .select(['g.id', 'g.name', 'g.parent_id as parentId', 'a.id as authorityId', 'a.name as authorityName'])
    .where('g.id', '=', regionId)
    .executeTakeFirst();
}

/** Inserts a submission; returns its id. */
export async function insertSubmission(
  trx: Kysely<DB>,
  values: Omit<Insertable<CatalogSubmissionTable>, 'id' | 'state' | 'submitted_at'>,
): Promise<string> {
  const row = await trx
    .insertInto('catalog_submissions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts the entries of a submission. */
export async function insertEntries(
  trx: Kysely<DB>,
  entries: Omit<Insertable<CatalogSubmissionEntryTable>, 'id' | 'decision'>[],
): Promise<void> {
  if (entries.length > 0) await trx.insertInto('catalog_submission_entries').values(entries).execute();
}

/** Reads a submission and locks it until the transaction ends (concurrent reviews take turns). */
export function lockSubmission(trx: Kysely<DB>, id: string): Promise<SubmissionRow | undefined> {
  return trx
    .selectFrom('catalog_submissions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes a submission's state, holder or case. */
export async function updateSubmission(
  trx: Kysely<DB>,
  id: string,
  patch: Partial<Pick<SubmissionRow, 'state' | 'holder_region_id' | 'case_id' | 'reviewed_at'>>,
): Promise<void> {
  await trx.updateTable('catalog_submissions').set(patch).where('id', '=', id).execute();
}

function selectSubmissions(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_submissions as s')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .innerJoin('regions as h', 'h.id', 's.holder_region_id')
    .leftJoin('cases as c', 'c.id', 's.case_id')
    .select([
      's.id',
      's.department_id as departmentId',
      'd.name as departmentName',
      's.region_id as regionId',
      's.holder_region_id as holderRegionId',
      'h.name as holderRegionName',
      's.kind',
      's.state',
      's.note',
      's.case_id as caseId',
      'c.due_on as dueOn',
      'c.overdue',
      's.update_case_id as updateCaseId',
      's.submitted_by_name as submittedByName',
      's.submitted_at as submittedAt',
      's.reviewed_at as reviewedAt',
      sql<number>`(SELECT count(*) FROM catalog_submission_entries e WHERE e.submission_id = s.id)`.as(
        'entryCount',
      ),
      sql<number>`(SELECT count(*) FROM catalog_submission_entries e
                   WHERE e.submission_id = s.id AND e.decision = 'pending')`.as('pendingCount'),
    ]);
}

/** Reads one submission with its department, holder and counts. */
export function findSubmission(db: Kysely<DB>, id: string) {
  return selectSubmissions(db).where('s.id', '=', id).executeTakeFirst();
}

/** A submission with its department, holder and counts. */
export type SubmissionRecord = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

/** Filters of the submission list; `regionIds` / `departmentId` come from the reader's scope. */
export interface SubmissionFilter {
  state?: SubmissionRow['state'];
  departmentId?: string;
  holderRegionIds?: readonly string[];
  scope:
    | { kind: 'all' }
    | { kind: 'regions'; regionIds: readonly string[] }
    | { kind: 'department'; departmentId: string };
}

/** One page of submissions, newest first. */
export async function listSubmissions(
  db: Kysely<DB>,
  filter: SubmissionFilter,
  window: { offset: number; limit: number },
) {
  let query = selectSubmissions(db);
  const { scope } = filter;
  if (scope.kind === 'regions') {
    if (scope.regionIds.length === 0) return { rows: [], total: 0 };
    // An authority sees its regions' lists and those it holds (forwarded from below).
    query = query.where((eb) =>
      eb.or([eb('s.region_id', 'in', scope.regionIds), eb('s.holder_region_id', 'in', scope.regionIds)]),
    );
  }
  if (scope.kind === 'department') query = query.where('s.department_id', '=', scope.departmentId);
  if (filter.state) query = query.where('s.state', '=', filter.state);
  if (filter.departmentId) query = query.where('s.department_id', '=', filter.departmentId);
  if (filter.holderRegionIds) {
    if (filter.holderRegionIds.length === 0) return { rows: [], total: 0 };
    query = query.where('s.holder_region_id', 'in', filter.holderRegionIds);
  }
  return fetchPage(query, window, (q) => q.orderBy('s.submitted_at', 'desc').orderBy('s.id'));
}

/** The entries of a submission with their resources' codes, in the order submitted. */
export function listEntries(db: Kysely<DB>, submissionId: string) {
  return db
    .selectFrom('catalog_submission_entries as e')
    .innerJoin('catalog_resources as r', 'r.id', 'e.resource_id')
    .selectAll('e')
    .select(['r.code', 'r.published_revision_id as publishedRevisionId'])
    .where('e.submission_id', '=', submissionId)
    .orderBy('r.code')
    .execute();
}

/** Records a decision on an entry. */
export async function decideEntry(
  trx: Kysely<DB>,
  id: string,
  values: Pick<EntryRow, 'decision' | 'reason' | 'decided_by' | 'decided_by_name' | 'supplementary'>,
): Promise<void> {
  await trx
    .updateTable('catalog_submission_entries')
    .set({ ...values, decided_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Resources among these that already have a removal waiting: pending in a submission still under
 * review, or approved and not yet published.
 */
export async function resourcesWithOpenRemoval(trx: Kysely<DB>, resourceIds: string[]): Promise<Set<string>> {
  if (resourceIds.length === 0) return new Set();
  const rows = await trx
    .selectFrom('catalog_submission_entries as e')
    .innerJoin('catalog_submissions as s', 's.id', 'e.submission_id')
    .select('e.resource_id')
    .where('e.resource_id', 'in', resourceIds)
    .where('e.change', '=', 'remove')
    .where((eb) =>
      eb.or([
        eb.and([eb('e.decision', '=', 'pending'), eb('s.state', '=', 'pending')]),
        eb.and([eb('e.decision', '=', 'approved'), eb('e.version_number', 'is', null)]),
      ]),
    )
    .execute();
  return new Set(rows.map((row) => row.resource_id));
}

/** Entries approved into supplementary catalogs of these regions, newest first. */
export function listSupplementEntries(
  db: Kysely<DB>,
  filter: { regionIds: readonly string[]; acknowledged?: boolean },
) {
  if (filter.regionIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('catalog_submission_entries as e')
    .innerJoin('catalog_resources as r', 'r.id', 'e.resource_id')
    .innerJoin('regions as g', 'g.id', 'r.supplementary_region_id')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('catalog_revisions as v', 'v.id', 'e.revision_id')
    .select([
      'e.id',
      'e.resource_id as resourceId',
      'r.code',
      'v.name',
      'd.name as departmentName',
      'g.id as regionId',
      'g.name as regionName',
      'e.decided_by_name as decidedByName',
      'e.decided_at as decidedAt',
      'e.version_number as versionNumber',
      'e.acknowledged_at as acknowledgedAt',
      'e.acknowledged_by_name as acknowledgedByName',
    ])
    .where('e.supplementary', '=', true)
    .where('e.decision', '=', 'approved')
    .where('r.supplementary_region_id', 'in', filter.regionIds);
  if (filter.acknowledged !== undefined)
    query = query.where('e.acknowledged_at', filter.acknowledged ? 'is not' : 'is', null);
  return query.orderBy('e.decided_at', 'desc').orderBy('e.id').limit(1000).execute();
}

/** Records the upper authority's acknowledgement of supplementary filings; returns the entries marked. */
export function acknowledgeEntries(trx: Kysely<DB>, ids: string[], by: { id: string; name: string }) {
  return trx
    .updateTable('catalog_submission_entries')
    .set({ acknowledged_at: sql<Date>`now()`, acknowledged_by: by.id, acknowledged_by_name: by.name })
    .where('id', 'in', ids)
    .where('supplementary', '=', true)
    .where('acknowledged_at', 'is', null)
    .returning(['id', 'resource_id'])
    .execute();
}
