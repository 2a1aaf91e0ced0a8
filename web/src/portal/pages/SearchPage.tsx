import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FACET_PARAM, FACETS, portalApi, type Facet, type SearchEntry, type SearchPage } from '../api.ts';
import { OpenTypeBadge } from '../components/Badges.tsx';
import { Pager } from '../components/Pager.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { Empty, ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { usePortalI18n, type PortalKey } from '../i18n/index.tsx';

const PAGE_SIZE = 10;

/** The orders a visitor may choose; relevance only means something with search words. */
const SORTS: { value: string; label: PortalKey; needsWords?: boolean }[] = [
  { value: 'relevance', label: 'search.sort.relevance', needsWords: true },
  { value: 'newest', label: 'search.sort.newest' },
  { value: 'popular', label: 'search.sort.popular' },
  { value: '-modifiedAt', label: 'search.sort.updated' },
  { value: '-quality', label: 'search.sort.quality' },
  { value: 'name', label: 'search.sort.name' },
];

const FACET_LABEL: Record<Facet, PortalKey> = {
  openType: 'facet.openType',
  department: 'facet.department',
  region: 'facet.region',
  classKind: 'facet.classKind',
  format: 'facet.format',
  updateCycle: 'facet.updateCycle',
};

/** The search address with one parameter changed (and back to the first page). */
function withParam(params: URLSearchParams, name: string, value: string | null): string {
  const next = new URLSearchParams(params);
  if (value === null) next.delete(name);
  else next.set(name, value);
  if (name !== 'page') next.delete('page');
  return `/open/datasets?${next.toString()}`;
}

