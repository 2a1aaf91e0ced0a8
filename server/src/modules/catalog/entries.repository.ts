// The published catalog (`catalog_entries`): the only code that writes and searches it. Search
// words are cut by our segmenter and handed to PostgreSQL's `simple` configuration, so the GIN
// index holds whole Chinese words; user text only ever reaches SQL as parameters.
import { sql, type Insertable, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { indexText, type QueryWord } from '../../platform/search/segmenter.ts';
import type { AccessType, CatalogEntryTable, ClassKind } from './catalog.tables.ts';
import { startingWith } from '../../platform/db/like.ts';
import { openEffectiveSql, shareEffectiveSql } from '../security/reviews/reviews.effect.ts';
import { popularSince, recentUseSql } from '../opening/portal/usage.repository.ts';

/** What search indexes of an entry, by weight: A name, keywords, code; B abstract; C items; D provider. */
export interface SearchParts {
  name: string;
  keywords: string[];
  abstract: string;
  /** Names of the information items. */
  items: string[];
  /** The providing department's name. */
  provider: string;
  code: string;
}

/** A published entry as the publisher writes it: every column but the search vector, plus its parts. */
export type EntryInput = Omit<Insertable<CatalogEntryTable>, 'search_vector' | 'quality_score'> & {
  qualityScore: number;
  searchParts: SearchParts;
};

/** The weighted search vector of an entry, built in SQL from segmented text. */
function searchVector(parts: SearchParts): RawBuilder<string> {
  const weighted = (text: string, weight: 'A' | 'B' | 'C' | 'D') =>
    sql`setweight(to_tsvector('simple'::regconfig, ${indexText(text)}::text), ${weight}::"char")`;
  return sql<string>`${weighted([parts.name, ...parts.keywords, parts.code].join('\n'), 'A')}
    || ${weighted(parts.abstract, 'B')} || ${weighted(parts.items.join('\n'), 'C')}
    || ${weighted(parts.provider, 'D')}`;
}

/** Writes (or rewrites) the published entries of resources, with their search vectors. */
export async function upsertEntries(db: Kysely<DB>, entries: EntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(({ qualityScore, searchParts, ...columns }) => ({
    ...columns,
    quality_score: Math.max(0, Math.min(100, Math.round(qualityScore))),
    search_vector: searchVector(searchParts),
  }));
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'resource_id') as (keyof CatalogEntryTable)[];
  await db
    .insertInto('catalog_entries')
    .values(rows)
    .onConflict((conflict) =>
      conflict
        .column('resource_id')
        .doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)]))),
    )
    .execute();
}

/** Writes (or rewrites) one resource's published entry. */
export async function upsertEntry(db: Kysely<DB>, entry: EntryInput): Promise<void> {
  await upsertEntries(db, [entry]);
}

/** Removes a resource from the published catalog (withdrawn). */
export async function deleteEntry(db: Kysely<DB>, resourceId: string): Promise<void> {
  await db.deleteFrom('catalog_entries').where('resource_id', '=', resourceId).execute();
}

/**
 * The tsquery of a query's words: every word must match, each as itself or as all its pieces.
 * Each word goes through plainto_tsquery as a parameter, so no user text is ever parsed as syntax.
 */
export function tsQuery(words: QueryWord[]): RawBuilder<string> {
  const one = (text: string) => sql`plainto_tsquery('simple'::regconfig, ${text}::text)`;
  const terms = words.map((w) =>
    w.pieces.length > 0 ? sql`(${one(w.word)} || ${one(w.pieces.join(' '))})` : one(w.word),
  );
  return sql<string>`(${sql.join(terms, sql` && `)})`;
}

/** Filters of a catalog search; the facet filters are the ones a facet's own counts ignore. */
export interface EntryFilters {
  departmentId?: string;
  regionId?: string;
  classKind?: ClassKind;
  shareType?: AccessType;
  openType?: AccessType;
  format?: string;
  updateCycle?: string;
  /** Prefix of the classification code (101 → 101, 101001, …). */
  classCode?: string;
}

/** The facets counted for a search. */
export const FACETS = [
  'department',
  'region',
  'classKind',
  'shareType',
  'openType',
  'format',
  'updateCycle',
] as const;
/** A facet's name. */
export type Facet = (typeof FACETS)[number];

/**
 * Which catalog is searched: the share catalog (every entry whose share attributes passed their
 * secrecy review) or the open catalog (open types only, whose open attributes passed theirs).
 */
export type CatalogScope = 'share' | 'open';

