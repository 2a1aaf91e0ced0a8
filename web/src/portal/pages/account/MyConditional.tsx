import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { openingApi, type OpenApplication } from '../../../api/opening.ts';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import {
  AGREEMENT_STATUS_KEY,
  APPLICATION_STATE_KEY,
  useMyAgreements,
  useMyApplications,
  useRefreshConditional,
} from '../../conditional.ts';
import { usePortalI18n } from '../../i18n/index.tsx';
import '../../conditional.css';

/** The answer's due date while the provider has not answered, else when it was answered. */
function DueCell({ application }: { application: OpenApplication }) {
  const { t, date } = usePortalI18n();
  if (application.state !== 'submitted') return <>—</>;
  if (!application.dueOn) return <span className="pt-muted">{t('apply.noDue')}</span>;
  return (
    <span data-testid="application-due">
      {date(application.dueOn)}
      {application.overdue && <strong className="pt-warning"> {t('apply.overdue')}</strong>}
    </span>
  );
}

/** 撤回 asked twice, while the application waits. */
function Withdraw({ application }: { application: OpenApplication }) {
  const { t } = usePortalI18n();
  const refresh = useRefreshConditional();
  const [confirming, setConfirming] = useState(false);
  const withdraw = useMutation({
    mutationFn: () => openingApi.withdraw(application.id),
    onSuccess: () => void refresh(),
  });
  if (application.state !== 'submitted') return null;
  return (
    <>
      {confirming ? (
        <span className="pt-button-row">
          <button
            type="button"
            className="pt-button pt-button-small pt-button-danger"
            disabled={withdraw.isPending}
            data-testid="application-withdraw-confirm"
            onClick={() => withdraw.mutate()}
          >
            {t('apply.withdrawConfirm')}
          </button>
          <button type="button" className="pt-link-button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="pt-link-button"
          aria-label={t('apply.withdrawNamed', { name: application.resource.name })}
          data-testid="application-withdraw"
          onClick={() => setConfirming(true)}
        >
          {t('apply.withdraw')}
        </button>
      )}
      {withdraw.isError && <ErrorMessage error={withdraw.error} />}
    </>
  );
}

/** 我的申请: every application with its state, the answer's due date and the agreement it made. */
export function MyApplications() {
  const { t, date } = usePortalI18n();
  const applications = useMyApplications();
  return (
    <section id="applications" aria-labelledby="applications-title" className="pt-section">
      <h2 id="applications-title">{t('account.applications')}</h2>
      {applications.isPending && <Loading />}
      {applications.isError && <ErrorMessage error={applications.error} />}
      {applications.data?.length === 0 && <Empty>{t('account.noApplications')}</Empty>}
      {applications.data && applications.data.length > 0 && (
        <Table
          label={t('account.applications')}
          testId="applications-table"
          headers={[
            t('apply.col.dataset'),
            t('apply.col.appliedOn'),
            t('apply.col.state'),
            t('apply.col.dueOn'),
            t('apply.col.agreement'),
            <span key="actions" className="pt-visually-hidden">
              {t('keys.actions')}
            </span>,
          ]}
        >
          {applications.data.map((application) => (
            <tr key={application.id} data-testid="application-row">
              <th scope="row">
                <Link to={`/open/datasets/${application.resource.id}`}>{application.resource.name}</Link>
              </th>
              <td>{date(application.createdAt)}</td>
              <td>
                <span className="pt-status" data-status={application.state} data-testid="application-state">
                  {t(APPLICATION_STATE_KEY[application.state])}
                  {application.decision === 'approve_in_part' && ` · ${t('apply.inPart')}`}
                </span>
              </td>
              <td>
                <DueCell application={application} />
              </td>
              <td>
                {application.agreement ? (
                  <Link
                    to={`/open/agreements/${application.agreement.id}`}
                    data-testid="application-agreement"
                  >
                    {application.agreement.number}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <Withdraw application={application} />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

/** 我的协议: every agreement with its status, period and the next usage report due. */
export function MyAgreements() {
  const { t, date } = usePortalI18n();
  const agreements = useMyAgreements();
  return (
    <section id="agreements" aria-labelledby="agreements-title" className="pt-section">
      <h2 id="agreements-title">{t('account.agreements')}</h2>
      {agreements.isPending && <Loading />}
      {agreements.isError && <ErrorMessage error={agreements.error} />}
      {agreements.data?.length === 0 && <Empty>{t('account.noAgreements')}</Empty>}
      {agreements.data && agreements.data.length > 0 && (
        <Table
          label={t('account.agreements')}
          testId="agreements-table"
          headers={[
            t('agreement.number'),
            t('apply.col.dataset'),
            t('agreement.statusLabel'),
            t('agreement.period'),
            t('agreement.nextFeedback'),
          ]}
        >
          {agreements.data.map((agreement) => (
            <tr key={agreement.id} data-testid="agreement-row">
              <th scope="row">
                <Link to={`/open/agreements/${agreement.id}`} data-testid="agreement-link">
                  {agreement.number}
                </Link>
              </th>
              <td>{agreement.resource.name}</td>
              <td>
                <span className="pt-status" data-status={agreement.status} data-testid="agreement-status">
                  {t(AGREEMENT_STATUS_KEY[agreement.status])}
                </span>
              </td>
              <td>
                {date(agreement.validFrom)} — {date(agreement.validUntil)}
              </td>
              <td>
                {agreement.feedback?.nextDueOn ? date(agreement.feedback.nextDueOn) : '—'}
                {agreement.feedback?.overdue && (
                  <strong className="pt-warning"> {t('agreement.feedbackOverdue')}</strong>
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
