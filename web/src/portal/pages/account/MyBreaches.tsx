import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { accountApi, problemsByField, type OwnBreach } from '../../account-api.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { ErrorMessage } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import '../../account.css';

/** The user's report of what was put right, while the breach waits for one. */
function Rectify({ breach }: { breach: OwnBreach }) {
  const { t } = usePortalI18n();
  const queryClient = useQueryClient();
  const [report, setReport] = useState('');
  const [error, setError] = useState<string>();
  const send = useMutation({
    mutationFn: () => accountApi.reportRectification(breach.id, report.trim()),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['open', 'my-breaches'] }),
  });
  const server = problemsByField(send.error, ['report']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!report.trim()) return setError(t('register.error.required'));
    setError(undefined);
    send.mutate();
  };
  return (
    <form noValidate onSubmit={submit} className="pt-form" data-testid="rectification-form">
      <TextAreaField
        name="report"
        label={t('acct.breach.report')}
        hint={t('acct.breach.reportHint')}
        required
        maxLength={2000}
        value={report}
        error={error ?? server.byField.report}
        onChange={(event) => {
          setReport(event.target.value);
          setError(undefined);
        }}
      />
      {send.isError && !server.byField.report && <ErrorMessage error={send.error} />}
      <button type="submit" className="pt-button" disabled={send.isPending}>
        {t('acct.breach.send')}
      </button>
    </form>
  );
}

/**
 * 违约整改 (CQO §39): where the user's access under an agreement is suspended for a breach, what was
 * found, what must be rectified by when (marked once overdue), and the report of the rectification.
 * Shown only when there is a breach: most users never have one.
 */
export function MyBreaches() {
  const { t, date } = usePortalI18n();
  const breaches = useQuery({ queryKey: ['open', 'my-breaches'], queryFn: accountApi.myBreaches });
  if (breaches.isError) return <ErrorMessage error={breaches.error} />;
  if (!breaches.data || breaches.data.length === 0) return null;
  return (
    <section id="breaches" aria-labelledby="breaches-title" className="pt-section" data-testid="my-breaches">
      <h2 id="breaches-title">{t('acct.breach.title')}</h2>
      <p className="pt-muted">{t('acct.breach.lead')}</p>
      <ul className="pt-account-list">
        {breaches.data.map((breach) => (
          <li key={breach.id} className="pt-account-item" data-testid="breach-row">
            <p className="pt-account-item-head">
              <Link to={`/open/agreements/${breach.agreement.id}`}>
                {t('acct.breach.agreement', { number: breach.agreement.number })}
              </Link>
              <span className="pt-status" data-status={breach.state === 'open' ? 'suspended' : breach.state}>
                {t(`acct.breach.state.${breach.state}`)}
              </span>
            </p>
            <p className="pt-small pt-muted">
              {breach.resource.name ?? ''} · {breach.provider.name}
            </p>
            <dl className="pt-facts pt-facts-wide">
              <div>
                <dt>{t('acct.breach.found')}</dt>
                <dd className="pt-pre-line">{breach.breach}</dd>
              </div>
              <div>
                <dt>{t('acct.breach.demand')}</dt>
                <dd className="pt-pre-line">{breach.demand}</dd>
              </div>
              <div>
                <dt>{t('acct.breach.rectifyBy')}</dt>
                <dd>
                  {date(breach.rectifyBy)}
                  {breach.overdue && <strong className="pt-warning"> {t('acct.breach.overdue')}</strong>}
                </dd>
              </div>
              {breach.report && (
                <div>
                  <dt>{t('acct.breach.report')}</dt>
                  <dd className="pt-pre-line">{breach.report}</dd>
                </div>
              )}
              {breach.decisionNote && (
                <div>
                  <dt>{t('acct.breach.decision')}</dt>
                  <dd className="pt-pre-line">{breach.decisionNote}</dd>
                </div>
              )}
            </dl>
            {breach.state === 'open' && <Rectify breach={breach} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
