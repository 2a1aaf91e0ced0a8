// package_search: CKAN's parameters (q, fq, rows, start, sort, facet.field …) over the open
// catalog's full-text index. fq understands the Solr clauses CKAN clients and harvesters send.
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { QueryWord } from '../../platform/search/segmenter.ts';
import { loadOpenDatasets } from '../dcat/open-catalog.repository.ts';
import {
  badQuery,
  fieldError,
  intParam,
  naturalParam,
  stringListParam,
  stringParam,
  type CkanParams,
} from './ckan.params.ts';
import { classCodeOfGroup, presentPackage, type PresentContext } from './ckan.presenter.ts';
import {
  facetCounts,
  findDatastoreActive,
  searchOpenEntries,
  type FacetField,
  type SearchFilter,
  type SortField,
} from './ckan.repository.ts';
import type { CkanSearchResult } from './ckan.schemas.ts';

/** CKAN's default and maximum `rows` (ckan.search.rows_max). */
export const DEFAULT_ROWS = 10;
/** Larger `rows` are cut to this, as CKAN's limit_to_configured_maximum does. */
export const MAX_ROWS = 1000;
const DEFAULT_SORT = 'score desc, metadata_modified desc';
const SORT_FIELDS: SortField[] = ['score', 'metadata_modified', 'metadata_created', 'title_string', 'name'];
const FACET_FIELDS: FacetField[] = ['organization', 'groups', 'tags', 'res_format', 'license_id'];
// One Solr clause: optional +, field, then a [range], a "quoted value" or a bare value.
const CLAUSE = /\s*(\+?)([a-z_]+):(\[[^\]]*\]|"(?:[^"\\]|\\.)*"|[^\s"()[\]]+)\s*/y;

function emptyFilter(words: QueryWord[] | null): SearchFilter {
  return {
    words,
    organizations: [],
    tags: [],
    formats: [],
    groups: [],
    modified: null,
    created: null,
    nothing: false,
  };
}

function parseRange(value: string, fq: string): { from: Date | null; to: Date | null } {
  const match = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/.exec(value);
  if (!match) throw badQuery('ckan.bad_fq', { fq });
  const bound = (text: string) => {
    if (text === '*') return null;
    const date = new Date(text.replace(/Z?$/, 'Z'));
    if (Number.isNaN(date.getTime())) throw badQuery('ckan.bad_fq', { fq });
    return date;
  };
  return { from: bound(match[1]!), to: bound(match[2]!) };
}

/** Adds the clauses of one fq string to the filter (all clauses must hold). */
export function applyFq(filter: SearchFilter, fq: string): void {
  const text = fq.trim();
  CLAUSE.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const and = /^\s*AND\s+/.exec(rest);
    if (and) {
      at += and[0].length;
      continue;
    }
    CLAUSE.lastIndex = at;
    const match = CLAUSE.exec(text);
    if (!match) throw badQuery('ckan.bad_fq', { fq });
    at = CLAUSE.lastIndex;
    const field = match[2]!;
    const raw = match[3]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    switch (field) {
      case 'organization':
        filter.organizations.push(value.toLowerCase());
        break;
      case 'tags':
        filter.tags.push(value);
        break;
      case 'res_format':
        filter.formats.push(value.toUpperCase());
        break;
      case 'groups': {
        const code = classCodeOfGroup(value);
        if (code) filter.groups.push(code);
        else filter.nothing = true;
        break;
      }
      case 'dataset_type':
        if (value !== 'dataset') filter.nothing = true;
        break;
      case 'capacity':
        if (value !== 'public') filter.nothing = true;
        break;
      case 'metadata_modified':
        filter.modified = parseRange(raw, fq);
        break;
      case 'metadata_created':
        filter.created = parseRange(raw, fq);
        break;
      default:
        throw badQuery('ckan.bad_fq', { fq });
    }
  }
}

/** Parses `sort` ("field dir, field dir"); unknown fields are a validation error. */
export function parseSort(sort: string): { field: SortField; desc: boolean }[] {
  return sort
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [field = '', direction = 'asc', ...more] = part.split(/\s+/);
      if (
        !SORT_FIELDS.includes(field as SortField) ||
        !['asc', 'desc'].includes(direction) ||
        more.length > 0
      ) {
        throw fieldError('sort', 'ckan.bad_sort', { sort: part });
      }
      return { field: field as SortField, desc: direction === 'desc' };
    });
}

/** Reads package_search's parameters into a filter, paging, sort and facet request. */
export function readSearchParams(params: CkanParams, cut: (text: string) => QueryWord[]) {
  const rows = Math.min(naturalParam(params, 'rows') ?? DEFAULT_ROWS, MAX_ROWS);
  const start = naturalParam(params, 'start') ?? 0;
  const q = stringParam(params, 'q')?.trim() ?? '';
  const cutWords = q && q !== '*:*' ? cut(q) : [];
  const words = cutWords.length > 0 ? cutWords : null;
  const filter = emptyFilter(words);
  const fq = stringParam(params, 'fq');
  if (fq) applyFq(filter, fq);
  for (const more of stringListParam(params, 'fq_list') ?? []) applyFq(filter, more);
  const sortText = stringParam(params, 'sort')?.trim() || DEFAULT_SORT;
  const sort = parseSort(sortText);
  const facetFields = params.facet === 'false' ? [] : (stringListParam(params, 'facet.field') ?? []);
  for (const field of facetFields) {
    if (!FACET_FIELDS.includes(field as FacetField)) throw badQuery('ckan.bad_facet', { field });
  }
  const facetLimit = intParam(params, 'facet.limit') ?? 50;
  const facetMinCount = naturalParam(params, 'facet.mincount') ?? 1;
  return {
    filter,
    window: { offset: start, limit: rows },
    sortText,
    sort,
    facets: { fields: facetFields as FacetField[], limit: facetLimit, minCount: facetMinCount },
  };
}

/** Runs package_search and presents CKAN's result (count, results, facets, search_facets). */
export async function packageSearch(
  db: Kysely<DB>,
  params: CkanParams,
  context: PresentContext,
  cut: (text: string) => QueryWord[],
): Promise<CkanSearchResult> {
  const request = readSearchParams(params, cut);
  const [found, facetValues] = await Promise.all([
    searchOpenEntries(db, request.filter, request.sort, request.window),
    Promise.all(
      request.facets.fields.map((field) =>
        facetCounts(db, request.filter, field, {
          limit: request.facets.limit,
          minCount: request.facets.minCount,
        }),
      ),
    ),
  ]);
  const [loaded, datastoreActive] = await Promise.all([
    loadOpenDatasets(db, { ids: found.ids }),
    findDatastoreActive(db, found.ids),
  ]);
  const datasets = new Map(loaded.map((d) => [d.id, d]));
  const present = { ...context, datastoreActive };
  const facets: CkanSearchResult['facets'] = {};
  const searchFacets: CkanSearchResult['search_facets'] = {};
  request.facets.fields.forEach((field, index) => {
    const counts = facetValues[index]!;
    facets[field] = Object.fromEntries(counts.map((c) => [c.name, c.count]));
    searchFacets[field] = {
      title: field,
      items: counts.map((c) => ({ name: c.name, display_name: c.displayName, count: c.count })),
    };
  });
  return {
    count: found.count,
    sort: request.sortText,
    facets,
    search_facets: searchFacets,
    results: found.ids.flatMap((id) => {
      const dataset = datasets.get(id);
      return dataset ? [presentPackage(dataset, present)] : [];
    }),
  };
}
