import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { accountApi, downloadContribution } from '../account-api.ts';
import { ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { Table } from '../components/Table.tsx';
import { usePortalI18n } from '../i18n/index.tsx';
import '../account.css';

/** The size of a file in KiB or MiB. */
function sizeText(bytes: number, num: (n: number) => string): string {
  if (bytes < 1024 * 1024) return `${num(Math.max(1, Math.round(bytes / 1024)))} KiB`;
  return `${num(Math.round((bytes / 1024 / 1024) * 10) / 10)} MiB`;
}

/**
 * /open/contributions/:id: an organisation's approved dataset — description, facts, the first ten
 * rows and the CSV download (signed-in, identity-verified users; others are led to sign in).
 */
export default function ContributionPage() {
  const { t, date, num } = usePortalI18n();
  const { id = '' } = useParams();
  const session = useSession();
  const item = useQuery({
    queryKey: ['open', 'contribution', id],
    queryFn: () => accountApi.contribution(id),
  });
  usePageTitle(item.data?.name ?? t('acct.contrib.publicTitle'));
  const download = useMutation({ mutationFn: () => downloadContribution(id, item.data?.name ?? id) });
  if (item.isPending) return <Loading />;
  if (item.isError) {
    const missing = item.error instanceof ApiError && item.error.status === 404;
    return (
      <div className="pt-wrap pt-stack" data-testid="contribution-missing">
        <h1>{t('acct.contrib.publicTitle')}</h1>
        {missing ? (
          <p className="pt-alert pt-alert-info">{t('acct.contrib.notFound')}</p>
        ) : (
          <ErrorMessage error={item.error} />
        )}
        <p>
          <Link to="/open/contributions">{t('acct.contrib.back')}</Link>
        </p>
      </div>
    );
  }
  const data = item.data;
  const facts: [string, string][] = [
    [t('acct.contrib.publisher'), data.publisher],
    [t('acct.contrib.publishedOn'), date(data.reviewedAt ?? data.createdAt)],
    [t('acct.contrib.licence'), data.licence],
    [t('acct.contrib.updateCycle'), data.updateCycle],
    [t('acct.contrib.sourceNote'), data.sourceNote],
    [t('acct.contrib.keywords'), data.keywords.join('、') || '—'],
    [t('acct.contrib.col.rows'), num(data.rows)],
    [t('acct.contrib.size'), sizeText(data.size, num)],
    [t('acct.contrib.downloads'), num(data.downloads)],
    [t('acct.contrib.digest'), data.digest],
  ];
  const next = encodeURIComponent(`/open/contributions/${id}`);
  return (
    <div className="pt-wrap pt-stack" data-testid="contribution-page">
      <p>
        <Link to="/open/contributions">{t('acct.contrib.back')}</Link>
      </p>
      <h1>{data.name}</h1>
      <p className="pt-lead pt-pre-line">{data.description}</p>
      <dl className="pt-facts pt-facts-wide">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className="pt-break">{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="contribution-download" className="pt-section">
        <h2 id="contribution-download" className="pt-visually-hidden">
          {t('acct.contrib.download')}
        </h2>
        {session.info ? (
          <button
            type="button"
            className="pt-button"
            disabled={download.isPending}
            data-testid="contribution-download"
            onClick={() => download.mutate()}
          >
            {t('acct.contrib.download')}
          </button>
        ) : (
          <Link className="pt-button" to={`/open/login?next=${next}`} data-testid="contribution-sign-in">
            {t('acct.contrib.signInToDownload')}
          </Link>
        )}
        {download.isError && <ErrorMessage error={download.error} />}
        {download.data && (
          <p className="pt-alert pt-alert-success" role="status">
            {t('acct.contrib.downloaded', { name: download.data })}
          </p>
        )}
      </section>
      <section aria-labelledby="contribution-preview" className="pt-section">
        <h2 id="contribution-preview">{t('acct.contrib.preview')}</h2>
        <Table label={t('acct.contrib.preview')} testId="contribution-preview" headers={data.columns}>
          {data.preview.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) => (
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </Table>
      </section>
    </div>
  );
}
