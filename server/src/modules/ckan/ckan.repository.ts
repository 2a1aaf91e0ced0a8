// SQL of the CKAN Action API over the open catalog: search with filters, facets and sorting,
// and the lists of organizations (providers), groups (classes) and tags. Every query is limited to
// open resources; organizations, groups and tags exist here only through open resources.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { QueryWord } from '../../platform/search/segmenter.ts';
import { tsQuery } from '../catalog/entries.repository.ts';
import { codeFromSlug, isUuid } from '../dcat/open-catalog.ts';
import { OPEN_TYPES } from '../dcat/open-catalog.repository.ts';

/** What a package_search selects (all conditions must hold). */
export interface SearchFilter {
  /** The query's words as the segmenter cut them (all must match); null for no text query. */
  words: QueryWord[] | null;
  /** Organization names (credit codes, lowercase). */
  organizations: string[];
  tags: string[];
  /** Resource formats, uppercase (CSV, XLSX…, API). */
  formats: string[];
  /** Class codes of groups. */
  groups: string[];
  modified: { from: Date | null; to: Date | null } | null;
  created: { from: Date | null; to: Date | null } | null;
  /** A condition no dataset meets (e.g. `dataset_type:harvest`). */
  nothing: boolean;
}

/** Sort fields package_search accepts. */
export type SortField = 'score' | 'metadata_modified' | 'metadata_created' | 'title_string' | 'name';

/** Facet fields package_search counts. */
export type FacetField = 'organization' | 'groups' | 'tags' | 'res_format' | 'license_id';

/** One facet value with its count. */
export interface FacetCount {
  name: string;
  displayName: string;
  count: number;
}

// The formats a CKAN client sees on a package's resources: download formats, and API for an API.
const RES_FORMATS = sql<
  string[]
>`(CASE WHEN 'download' = ANY(r.open_methods) THEN e.formats ELSE '{}'::text[] END
  || CASE WHEN 'api' = ANY(r.open_methods) THEN ARRAY['API']::text[] ELSE '{}'::text[] END)`;
// The CKAN name of an entry (same rule as ckanName in open-catalog.ts).
const CKAN_NAME = sql<string>`'zs-' || regexp_replace(lower(e.code), '[^a-z0-9]+', '-', 'g')`;

function openEntries(db: Kysely<DB>) {
  return (
    db
      .selectFrom('catalog_entries as e')
      .innerJoin('catalog_revisions as r', 'r.id', 'e.revision_id')
      .innerJoin('departments as d', 'd.id', 'e.department_id')
      .where('e.open_type', 'in', OPEN_TYPES)
      // Only open attributes that passed their secrecy review (保密审查) are in effect.
      .where('e.open_review_passed', '=', true)
  );
}

function filtered(db: Kysely<DB>, filter: SearchFilter) {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.nothing) conditions.push(sql<SqlBool>`false`);
  if (filter.words) conditions.push(sql<SqlBool>`e.search_vector @@ ${tsQuery(filter.words)}`);
  for (const name of filter.organizations) conditions.push(sql<SqlBool>`lower(d.credit_code) = ${name}`);
  for (const tag of filter.tags) conditions.push(sql<SqlBool>`${tag} = ANY(e.keywords)`);
  for (const format of filter.formats) conditions.push(sql<SqlBool>`${format} = ANY(${RES_FORMATS})`);
  for (const code of filter.groups) conditions.push(sql<SqlBool>`starts_with(e.class_code, ${code})`);
  for (const [column, range] of [
    ['e.modified_at', filter.modified],
    ['e.published_at', filter.created],
  ] as const) {
    if (range?.from) conditions.push(sql<SqlBool>`${sql.ref(column)} >= ${range.from}`);
    if (range?.to) conditions.push(sql<SqlBool>`${sql.ref(column)} <= ${range.to}`);
  }
  return openEntries(db).where((eb) => eb.and(conditions));
}