/** One search: words (none = browse), filters, scope, facets to count, order and window. */
export interface EntrySearch {
  words: QueryWord[];
  filters: EntryFilters;
  scope: CatalogScope;
  facets: readonly Facet[];
  /** `published`: first publication; `popular`: open use (downloads + API calls) since the China day `since`. */
  sort: {
    by: 'relevance' | 'name' | 'modifiedAt' | 'quality' | 'published' | 'popular';
    direction: 'asc' | 'desc';
    since?: string;
  };
  offset: number;
  limit: number;
  /** How many matches of a text search the facets count at most (default `FACET_SAMPLE`). */
  facetSample?: number;
}

/** A found entry with the names of its provider, region and class. */
export type EntryRow = Omit<Selectable<CatalogEntryTable>, 'search_vector'> & {
  department_name: string;
  region_name: string;
  class_name: string;
};

// The SQL of each facet filter, over the matches `m`.
const FILTER_SQL: Record<Facet, (value: string) => RawBuilder<unknown>> = {
  department: (v) => sql`m.department_id = ${v}::uuid`,
  region: (v) => sql`m.region_id = ${v}::uuid`,
  classKind: (v) => sql`m.class_kind = ${v}`,
  shareType: (v) => sql`m.share_type = ${v}`,
  openType: (v) => sql`m.open_type = ${v}`,
  format: (v) => sql`${v}::text = ANY (m.formats)`,
  updateCycle: (v) => sql`m.update_cycle = ${v}`,
};
const FILTER_OF: Record<Facet, keyof EntryFilters> = {
  department: 'departmentId',
  region: 'regionId',
  classKind: 'classKind',
  shareType: 'shareType',
  openType: 'openType',
  format: 'format',
  updateCycle: 'updateCycle',
};
// The column each facet groups by (formats: the entry's list of formats, split up afterwards).
const FACET_COLUMN: Record<Facet, string> = {
  department: 'department_id',
  region: 'region_id',
  classKind: 'class_kind',
  shareType: 'share_type',
  openType: 'open_type',
  format: 'formats',
  updateCycle: 'update_cycle',
};

/** The facet filters set in a search, except `except`'s own, ANDed (true when none). */
function facetFilters(filters: EntryFilters, except?: Facet): RawBuilder<unknown> {
  const parts = FACETS.filter((f) => f !== except && filters[FILTER_OF[f]] !== undefined).map((f) =>
    FILTER_SQL[f](filters[FILTER_OF[f]]!),
  );
  return parts.length > 0 ? sql.join(parts, sql` AND `) : sql`true`;
}

/**
 * The ORDER BY of a search (relevance: rank, then quality, then recency), over rows aliased
 * `alias`, or over the output columns of the query it ends.
 */
function orderBy(sort: EntrySearch['sort'], alias?: string): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  if (sort.by === 'relevance')
    return sql`${column('rank')} DESC, ${column('quality_score')} DESC, ${column('modified_at')} DESC, ${column('resource_id')}`;
  if (sort.by === 'popular')
    return sql`${column('popularity')} DESC, ${column('published_at')} DESC, ${column('resource_id')}`;
  const direction = sort.direction === 'asc' ? sql`ASC` : sql`DESC`;
  return sql`${column(ORDER_COLUMN[sort.by])} ${direction}, ${column('resource_id')}`;
}

const ORDER_COLUMN = {
  name: 'name',
  modifiedAt: 'modified_at',
  quality: 'quality_score',
  published: 'published_at',
} as const;

/** A facet value with how many matches have it (and a name, for departments and regions). */
export interface FacetCount {
  facet: Facet;
  value: string;
  label: string | null;
  count: number;
}

/** What a search finds: how many entries, one page of them, and the facet counts. */
export interface EntrySearchResult {
  total: number;
  rows: EntryRow[];
  facets: FacetCount[];
  /** False when the facets count only some of the matches (see `FACET_SAMPLE`). */
  facetsExact: boolean;
}

/**
 * A text search counts facets over at most this many matches (the first the index yields), with
 * the total always exact: counting every match of a common word would cost more than finding and
 * ranking them. Searches without words count the whole catalog in scope.
 */
export const FACET_SAMPLE = 1000;

/**
 * The rows a search looks at before facet filters, aliased `m`: the text match (when there are
 * words), the catalog's scope and the class prefix. The tsquery is computed once, in `q`.
 */
function matching(search: EntrySearch): RawBuilder<unknown> {
  const text = search.words.length > 0;
  const conditions = [
    text ? sql`m.search_vector @@ q.query` : sql`true`,
    search.scope === 'open' ? openEffectiveSql('m') : shareEffectiveSql('m'),
    search.filters.classCode ? sql`m.class_code LIKE ${startingWith(search.filters.classCode)}` : sql`true`,
  ];
  return sql`(SELECT ${text ? tsQuery(search.words) : sql`NULL::tsquery`} AS query OFFSET 0) q,
    catalog_entries m WHERE ${sql.join(conditions, sql` AND `)}`;
}

