// Search over the published catalog: the share catalog (共享目录) for government staff and the open
// catalog (开放目录) for everyone. Both read `catalog_entries` only; the open catalog never shows
// entries that are not open, nor their share type or security level.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { invalid } from '../../platform/errors/app-error.ts';
import { pageWindow } from '../../platform/http/pagination.ts';
import { translate, type Locale } from '../../platform/i18n/messages.ts';
import type { RequestContext } from '../../platform/policy/actor.ts';
import type { Profile } from '../../platform/profiles/profile.schema.ts';
import { cleanText, queryWords, type QueryWord } from '../../platform/search/segmenter.ts';
import type { AccessType } from './catalog.tables.ts';
import { UPDATE_CYCLES } from './catalog.vocabulary.ts';
import { popularSince } from '../opening/portal/usage.repository.ts';
import {
  relaxCommit,
  searchEntries,
  type CatalogScope,
  type EntryFilters,
  type EntryRow,
  type EntrySearch,
  type Facet,
  type FacetCount,
} from './entries.repository.ts';
import './search.messages.ts';
import {
  OPEN_FACETS,
  SHARE_FACETS,
  type FacetValue,
  type OpenCatalogQuery,
  type OpenEntry,
  type ShareCatalogQuery,
  type ShareEntry,
} from './search.schemas.ts';

/** Who asks and how to name things for them. */
export interface SearchContext {
  context: RequestContext;
  locale: Locale;
  profile: Profile;
}

/** A page of found entries with the total and the facet counts. */
export interface SearchResult<E> {
  items: E[];
  total: number;
  page: number;
  pageSize: number;
  facets: Record<string, FacetValue[]>;
  /** False when the facets count only the first matches found of a text search (`FACET_SAMPLE`). */
  facetsExact: boolean;
}

// Both queries, read through one shape (the open catalog has no share type).
type AnyQuery = Omit<OpenCatalogQuery, 'openType'> & { shareType?: AccessType; openType?: AccessType };

/** The words of `q`, or a 400 when it has text but nothing searchable (only punctuation, 的, …). */
function wordsOf(q: string | undefined): { text: string; words: QueryWord[] } {
  const text = cleanText(q ?? '');
  if (!text) return { text, words: [] };
  const words = queryWords(text);
  if (words.length === 0)
    throw invalid('catalog.search.no_words', [{ path: '/querystring/q', code: 'catalog.search.no_words' }], {
      q: text,
    });
  return { text, words };
}

function sortOf(sort: string | undefined, hasWords: boolean): EntrySearch['sort'] {
  const wanted = sort ?? (hasWords ? 'relevance' : '-modifiedAt');
  if (wanted === 'newest') return { by: 'published', direction: 'desc' };
  if (wanted === 'popular') return { by: 'popular', direction: 'desc', since: popularSince() };
  // Relevance without words means nothing: the newest first instead.
  if (wanted === 'relevance')
    return hasWords ? { by: 'relevance', direction: 'desc' } : { by: 'modifiedAt', direction: 'desc' };
  const by = wanted.replace(/^-/, '') as 'name' | 'modifiedAt' | 'quality';
  return { by, direction: wanted.startsWith('-') ? 'desc' : 'asc' };
}

/** The display name of a facet value in the caller's language. */
function labelOf(facet: Facet, row: FacetCount, { locale, profile }: SearchContext): string {
  const value = row.value;
  switch (facet) {
    case 'department':
    case 'region':
      return row.label ?? value;
    case 'classKind':
      return translate(`catalog.search.class_kind.${value}`, locale);
    case 'shareType':
    case 'openType': {
      const names = profile.categories[facet === 'shareType' ? 'share' : 'open'];
      return value in names ? names[value as 'unconditional' | 'conditional' | 'none'][locale] : value;
    }
    case 'updateCycle':
      return UPDATE_CYCLES.find((c) => c.code === value)?.name[locale] ?? value;
    case 'format':
      return value;
  }
}

