import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { accountApi, type OwnRequest } from '../../account-api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import '../../account.css';

/** The answer's due date while the request waits, with 已超期 once it is late. */
function Due({ request }: { request: OwnRequest }) {
  const { t, date } = usePortalI18n();
  if (request.state !== 'submitted') return <>—</>;
  if (!request.dueOn) return <span className="pt-muted">{t('acct.req.noDue')}</span>;
  return (
    <span data-testid="request-due">
      {date(request.dueOn)}
      {request.overdue && <strong className="pt-warning"> {t('acct.req.overdue')}</strong>}
    </span>
  );
}

/**
 * 我的诉求: the user's catalog corrections, data error reports and opinions, with the state, the
 * answer's due date (marked once overdue) and the answer; the texts are shown as plain text.
 */
export function MyRequests() {
  const { t, date } = usePortalI18n();
  const requests = useQuery({ queryKey: ['open', 'my-requests'], queryFn: () => accountApi.myRequests() });
  const items = requests.data?.items;
  return (
    <section id="requests" aria-labelledby="requests-title" className="pt-section" data-testid="my-requests">
      <h2 id="requests-title">{t('acct.req.requests')}</h2>
      <p className="pt-muted">{t('acct.req.requestsLead')}</p>
      {requests.isPending && <Loading />}
      {requests.isError && <ErrorMessage error={requests.error} />}
      {items?.length === 0 && <Empty>{t('acct.req.noRequests')}</Empty>}
      {items && items.length > 0 && (
        <Table
          label={t('acct.req.requests')}
          testId="requests-table"
          headers={[
            t('acct.req.col.kind'),
            t('acct.req.col.dataset'),
            t('acct.req.col.filed'),
            t('acct.req.col.state'),
            t('acct.req.col.due'),
            t('acct.req.col.answer'),
          ]}
        >
          {items.map((request) => (
            <tr key={request.id} data-testid="request-row">
              <th scope="row">
                {t(`acct.req.kind.${request.kind}`)}
                <p className="pt-small pt-muted pt-pre-line pt-clip">{request.statement}</p>
              </th>
              <td>
                {request.resource ? (
                  <Link to={`/open/datasets/${request.resource.id}`}>{request.resource.name}</Link>
                ) : (
                  '—'
                )}
              </td>
              <td>{date(request.createdAt)}</td>
              <td>
                <span className="pt-status" data-status={request.state} data-testid="request-state">
                  {t(`acct.req.state.${request.state}`)}
                </span>
              </td>
              <td>
                <Due request={request} />
              </td>
              <td className="pt-pre-line">
                {request.answer ? (
                  <>
                    {request.answer.text}
                    <span className="pt-small pt-muted">
                      {' '}
                      ({t('acct.req.by', { name: request.responsible.name })},{' '}
                      {date(request.answer.answeredAt)})
                    </span>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
