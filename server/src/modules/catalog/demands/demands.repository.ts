import { openEffectiveSql } from '../../security/reviews/reviews.effect.ts';
import { sql, type Insertable, type Kysely, type Selectable, type Updateable } from 'kysely';
import { fetchPage } from '../../../platform/db/paging.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { QueryWord } from '../../../platform/search/segmenter.ts';
import type {
  CatalogDemandAnswerTable,
  CatalogDemandCandidateTable,
  CatalogDemandTable,
  DemandKind,
  DemandState,
} from './demands.tables.ts';

/** A demand row as stored. */
export type DemandRow = Selectable<CatalogDemandTable>;

/** Inserts a demand; returns its id. */
export async function insertDemand(
  trx: Kysely<DB>,
  values: Omit<Insertable<CatalogDemandTable>, 'state' | 'created_at' | 'updated_at'>,
): Promise<string> {
  const row = await trx
    .insertInto('catalog_demands')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Reads a demand and locks it until the transaction ends (two answers at once take turns). */
export function lockDemand(trx: Kysely<DB>, id: string): Promise<DemandRow | undefined> {
  return trx.selectFrom('catalog_demands').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Changes a demand's state or provider. */
export async function updateDemand(
  trx: Kysely<DB>,
  id: string,
  patch: Pick<Updateable<CatalogDemandTable>, 'state' | 'provider_id' | 'provider_case_id'>,
): Promise<void> {
  await trx
    .updateTable('catalog_demands')
    .set({ ...patch, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Stores the candidates found for a demand. */
export async function insertCandidates(trx: Kysely<DB>, rows: CatalogDemandCandidateTable[]): Promise<void> {
  if (rows.length > 0) await trx.insertInto('catalog_demand_candidates').values(rows).execute();
}

/** Appends an answer to a demand. */
export async function insertAnswer(
  trx: Kysely<DB>,
  values: Omit<Insertable<CatalogDemandAnswerTable>, 'id' | 'answered_at'>,
): Promise<void> {
  await trx.insertInto('catalog_demand_answers').values(values).execute();
}

// One word of the query as a tsquery: the word itself, or all of its pieces (see segmenter.ts). The
// text goes through plainto_tsquery as a parameter, so no user text is parsed as tsquery syntax.
function wordQuery(word: QueryWord) {
  const one = (text: string) => sql`plainto_tsquery('simple'::regconfig, ${text}::text)`;
  return word.pieces.length > 0 ? sql`(${one(word.word)} || ${one(word.pieces.join(' '))})` : one(word.word);
}

/**
 * The published resources whose search text shares the most words with a demand, best first. Unlike
 * the catalog search (entries.repository.ts, where every word must match), a single word may match here:
 * a demand's description is prose, not a query; ts_rank weighs how many words match and where. `audience` keeps resources the requester could use: shared ones
 * for a department, open ones for the public.
 */
export async function searchCandidates(
  db: Kysely<DB>,
  words: QueryWord[],
  audience: 'share' | 'open',
  limit: number,
): Promise<{ resourceId: string; score: number }[]> {
  if (words.length === 0) return [];
  const query = sql.join(words.map(wordQuery), sql` || `);
  // Only resources whose attributes are in effect (passed secrecy review) can answer a demand.
  const usable =
    audience === 'share' ? sql`e.share_type <> 'none' AND e.share_review_passed` : openEffectiveSql('e');
  const result = await sql<{ resourceId: string; score: number }>`
    SELECT e.resource_id AS "resourceId", ts_rank(e.search_vector, q.query) AS score
    FROM (SELECT ${query} AS query OFFSET 0) q, catalog_entries e
    WHERE e.search_vector @@ q.query AND ${usable}
    ORDER BY score DESC, e.code
    LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => ({ resourceId: row.resourceId, score: Number(row.score) }));
}

/** Resources by id with their published row, when there is one (for matching, linking and presenting). */
export async function findResources(db: Kysely<DB>, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('catalog_resources as r')
    .leftJoin('catalog_entries as e', 'e.resource_id', 'r.id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.id',
      'r.code',
      'r.department_id as departmentId',
      'd.name as departmentName',
      'r.status',
      'e.name',
      'e.share_type as shareType',
      'e.open_type as openType',
    ])
    .where('r.id', 'in', ids)
    .execute();
}

/** A resource as `findResources` returns it. */
export type ResourceRef = Awaited<ReturnType<typeof findResources>>[number];

/** The candidates stored for a demand, best first. */
export function listCandidates(db: Kysely<DB>, demandId: string) {
  return db
    .selectFrom('catalog_demand_candidates')
    .select(['resource_id as resourceId', 'rank', 'score'])
    .where('demand_id', '=', demandId)
    .orderBy('rank')
    .execute();
}

/** A demand's answers, oldest first, with the names of the answering and routed-to departments. */
export function listAnswers(db: Kysely<DB>, demandId: string) {
  return db
    .selectFrom('catalog_demand_answers as a')
    .innerJoin('departments as d', 'd.id', 'a.department_id')
    .leftJoin('departments as p', 'p.id', 'a.provider_id')
    .select([
      'a.step',
      'a.department_id as departmentId',
      'd.name as departmentName',
      'a.answered_by_name as answeredByName',
      'a.answered_at as answeredAt',
      'a.reason',
      'a.note',
      'a.provider_id as providerId',
      'p.name as providerName',
      'a.resource_ids as resourceIds',
    ])
    .where('a.demand_id', '=', demandId)
    .orderBy('a.id')
    .execute();
}

/** An answer as `listAnswers` returns it. */
export type AnswerRecord = Awaited<ReturnType<typeof listAnswers>>[number];

function selectDemands(db: Kysely<DB>) {
  return (
    db
      .selectFrom('catalog_demands as m')
      .innerJoin('departments as a', 'a.id', 'm.authority_id')
      .leftJoin('departments as r', 'r.id', 'm.requester_department_id')
      .leftJoin('departments as p', 'p.id', 'm.provider_id')
      .leftJoin('departments as s', 's.id', 'm.suggested_provider_id')
      // The case that waits now: the provider's once routed, else the authority's.
      .innerJoin('cases as c', (join) =>
        join.on('c.id', '=', sql<string>`coalesce(m.provider_case_id, m.case_id)`),
      )
      .selectAll('m')
      .select([
        'a.name as authorityName',
        'r.name as requesterDepartmentName',
        'p.name as providerName',
        's.name as suggestedProviderName',
        'c.due_on as dueOn',
        'c.overdue',
      ])
  );
}

/** A demand with its departments' names and the due date of the case that waits now. */
export function findDemand(db: Kysely<DB>, id: string) {
  return selectDemands(db).where('m.id', '=', id).executeTakeFirst();
}

/** A demand as `findDemand` returns it. */
export type DemandRecord = NonNullable<Awaited<ReturnType<typeof findDemand>>>;

/** Which demands a reader may see. */
export type DemandScope =
  | { kind: 'all' }
  /** Authorities and auditors: their regions' demands, plus each one their department files, answers or provides. */
  | { kind: 'regions'; regionIds: readonly string[]; departmentId: string | null }
  /** A department: the demands it filed and those routed to it. */
  | { kind: 'department'; departmentId: string }
  /** A member of the public: their own suggestions. */
  | { kind: 'requester'; userId: string };

/** Filters of the demand list. */
export interface DemandFilter {
  state?: DemandState;
  kind?: DemandKind;
  requesterDepartmentId?: string;
  /** Demands the department must answer now (as the authority, or as the routed provider). */
  inboxOf?: string;
  overdue?: boolean;
}

/** One page of demands, newest first. */
export async function listDemands(
  db: Kysely<DB>,
  scope: DemandScope,
  filter: DemandFilter,
  window: { offset: number; limit: number },
) {
  let query = selectDemands(db);
  if (scope.kind === 'regions') {
    const { regionIds, departmentId } = scope;
    query = query.where((eb) =>
      eb.or([
        ...(regionIds.length > 0 ? [eb('m.region_id', 'in', regionIds)] : []),
        ...(departmentId
          ? [
              eb('m.authority_id', '=', departmentId),
              eb('m.requester_department_id', '=', departmentId),
              eb('m.provider_id', '=', departmentId),
            ]
          : [eb.val(false)]),
      ]),
    );
  }
  if (scope.kind === 'department')
    query = query.where((eb) =>
      eb.or([
        eb('m.requester_department_id', '=', scope.departmentId),
        eb('m.provider_id', '=', scope.departmentId),
      ]),
    );
  if (scope.kind === 'requester')
    query = query.where('m.kind', '=', 'public').where('m.requested_by', '=', scope.userId);
  if (filter.state) query = query.where('m.state', '=', filter.state);
  if (filter.kind) query = query.where('m.kind', '=', filter.kind);
  if (filter.requesterDepartmentId)
    query = query.where('m.requester_department_id', '=', filter.requesterDepartmentId);
  if (filter.overdue !== undefined) query = query.where('c.overdue', '=', filter.overdue);
  const inbox = filter.inboxOf;
  if (inbox)
    query = query.where((eb) =>
      eb.or([
        eb.and([eb('m.authority_id', '=', inbox), eb('m.state', '=', 'open')]),
        eb.and([eb('m.provider_id', '=', inbox), eb('m.state', '=', 'routed')]),
      ]),
    );
  return fetchPage(query, window, (q) => q.orderBy('m.created_at', 'desc').orderBy('m.id'));
}

/** The history of the given cases, in the order the steps happened. */
export function caseHistory(db: Kysely<DB>, caseIds: readonly string[]) {
  return db
    .selectFrom('case_transitions as t')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .select([
      't.case_id as caseId',
      'c.type as caseType',
      't.action',
      't.from_state as fromState',
      't.to_state as toState',
      't.actor_name as actorName',
      't.occurred_at as occurredAt',
      't.detail',
    ])
    .where('t.case_id', 'in', caseIds)
    .orderBy('t.id')
    .execute();
}

/** The root regions (no parent) that have a data authority. */
export function topAuthorities(db: Kysely<DB>) {
  return db
    .selectFrom('regions as g')
    .innerJoin('departments as a', (join) =>
      join.onRef('a.region_id', '=', 'g.id').on('a.kind', '=', 'authority'),
    )
    .select(['g.id as regionId', 'a.id as authorityId'])
    .where('g.parent_id', 'is', null)
    .execute();
}
