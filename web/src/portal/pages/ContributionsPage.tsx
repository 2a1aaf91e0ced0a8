import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { accountApi } from '../account-api.ts';
import { Empty, ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { usePortalI18n } from '../i18n/index.tsx';
import '../account.css';

const PAGE_SIZE = 20;

/**
 * /open/contributions: datasets organisations published and the authority approved, newest first,
 * with a text filter. The server gives pages without a total, so the list pages by previous / next.
 */
export default function ContributionsPage() {
  const { t, date, num } = usePortalI18n();
  usePageTitle(t('acct.contrib.publicTitle'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const q = params.get('q') ?? '';
  const [words, setWords] = useState(q);
  const list = useQuery({
    queryKey: ['open', 'contributions', page, q],
    queryFn: async () => {
      // Without a total, a full page is taken to mean that a next one may follow.
      const rows = await accountApi.contributions({ page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) });
      return { rows, more: rows.length === PAGE_SIZE };
    },
  });
  const hrefOf = (n: number) =>
    `/open/contributions?${new URLSearchParams({ ...(q ? { q } : {}), page: String(n) })}`;
  const search = (event: FormEvent) => {
    event.preventDefault();
    setParams(words.trim() ? { q: words.trim() } : {});
  };
  return (
    <div className="pt-wrap pt-stack">
      <h1>{t('acct.contrib.publicTitle')}</h1>
      <p className="pt-lead">{t('acct.contrib.publicLead')}</p>
      <form role="search" className="pt-search" onSubmit={search}>
        <label htmlFor="contrib-q" className="pt-visually-hidden">
          {t('acct.contrib.search')}
        </label>
        <input
          id="contrib-q"
          type="search"
          value={words}
          placeholder={t('acct.contrib.search')}
          onChange={(event) => setWords(event.target.value)}
        />
        <button type="submit" className="pt-button">
          {t('search.submit')}
        </button>
      </form>
      {list.isPending && <Loading />}
      {list.isError && <ErrorMessage error={list.error} />}
      {list.data?.rows.length === 0 && <Empty>{t('acct.contrib.publicNone')}</Empty>}
      {list.data && list.data.rows.length > 0 && (
        <ul className="pt-cards" data-testid="contributions-list">
          {list.data.rows.map((item) => (
            <li key={item.id} className="pt-card" data-testid="contribution-card">
              <h2 className="pt-card-title">
                <Link to={`/open/contributions/${item.id}`}>{item.name}</Link>
              </h2>
              <p className="pt-card-abstract">{item.description}</p>
              <p className="pt-card-meta">
                {item.publisher} · {date(item.reviewedAt ?? item.createdAt)} · {t('acct.contrib.downloads')}{' '}
                {num(item.downloads)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {list.data && (page > 1 || list.data.more) && (
        <nav className="pt-pager" aria-label={t('pager.label')}>
          {page > 1 && (
            <Link to={hrefOf(page - 1)} rel="prev">
              {t('acct.contrib.previous')}
            </Link>
          )}
          {list.data.more && (
            <Link to={hrefOf(page + 1)} rel="next">
              {t('acct.contrib.more')}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
