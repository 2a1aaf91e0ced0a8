import { useQuery } from '@tanstack/react-query';
import { accountApi } from '../../account-api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { ShowcaseForm } from './ShowcaseForm.tsx';
import '../../account.css';

/** 我的应用展示: the user's own entries with their review (the reason of a rejection), and the form. */
export function MyShowcase() {
  const { t, date } = usePortalI18n();
  const entries = useQuery({ queryKey: ['open', 'my-showcase'], queryFn: () => accountApi.myShowcase() });
  const items = entries.data?.items;
  return (
    <section id="showcase" aria-labelledby="showcase-title" className="pt-section" data-testid="my-showcase">
      <h2 id="showcase-title">{t('acct.show.mine')}</h2>
      <p className="pt-muted">{t('acct.show.mineLead')}</p>
      {entries.isPending && <Loading />}
      {entries.isError && <ErrorMessage error={entries.error} />}
      {items?.length === 0 && <Empty>{t('acct.show.none')}</Empty>}
      {items && items.length > 0 && (
        <Table
          label={t('acct.show.mine')}
          testId="showcase-table"
          headers={[
            t('acct.show.col.name'),
            t('acct.show.col.kind'),
            t('acct.show.col.submitted'),
            t('acct.show.col.state'),
          ]}
        >
          {items.map((entry) => (
            <tr key={entry.id} data-testid="showcase-row">
              <th scope="row">
                {entry.name}
                <p className="pt-small pt-muted">
                  {entry.datasets.map((dataset) => dataset.name).join('、')}
                </p>
              </th>
              <td>{t(`acct.show.kind.${entry.kind}`)}</td>
              <td>{date(entry.createdAt)}</td>
              <td>
                <span className="pt-status" data-status={entry.state} data-testid="showcase-state">
                  {t(`acct.show.state.${entry.state}`)}
                </span>
                {entry.state === 'rejected' && entry.reviewReason && (
                  <p className="pt-small pt-pre-line" data-testid="showcase-reason">
                    {t('acct.show.rejectedBecause', { reason: entry.reviewReason })}
                  </p>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ShowcaseForm />
    </section>
  );
}
