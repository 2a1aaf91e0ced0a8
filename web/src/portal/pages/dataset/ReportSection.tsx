import { lazy, Suspense } from 'react';
import type { DatasetPage } from '../../api.ts';
import { Loading } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { useParticipant } from '../../participation.ts';
import { ParticipantGate } from './FeedbackSection.tsx';
import '../../participation.css';

// The four forms load only for those who may send them (signed in with a verified identity).
const ReportForms = lazy(() => import('./ReportForms.tsx'));

/**
 * 反馈问题 on a dataset page: a correction of the open catalog (CQ19 §32), a data error report
 * (CQO §22), an opinion (CQ19 §37) and an objection (CQO §41). Signed out: sign in or register;
 * a staff account or an unverified identity is told why not.
 */
export function ReportSection({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const participant = useParticipant();
  return (
    <div className="pt-stack-tight" data-testid="report">
      <p>{t('report.lead')}</p>
      {participant === 'verified' ? (
        <Suspense fallback={<Loading />}>
          <ReportForms dataset={dataset} />
        </Suspense>
      ) : (
        <ParticipantGate participant={participant} signInText={t('report.signIn')} testId="report" />
      )}
    </div>
  );
}