/** The facet filters that are set. */
const setFilters = (filters: EntryFilters) => FACETS.filter((f) => filters[FILTER_OF[f]] !== undefined);

/** Rows that count somewhere: a row failing two facet filters counts for no facet nor the total. */
function countsSomewhere(filters: EntryFilters): RawBuilder<unknown> {
  const set = setFilters(filters);
  if (set.length < 2) return sql`true`;
  const failures = set.map((f) => sql`(NOT (${FILTER_SQL[f](filters[FILTER_OF[f]]!)}))::int`);
  return sql`(${sql.join(failures, sql` + `)}) <= 1`;
}

/**
 * The facet counts over `source` (a FROM clause whose rows are aliased `m`) in one pass: GROUPING
 * SETS, each facet counted under every filter but its own (standard faceted search), the total
 * (facet 'total') under all. Department and region names are looked up for the groups only.
 */
function facetCounts(search: EntrySearch, source: RawBuilder<unknown>): RawBuilder<unknown> {
  const column = (f: Facet) => sql.ref(`m.${FACET_COLUMN[f]}`);
  const facetOf = search.facets.map((f) => sql`WHEN GROUPING(${column(f)}) = 0 THEN ${f}`);
  const countOf = search.facets.map(
    (f) =>
      sql`WHEN GROUPING(${column(f)}) = 0 THEN count(*) FILTER (WHERE ${facetFilters(search.filters, f)})`,
  );
  const named = (facet: Facet, table: 'departments' | 'regions', key: string) =>
    search.facets.includes(facet)
      ? sql`(SELECT name FROM ${sql.table(table)} WHERE id = ${sql.ref(`g.${key}`)})`
      : sql`NULL::text`;
  return sql`SELECT g.*, ${named('department', 'departments', 'department_id')} AS department_name,
      ${named('region', 'regions', 'region_id')} AS region_name
    FROM (
      SELECT CASE ${sql.join(facetOf, sql` `)} ELSE 'total' END AS facet,
        ${sql.join(search.facets.map(column), sql`, `)},
        CASE ${sql.join(countOf, sql` `)} ELSE count(*) FILTER (WHERE ${facetFilters(search.filters)}) END
          AS count, count(*) AS counted
      FROM ${source}
      GROUP BY GROUPING SETS (${sql.join(
        search.facets.map((f) => sql`(${column(f)})`),
        sql`, `,
      )}, ())) g`;
}

interface GroupRow {
  facet: Facet | 'total';
  department_id?: string | null;
  region_id?: string | null;
  class_kind?: string | null;
  share_type?: string | null;
  open_type?: string | null;
  formats?: string[] | null;
  update_cycle?: string | null;
  count: number | string;
  /** Rows the grouping set saw: for the total, every row of the source. */
  counted: number | string;
  department_name: string | null;
  region_name: string | null;
}

/** Turns grouping rows into facet values (a format row counts for each format it lists). */
function readCounts(rows: GroupRow[]): { total: number; counted: number; facets: FacetCount[] } {
  let total = 0;
  let counted = 0;
  const counts = new Map<string, FacetCount>();
  const add = (facet: Facet, value: string, label: string | null, count: number) => {
    const key = `${facet}\u0000${value}`;
    const known = counts.get(key);
    if (known) known.count += count;
    else counts.set(key, { facet, value, label, count });
  };
  for (const row of rows) {
    const count = Number(row.count);
    if (row.facet === 'total') [total, counted] = [count, Number(row.counted)];
    else if (count === 0) continue;
    else if (row.facet === 'format')
      for (const format of row.formats ?? []) add('format', format, null, count);
    else if (row.facet === 'department') add('department', row.department_id!, row.department_name, count);
    else if (row.facet === 'region') add('region', row.region_id!, row.region_name, count);
    else add(row.facet, String(row[FACET_COLUMN[row.facet] as keyof GroupRow]), null, count);
  }
  return { total, counted, facets: [...counts.values()] };
}

const ENTRY_COLUMNS = sql`e.resource_id, e.revision_id, e.code, e.name, e.abstract, e.department_id,
  e.region_id, e.class_id, e.class_kind, e.class_code, e.share_type, e.open_type, e.format_type,
  e.formats, e.update_cycle, e.security_level, e.security_sublevel, e.category,
  e.share_review_passed, e.open_review_passed, e.keywords, e.published_at, e.modified_at,
  e.version_number, e.quality_score, d.name AS department_name, r.name AS region_name,
  c.name AS class_name`;