/** One page of matching open resources (ids in order) and how many match in all. */
export async function searchOpenEntries(
  db: Kysely<DB>,
  filter: SearchFilter,
  sort: { field: SortField; desc: boolean }[],
  window: { offset: number; limit: number },
): Promise<{ ids: string[]; count: number }> {
  let query = filtered(db, filter).select('e.resource_id');
  for (const { field, desc } of sort) {
    const direction = desc ? 'desc' : 'asc';
    if (field === 'score') {
      if (filter.words) {
        query = query.orderBy(sql`ts_rank(e.search_vector, ${tsQuery(filter.words)})`, direction);
      }
    } else if (field === 'metadata_modified') query = query.orderBy('e.modified_at', direction);
    else if (field === 'metadata_created') query = query.orderBy('e.published_at', direction);
    else if (field === 'title_string') query = query.orderBy(sql`e.name COLLATE "C"`, direction);
    else query = query.orderBy(sql`e.code COLLATE "C"`, direction);
  }
  const [rows, total] = await Promise.all([
    window.limit === 0
      ? Promise.resolve([])
      : query.orderBy('e.resource_id').offset(window.offset).limit(window.limit).execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((row) => row.resource_id), count: Number(total.n) };
}

/** Counts of one facet over the matching open resources, most frequent first. */
export async function facetCounts(
  db: Kysely<DB>,
  filter: SearchFilter,
  field: FacetField,
  options: { limit: number; minCount: number },
): Promise<FacetCount[]> {
  const base = filtered(db, filter);
  const count = sql<string | number>`count(*)`;
  let rows: { name: string; display: string; n: string | number }[];
  if (field === 'organization') {
    rows = await base
      .select([sql<string>`lower(d.credit_code)`.as('name'), 'd.name as display', count.as('n')])
      .groupBy(['d.credit_code', 'd.name'])
      .execute();
  } else if (field === 'groups') {
    // Count per class code first (few), then add each count to every class whose code prefixes it.
    rows = await db
      .selectFrom(
        base
          .select(['e.class_code', count.as('k')])
          .groupBy('e.class_code')
          .as('g'),
      )
      .innerJoin('catalog_classes as c', (join) => join.on(sql<SqlBool>`starts_with(g.class_code, c.code)`))
      .select([
        sql<string>`'class-' || c.code`.as('name'),
        'c.name as display',
        sql<string>`sum(g.k)`.as('n'),
      ])
      .groupBy(['c.code', 'c.name'])
      .execute();
  } else if (field === 'license_id') {
    const { n } = await base.select(count.as('n')).executeTakeFirstOrThrow();
    rows = Number(n) > 0 ? [{ name: 'notspecified', display: 'License not specified', n }] : [];
  } else {
    const values = field === 'tags' ? sql<string>`unnest(e.keywords)` : sql<string>`unnest(${RES_FORMATS})`;
    rows = await db
      .selectFrom(base.select(values.as('value')).as('v'))
      .select(['v.value as name', 'v.value as display', count.as('n')])
      .groupBy('v.value')
      .execute();
  }
  const counts = rows
    .map((row) => ({ name: row.name, displayName: row.display, count: Number(row.n) }))
    .filter((row) => row.count >= options.minCount)
    .sort((x, y) => y.count - x.count || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return options.limit < 0 ? counts : counts.slice(0, options.limit);
}

/** CKAN names of the open resources, in name order (package_list). */
export async function listOpenCodes(db: Kysely<DB>, window: { offset: number; limit: number | null }) {
  let query = openEntries(db)
    .select('e.code')
    .orderBy(sql`e.code COLLATE "C"`)
    .offset(window.offset);
  if (window.limit !== null) query = query.limit(window.limit);
  return (await query.execute()).map((row) => row.code);
}

/** The open resource a CKAN id names: its uuid, its resource code or its CKAN name. */
export async function findOpenPackageId(db: Kysely<DB>, id: string): Promise<string | undefined> {
  if (isUuid(id)) {
    const row = await openEntries(db)
      .select('e.resource_id')
      .where('e.resource_id', '=', id.toLowerCase())
      .executeTakeFirst();
    return row?.resource_id;
  }
  // A name zs-101001-000001 is looked up by the code it most likely stands for (indexed), then checked.
  const candidates = /^zs-/i.test(id) ? [id, codeFromSlug(id.slice(3))] : [id];
  const row = await openEntries(db)
    .select('e.resource_id')
    .where('e.code', 'in', candidates)
    .where((eb) => eb.or([eb('e.code', '=', id), eb(CKAN_NAME, '=', id.toLowerCase())]))
    .executeTakeFirst();
  return row?.resource_id;
}

/** Providers with open resources, with their counts (organization_list / organization_show). */
export async function listOpenOrganizations(db: Kysely<DB>, only?: { id: string }) {
  let query = openEntries(db)
    .select([
      'd.id',
      'd.name',
      'd.credit_code as creditCode',
      'd.created_at as createdAt',
      (eb) => eb.fn.countAll<string | number>().as('packageCount'),
    ])
    .groupBy(['d.id', 'd.name', 'd.credit_code', 'd.created_at']);
  if (only) {
    query = query.where((eb) =>
      isUuid(only.id)
        ? eb('d.id', '=', only.id.toLowerCase())
        : eb(sql<string>`lower(d.credit_code)`, '=', only.id.toLowerCase()),
    );
  }
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, packageCount: Number(row.packageCount) }));
}

/** Classes on the paths of open resources, with their counts (group_list). */
export async function listOpenGroups(db: Kysely<DB>) {
  const perClass = openEntries(db)
    .select(['e.class_code', (eb) => eb.fn.countAll<string | number>().as('k')])
    .groupBy('e.class_code');
  const rows = await db
    .selectFrom(perClass.as('g'))
    .innerJoin('catalog_classes as c', (join) => join.on(sql<SqlBool>`starts_with(g.class_code, c.code)`))
    .select([
      'c.id',
      'c.code',
      'c.name',
      'c.kind',
      'c.level',
      'c.created_at as createdAt',
      sql<string>`sum(g.k)`.as('packageCount'),
    ])
    .groupBy(['c.id', 'c.code', 'c.name', 'c.kind', 'c.level', 'c.created_at'])
    .execute();
  return rows.map((row) => ({ ...row, packageCount: Number(row.packageCount) }));
}

/** Keywords of open resources (tag_list), optionally those containing `query`. */
export async function listOpenTags(db: Kysely<DB>, query: string | undefined): Promise<string[]> {
  let select = db
    .selectFrom(
      openEntries(db)
        .select(sql<string>`unnest(e.keywords)`.as('tag'))
        .as('t'),
    )
    .select('t.tag')
    .groupBy('t.tag')
    .orderBy(sql`t.tag COLLATE "C"`);
  if (query) select = select.where(sql<SqlBool>`position(lower(${query}) in lower(t.tag)) > 0`);
  return (await select.execute()).map((row) => row.tag);
}

/**
 * The ids among `ids` of open datasets whose rows datastore_search serves (CKAN's
 * `datastore_active`): the API is one of their open methods and their pool table holds rows.
 */
export async function findDatastoreActive(db: Kysely<DB>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await openEntries(db)
    .innerJoin('pool_tables as p', 'p.resource_id', 'e.resource_id')
    .select('e.resource_id')
    .where('e.resource_id', 'in', ids)
    .where(sql<SqlBool>`'api' = ANY(r.open_methods)`)
    .where('p.row_count', '>', 0)
    .execute();
  return new Set(rows.map((row) => row.resource_id));
}
