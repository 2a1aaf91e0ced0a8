import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { accountApi, isWebAddress, SHOWCASE_KINDS, type ShowcaseEntry } from '../account-api.ts';
import { Pager } from '../components/Pager.tsx';
import { Empty, ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { usePortalI18n } from '../i18n/index.tsx';
import '../account.css';

/** One approved entry: what it is, the datasets it uses, how it cites them, and its link. */
function EntryCard({ entry }: { entry: ShowcaseEntry }) {
  const { t, date } = usePortalI18n();
  return (
    <li className="pt-card pt-showcase-card" data-testid="showcase-card">
      <h2>{entry.name}</h2>
      <p className="pt-small pt-muted">
        {t(`acct.show.kind.${entry.kind}`)} · {t('acct.show.by', { name: entry.submitter.name })} ·{' '}
        {date(entry.reviewedAt ?? entry.createdAt)}
      </p>
      <p className="pt-pre-line">{entry.description}</p>
      <p className="pt-small">
        <strong>{t('acct.show.uses')}：</strong>
        {entry.datasets.map((dataset, index) => (
          <span key={dataset.id}>
            {index > 0 && '、'}
            <Link to={`/open/datasets/${dataset.id}`}>{dataset.name}</Link>
          </span>
        ))}
      </p>
      <p className="pt-small pt-muted">
        {t('acct.show.citation')}：{entry.citation}
      </p>
      {/* The server takes http(s) only; checked again so that no other scheme ever becomes a link. */}
      {isWebAddress(entry.url) && (
        <p>
          <a href={entry.url} rel="noopener noreferrer nofollow ugc" target="_blank">
            {t('acct.show.visit', { name: entry.name })}
          </a>
        </p>
      )}
    </li>
  );
}

/** /open/showcase: approved showcase entries, newest first, filtered by kind, in pages. */
export default function ShowcasePage() {
  const { t } = usePortalI18n();
  usePageTitle(t('acct.show.publicTitle'));
  const kindId = useId();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const kind = SHOWCASE_KINDS.find((value) => value === params.get('kind'));
  const entries = useQuery({
    queryKey: ['open', 'showcase', page, kind ?? ''],
    queryFn: () => accountApi.showcase({ page, ...(kind ? { kind } : {}) }),
  });
  const hrefOf = (n: number) =>
    `/open/showcase?${new URLSearchParams({ ...(kind ? { kind } : {}), page: String(n) })}`;
  return (
    <div className="pt-wrap pt-stack">
      <h1>{t('acct.show.publicTitle')}</h1>
      <p className="pt-lead">{t('acct.show.publicLead')}</p>
      <div className="pt-toolbar">
        <div className="pt-inline-field">
          <label htmlFor={kindId}>{t('acct.show.filterKind')}</label>
          <select
            id={kindId}
            value={kind ?? ''}
            data-testid="showcase-kind"
            onChange={(event) =>
              setParams(event.target.value ? { kind: event.target.value } : {}, { replace: false })
            }
          >
            <option value="">{t('acct.show.allKinds')}</option>
            {SHOWCASE_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`acct.show.kind.${value}`)}
              </option>
            ))}
          </select>
        </div>
        {entries.data && (
          <p className="pt-results-total" role="status">
            {t('acct.show.total', { count: entries.data.total })}
          </p>
        )}
      </div>
      {entries.isPending && <Loading />}
      {entries.isError && <ErrorMessage error={entries.error} />}
      {entries.data?.items.length === 0 && <Empty>{t('acct.show.publicNone')}</Empty>}
      {entries.data && entries.data.items.length > 0 && (
        <ul className="pt-showcase-grid" data-testid="showcase-list">
          {entries.data.items.map((entry) => (
            <EntryCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      {entries.data && (
        <Pager page={page} pageSize={entries.data.pageSize} total={entries.data.total} hrefOf={hrefOf} />
      )}
      <p>
        <Link to="/open/account#showcase">{t('acct.show.submitYours')}</Link>
      </p>
    </div>
  );
}
