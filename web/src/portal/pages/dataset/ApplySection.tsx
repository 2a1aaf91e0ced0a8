import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../../auth/session.tsx';
import type { OpenApplication } from '../../../api/opening.ts';
import { portalApi, type DatasetPage } from '../../api.ts';
import { ErrorMessage, Loading } from '../../components/States.tsx';
import {
  AGREEMENT_STATUS_KEY,
  APPLICATION_STATE_KEY,
  useConditionalProfile,
  useMyAgreements,
  useMyApplications,
} from '../../conditional.ts';
import { usePortalI18n } from '../../i18n/index.tsx';
import { useSignInHref } from './DatasetData.tsx';
import '../../conditional.css';

// The form loads only for those who may fill it in (signed in, verified, on a conditional dataset).
const ApplicationForm = lazy(() => import('./ApplicationForm.tsx'));

/** The user's applications and agreements for this dataset, each with where it stands. */
function MyRecords({ datasetId }: { datasetId: string }) {
  const { t, date } = usePortalI18n();
  const applications = useMyApplications();
  const agreements = useMyAgreements();
  const mine = (applications.data ?? []).filter((application) => application.resource.id === datasetId);
  const agreed = (agreements.data ?? []).filter((agreement) => agreement.resource.id === datasetId);
  if (mine.length === 0 && agreed.length === 0) return null;
  return (
    <div className="pt-stack-tight" data-testid="apply-mine">
      <h3>{t('apply.mine')}</h3>
      <ul className="pt-plain-list">
        {agreed.map((agreement) => (
          <li key={agreement.id} data-testid="apply-mine-agreement">
            <Link to={`/open/agreements/${agreement.id}`}>
              {t('apply.agreementNumber', { number: agreement.number })}
            </Link>{' '}
            <span className="pt-status" data-status={agreement.status}>
              {t(AGREEMENT_STATUS_KEY[agreement.status])}
            </span>{' '}
            <span className="pt-muted pt-small">
              {t('apply.period', { from: date(agreement.validFrom), until: date(agreement.validUntil) })}
            </span>
          </li>
        ))}
        {mine
          .filter((application) => !application.agreement)
          .map((application) => (
            <li key={application.id} data-testid="apply-mine-application">
              {t('apply.appliedOn', { date: date(application.createdAt) })}{' '}
              <span className="pt-status" data-status={application.state}>
                {t(APPLICATION_STATE_KEY[application.state])}
              </span>
              {application.state === 'submitted' && application.dueOn && (
                <span className="pt-muted pt-small">
                  {' '}
                  {t('apply.dueOn', { date: date(application.dueOn) })}
                </span>
              )}
            </li>
          ))}
      </ul>
      <p className="pt-small">
        <Link to="/open/account#applications">{t('apply.seeAccount')}</Link>
      </p>
    </div>
  );
}

/** The application just sent: what happens next, and where to follow it. */
function Sent({ application }: { application: OpenApplication }) {
  const { t, date } = usePortalI18n();
  return (
    <div className="pt-alert pt-alert-success" role="status" data-testid="apply-sent">
      <p>
        <strong>{t('apply.sent')}</strong>
      </p>
      {application.dueOn && <p>{t('apply.sentDue', { date: date(application.dueOn) })}</p>}
      <p>
        <Link to="/open/account#applications">{t('apply.seeAccount')}</Link>
      </p>
    </div>
  );
}

/** Whether the user has an application for this dataset that still waits for the provider. */
function useWaiting(datasetId: string): boolean {
  const applications = useMyApplications();
  return (applications.data ?? []).some(
    (application) => application.resource.id === datasetId && application.state === 'submitted',
  );
}

/** For a user who may apply: what they have for this dataset, then the form (unless one waits). */
function SignedInApply({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const me = useQuery({ queryKey: ['open', 'me'], queryFn: portalApi.me });
  const applications = useMyApplications();
  const waiting = useWaiting(dataset.id);
  // The application sent from this page: said so here, even once the list knows it waits.
  const [sent, setSent] = useState<OpenApplication | null>(null);
  if (me.isPending || applications.isPending) return <Loading />;
  if (me.isError) return <ErrorMessage error={me.error} />;
  if (!me.data.identityVerified) {
    return (
      <p className="pt-alert pt-alert-error" data-testid="apply-unverified">
        {t('state.identityRequired')}
      </p>
    );
  }
  return (
    <>
      <MyRecords datasetId={dataset.id} />
      {sent ? (
        <Sent application={sent} />
      ) : waiting ? (
        <p className="pt-alert pt-alert-info" data-testid="apply-waiting">
          {t('apply.waiting')}
        </p>
      ) : (
        <Suspense fallback={<Loading />}>
          <ApplicationForm dataset={dataset} onSent={setSent} />
        </Suspense>
      )}
    </>
  );
}

/**
 * 申请使用 on a conditionally open dataset's page (CQO §24): signed out, the way to sign in or
 * register; signed in with a verified identity, the application form; staff accounts are told
 * that only public accounts apply.
 */
export function ApplySection({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const signIn = useSignInHref();
  const { replyWorkdays } = useConditionalProfile();
  return (
    <div className="pt-stack-tight" data-testid="apply">
      <p>{t('apply.lead')}</p>
      {replyWorkdays !== null && (
        <p className="pt-muted pt-small">{t('apply.replyRule', { days: replyWorkdays })}</p>
      )}
      {session.state.status === 'loading' ? (
        <Loading />
      ) : !session.info ? (
        <p className="pt-button-row" data-testid="apply-sign-in">
          <Link to={signIn} className="pt-button">
            {t('apply.signIn')}
          </Link>
          <Link to="/open/register" className="pt-button pt-button-quiet">
            {t('apply.register')}
          </Link>
        </p>
      ) : !session.can('open.apply') ? (
        <p className="pt-alert pt-alert-info" data-testid="apply-staff">
          {t('apply.staffOnly')}
        </p>
      ) : (
        <SignedInApply dataset={dataset} />
      )}
    </div>
  );
}
