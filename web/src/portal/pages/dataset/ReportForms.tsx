// The report forms of the dataset page as tabs, loaded as their own chunk (only verified public
// users get them). What was just sent stays said in its tab until the user asks to send another.
import { useState, type ReactNode } from 'react';
import type { DatasetPage } from '../../api.ts';
import { Tabs } from '../../components/Tabs.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import type { ParticipationRequest } from '../../participation-forms.ts';
import { ObjectionForm } from './ObjectionForm.tsx';
import { RequestSent } from './ReportParts.tsx';
import { CorrectionForm, DataErrorForm, OpinionForm } from './RequestForms.tsx';

type Kind = 'correction' | 'error' | 'opinion';

/** The four ways to report a problem with a dataset, one tab each. */
export default function ReportForms({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const [active, setActive] = useState('correction');
  const [sent, setSent] = useState<Partial<Record<Kind, ParticipationRequest>>>({});
  const sentOf = (kind: Kind) => (request: ParticipationRequest) =>
    setSent((old) => ({ ...old, [kind]: request }));
  const panel = (kind: Kind, form: ReactNode) => {
    const request = sent[kind];
    return request ? (
      <RequestSent request={request} onAnother={() => setSent((old) => ({ ...old, [kind]: undefined }))} />
    ) : (
      form
    );
  };
  return (
    <Tabs
      label={t('report.tabs')}
      testId="report-tabs"
      active={active}
      onChange={setActive}
      tabs={[
        {
          key: 'correction',
          label: t('report.tab.correction'),
          content: panel('correction', <CorrectionForm dataset={dataset} onSent={sentOf('correction')} />),
        },
        {
          key: 'error',
          label: t('report.tab.error'),
          content: panel('error', <DataErrorForm dataset={dataset} onSent={sentOf('error')} />),
        },
        {
          key: 'opinion',
          label: t('report.tab.opinion'),
          content: panel('opinion', <OpinionForm dataset={dataset} onSent={sentOf('opinion')} />),
        },
        {
          key: 'objection',
          label: t('report.tab.objection'),
          content: <ObjectionForm dataset={dataset} />,
        },
      ]}
    />
  );
}