const ENTRY_JOINS = sql`JOIN catalog_entries e ON e.resource_id = page.resource_id
  JOIN departments d ON d.id = e.department_id
  JOIN regions r ON r.id = e.region_id
  JOIN catalog_classes c ON c.id = e.class_id`;

/**
 * Searches the published catalog with two statements side by side (on PostgreSQL on two
 * connections; on PGlite one after the other). The page: the matches under all filters are ranked
 * and sorted with only their sort keys, and the full rows with their names are read for the page
 * alone. The counts: the facets in one GROUPING SETS pass, and the total. Without words the facets
 * count every entry in scope; with words at most `FACET_SAMPLE` + 1 matches (enough to know whether
 * there were more), since counting every match of a common word costs more than ranking them, and
 * only then is the total counted apart. Sharing one materialised set of matches between page and
 * counts was measured to cost more than reading the matches twice from shared buffers.
 */
export async function searchEntries(db: Kysely<DB>, search: EntrySearch): Promise<EntrySearchResult> {
  const text = search.words.length > 0;
  const sample = text ? (search.facetSample ?? FACET_SAMPLE) : undefined;
  const [rows, counts] = await Promise.all([searchPage(db, search), searchCounts(db, search, sample)]);
  const facetsExact = search.facets.length === 0 || sample === undefined || counts.counted <= sample;
  return { total: counts.total, rows, facets: counts.facets, facetsExact };
}

/** One page of a search, best first or in the order asked, with the names of provider, region, class. */
async function searchPage(db: Kysely<DB>, search: EntrySearch): Promise<EntryRow[]> {
  const rank =
    search.words.length > 0 && search.sort.by === 'relevance'
      ? sql`ts_rank(m.search_vector, q.query)`
      : sql`0::real`;
  const popularity =
    search.sort.by === 'popular' ? recentUseSql('m', search.sort.since ?? popularSince()) : sql`0`;
  const result = await sql<EntryRow>`
    SELECT ${ENTRY_COLUMNS}
    FROM (SELECT m.resource_id, m.name, m.modified_at, m.published_at, m.quality_score, ${rank} AS rank,
            ${popularity} AS popularity
          FROM ${matching(search)} AND ${facetFilters(search.filters)}
          ORDER BY ${orderBy(search.sort)} LIMIT ${search.limit} OFFSET ${search.offset}) page
    ${ENTRY_JOINS}
    ORDER BY ${orderBy(search.sort, 'page')}`.execute(db);
  return result.rows;
}

/**
 * The facet counts (over at most `sample` + 1 matches, when given) and the total, in one statement.
 * The plain count runs only when the sample did not hold every match: PostgreSQL evaluates the
 * uncorrelated subquery in the CASE branch lazily.
 */
async function searchCounts(db: Kysely<DB>, search: EntrySearch, sample: number | undefined) {
  const count = sql`(SELECT count(*) FROM ${matching(search)} AND ${facetFilters(search.filters)})`;
  if (search.facets.length === 0) {
    const row = await sql<{ total: number | string }>`SELECT ${count} AS total`.execute(db);
    return { total: Number(row.rows[0]!.total), counted: 0, facets: [] };
  }
  const relevant = sql`${matching(search)} AND ${countsSomewhere(search.filters)}`;
  const columns = sql.join(
    FACETS.map((f) => sql.ref(`m.${FACET_COLUMN[f]}`)),
    sql`, `,
  );
  const source =
    sample === undefined ? relevant : sql`(SELECT ${columns} FROM ${relevant} LIMIT ${sample + 1}) m`;
  const result = await sql<{ facets: GroupRow[]; total: number | string | null }>`
    WITH g AS (${facetCounts(search, source)})
    SELECT (SELECT coalesce(json_agg(g), '[]'::json) FROM g) AS facets,
      CASE WHEN (SELECT counted FROM g WHERE facet = 'total') > ${sample ?? Number.MAX_SAFE_INTEGER}
        THEN ${count} END AS total`.execute(db);
  const row = result.rows[0]!;
  const counted = readCounts(row.facets);
  return { ...counted, total: row.total === null ? counted.total : Number(row.total) };
}

/**
 * Lets the caller's transaction commit without waiting for its WAL to reach the disk. For the audit
 * events of catalog searches: a database crash in the fraction of a second after the commit could
 * lose the event (never a part of it, never out of order, and never one the hash chain already
 * holds, since the sequencer's own commit flushes the WAL before it).
 */
export async function relaxCommit(trx: Kysely<DB>): Promise<void> {
  await sql`SET LOCAL synchronous_commit = off`.execute(trx);
}