const iso = (value: Date | string) => new Date(value).toISOString();
// One collator: localeCompare with a locale builds a new one on every call.
const collator = new Intl.Collator('zh-CN');

function presentOpen(row: EntryRow): OpenEntry {
  return {
    resourceId: row.resource_id,
    code: row.code,
    name: row.name,
    abstract: row.abstract,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionId: row.region_id,
    regionName: row.region_name,
    classKind: row.class_kind,
    classCode: row.class_code,
    className: row.class_name,
    openType: row.open_type,
    formats: row.formats,
    formatType: row.format_type,
    updateCycle: row.update_cycle,
    keywords: row.keywords,
    publishedAt: iso(row.published_at),
    modifiedAt: iso(row.modified_at),
    versionNumber: row.version_number,
    qualityScore: row.quality_score,
    category: row.category ?? null,
  };
}

function presentShare(row: EntryRow): ShareEntry {
  return {
    ...presentOpen(row),
    shareType: row.share_type,
    securityLevel: row.security_level,
    securitySubLevel: row.security_sublevel ?? null,
  };
}

async function search<E>(
  db: Kysely<DB>,
  who: SearchContext,
  scope: CatalogScope,
  query: AnyQuery,
  present: (row: EntryRow) => E,
): Promise<SearchResult<E>> {
  const { text, words } = wordsOf(query.q);
  const window = pageWindow(query);
  const filters: EntryFilters = {
    departmentId: query.departmentId,
    regionId: query.regionId,
    classKind: query.classKind,
    classCode: query.classCode,
    shareType: scope === 'share' ? query.shareType : undefined,
    openType: query.openType,
    format: query.format,
    updateCycle: query.updateCycle,
  };
  const facetNames = scope === 'share' ? SHARE_FACETS : OPEN_FACETS;
  const entrySearch: EntrySearch = {
    words,
    filters,
    scope,
    facets: facetNames,
    sort: sortOf(query.sort, words.length > 0),
    offset: window.offset,
    limit: window.limit,
  };
  const found = await searchEntries(db, entrySearch);
  // Nothing is returned unless its reading is on the audit trail. The commit need not wait for the
  // disk (see relaxCommit): these events record reads of catalog metadata, and the wait would be
  // most of a search's time.
  await db.transaction().execute(async (trx) => {
    await relaxCommit(trx);
    await recordAudit(trx, who.context, {
      action: scope === 'share' ? 'catalog.search' : 'catalog.open.search',
      targetType: 'catalog',
      targetId: scope,
      detail: {
        q: text || null,
        words: words.map((w) => w.word),
        filters: Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)),
        sort: query.sort ?? null,
        page: window.page,
        pageSize: window.pageSize,
        total: found.total,
      },
    });
  });
  const facets: Record<string, FacetValue[]> = Object.fromEntries(facetNames.map((f) => [f, []]));
  for (const row of found.facets)
    facets[row.facet]!.push({ value: row.value, label: labelOf(row.facet, row, who), count: row.count });
  for (const values of Object.values(facets))
    values.sort((a, b) => b.count - a.count || collator.compare(a.label, b.label));
  const { page, pageSize } = window;
  const { total, facetsExact } = found;
  return { items: found.rows.map(present), total, page, pageSize, facets, facetsExact };
}

/** Searches the share catalog (共享目录): every published entry, for government staff. */
export function searchShareCatalog(
  db: Kysely<DB>,
  who: SearchContext,
  query: ShareCatalogQuery,
): Promise<SearchResult<ShareEntry>> {
  return search(db, who, 'share', query, presentShare);
}

/** Searches the open catalog (开放目录): only unconditionally and conditionally open entries. */
export function searchOpenCatalog(
  db: Kysely<DB>,
  who: SearchContext,
  query: OpenCatalogQuery,
): Promise<SearchResult<OpenEntry>> {
  return search(db, who, 'open', query, presentOpen);
}