/** One facet: its values as links that filter by them (the chosen one unfilters). */
function FacetGroup({ facet, page, params }: { facet: Facet; page: SearchPage; params: URLSearchParams }) {
  const { t, num } = usePortalI18n();
  const id = useId();
  const values = page.facets[facet] ?? [];
  const param = FACET_PARAM[facet];
  const chosen = params.get(param);
  if (values.length === 0) return null;
  return (
    <section className="pt-facet" aria-labelledby={id} data-testid={`facet-${facet}`}>
      <h3 id={id}>{t(FACET_LABEL[facet])}</h3>
      <ul>
        {values.map((value) => {
          const active = chosen === value.value;
          return (
            <li key={value.value}>
              <Link
                to={withParam(params, param, active ? null : value.value)}
                className={active ? 'pt-facet-value pt-facet-active' : 'pt-facet-value'}
                aria-current={active ? 'true' : undefined}
              >
                <span>{value.label}</span>
                <span className="pt-chip-count">{num(value.count)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** A search result: the dataset's name (the link), abstract and the facts that decide whether it fits. */
function Result({ entry }: { entry: SearchEntry }) {
  const { t, date } = usePortalI18n();
  return (
    <article className="pt-card" data-testid="search-result">
      <h3 className="pt-card-title">
        <Link to={`/open/datasets/${entry.resourceId}`}>{entry.name}</Link>
      </h3>
      <p className="pt-card-abstract">{entry.abstract}</p>
      <p className="pt-card-meta">
        <span>{entry.departmentName}</span>
        <OpenTypeBadge type={entry.openType} />
        {entry.formats.length > 0 && <span>{entry.formats.join(' · ')}</span>}
      </p>
      <p className="pt-card-meta pt-muted">
        <span>{entry.className}</span>
        <span>{t('dataset.updatedOn', { date: date(entry.modifiedAt) })}</span>
        <span>{t('dataset.qualityShort', { score: entry.qualityScore })}</span>
      </p>
    </article>
  );
}

/** The catalog search (/open/datasets?q=…): results with facets, order and pages, all in the address. */
export default function SearchPage() {
  const { t, num } = usePortalI18n();
  const [params] = useSearchParams();
  const sortId = useId();
  const words = params.get('q')?.trim() ?? '';
  usePageTitle(words ? t('search.titleFor', { words }) : t('search.title'));
  const pageNumber = Math.max(1, Number(params.get('page')) || 1);
  const sorts = SORTS.filter((sort) => !sort.needsWords || words);
  const sort = sorts.find((s) => s.value === params.get('sort'))?.value ?? sorts[0]!.value;
  const query = {
    q: words,
    page: pageNumber,
    pageSize: PAGE_SIZE,
    sort,
    ...Object.fromEntries(FACETS.map((facet) => [FACET_PARAM[facet], params.get(FACET_PARAM[facet])])),
  };
  const search = useQuery({
    queryKey: ['open', 'search', query],
    queryFn: () => portalApi.search(query),
    placeholderData: keepPreviousData,
  });
  const result = search.data;
  // Another page of results starts at the top of the results, where a screen reader is told the total.
  const totalHeading = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(pageNumber);
  useEffect(() => {
    if (shownPage.current === pageNumber) return;
    shownPage.current = pageNumber;
    totalHeading.current?.focus({ preventScroll: true });
    totalHeading.current?.scrollIntoView({ block: 'start' });
  }, [pageNumber]);
  // Facets open beside the results on wide screens, folded above them on phones.
  const [wide] = useState(() => window.matchMedia('(min-width: 760px)').matches);
  const filtered = FACETS.some((facet) => params.get(FACET_PARAM[facet]));

  return (
    <div className="pt-wrap pt-stack">
      <h1>{t('search.title')}</h1>
      <SearchBox key={words} initial={words} />
      {search.isError && <ErrorMessage error={search.error} />}
      {search.isPending && <Loading />}
      {result && (
        <div className="pt-search-layout">
          <aside className="pt-facets" aria-label={t('search.filters')}>
            <details className="pt-facets-details" open={wide}>
              <summary>{t('search.filters')}</summary>
              {filtered && (
                <p>
                  <Link to={words ? `/open/datasets?q=${encodeURIComponent(words)}` : '/open/datasets'}>
                    {t('search.clearFilters')}
                  </Link>
                </p>
              )}
              {FACETS.map((facet) => (
                <FacetGroup key={facet} facet={facet} page={result} params={params} />
              ))}
            </details>
          </aside>
          <section className="pt-results" aria-labelledby="search-total">
            <div className="pt-toolbar">
              <h2
                id="search-total"
                className="pt-results-total"
                aria-live="polite"
                data-testid="search-total"
              >
                {t('search.total', { count: num(result.total) })}
              </h2>
              <div className="pt-inline-field">
                <label htmlFor={sortId}>{t('search.sortLabel')}</label>
                <SortSelect id={sortId} value={sort} options={sorts} params={params} />
              </div>
            </div>
            {result.items.length === 0 ? (
              <>
                <Empty>{t('search.none')}</Empty>
                <p>
                  <Link
                    to={words ? `/open/suggest?q=${encodeURIComponent(words)}` : '/open/suggest'}
                    data-testid="search-suggest"
                  >
                    {t('suggest.fromSearch')}
                  </Link>
                </p>
              </>
            ) : (
              <div className="pt-cards pt-cards-single">
                {result.items.map((entry) => (
                  <Result key={entry.resourceId} entry={entry} />
                ))}
              </div>
            )}
            <Pager
              page={result.page}
              pageSize={result.pageSize}
              total={result.total}
              hrefOf={(n) => withParam(params, 'page', String(n))}
            />
          </section>
        </div>
      )}
    </div>
  );
}

/** The order of the results; changing it goes to the address of that order. */
function SortSelect({
  id,
  value,
  options,
  params,
}: {
  id: string;
  value: string;
  options: typeof SORTS;
  params: URLSearchParams;
}) {
  const { t } = usePortalI18n();
  const [, setParams] = useSearchParams();
  return (
    <select
      id={id}
      value={value}
      data-testid="search-sort"
      onChange={(event) => {
        const next = new URLSearchParams(params);
        next.set('sort', event.target.value);
        next.delete('page');
        setParams(next);
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {t(option.label)}
        </option>
      ))}
    </select>
  );
}
