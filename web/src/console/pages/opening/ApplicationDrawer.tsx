import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { openingApi, type OpenApplicationDetail } from '../../../api/opening.ts';
import { useSession } from '../../../auth/session.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { DueCell } from '../sharing/shared.tsx';
import { ExtensionPanel } from '../sharing/ExtensionPanel.tsx';
import { StepsTimeline } from '../sharing/StepsTimeline.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { ApplicationStateTag, useMethodNames, useRefreshOpening } from './shared.tsx';

/** Item names of field names (the detail's `items` hold the names of those asked for). */
function names(application: OpenApplicationDetail, fields: readonly string[]): string {
  const byField = new Map(application.items.map((item) => [item.field, item.name]));
  return fields.map((field) => byField.get(field) ?? field).join('、');
}

/** The detail of an application: what was asked, the decision, the case's steps and the next act. */
export function ApplicationDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const navigate = useNavigate();
  const refresh = useRefreshOpening();
  const [deciding, setDeciding] = useState(false);
  const detail = useQuery({
    queryKey: ['open/applications', 'detail', id],
    queryFn: ({ signal }) => openingApi.application(id, signal),
  });
  const application = detail.data;
  return (
    <Drawer
      open
      size={780}
      onClose={onClose}
      title={application?.resource.name ?? t('app.loading')}
      data-testid="application-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!application ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            {application.state === 'submitted' && can('open.application.answer') && (
              <Button type="primary" onClick={() => setDeciding(true)} data-testid="application-decide">
                {t('opening.decision.open')}
              </Button>
            )}
            {application.agreement && (
              <Button
                onClick={() => navigate(`/console/opening/agreements?agreement=${application.agreement!.id}`)}
                data-testid="application-agreement-link"
              >
                {t('opening.toAgreement')}
              </Button>
            )}
          </Flex>
          {application.state === 'submitted' && can('open.application.answer') && application.case && (
            <ExtensionPanel shareCase={application.case} onChanged={refresh} />
          )}
          <ApplicationFacts application={application} />
          {application.decidedAt && <DecisionFacts application={application} />}
          {application.case && (
            <div>
              <Typography.Title level={5}>{t('sharing.history.title')}</Typography.Title>
              <StepsTimeline steps={application.case.history} testId="application-history" />
            </div>
          )}
        </Flex>
      )}
      {deciding && application && (
        <DecisionModal application={application} onClose={() => setDeciding(false)} />
      )}
    </Drawer>
  );
}

/** What the applicant asked for. */
function ApplicationFacts({ application }: { application: OpenApplicationDetail }) {
  const { t } = useI18n();
  const methodNames = useMethodNames();
  return (
    <Descriptions column={2} size="small" bordered data-testid="application-facts">
      <Descriptions.Item label={t('opening.field.state')}>
        <ApplicationStateTag state={application.state} decision={application.decision} />
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.dueOn')}>
        <DueCell
          dueOn={application.dueOn}
          overdue={application.overdue}
          workdaysLeft={application.workdaysLeft}
          waiting={application.state === 'submitted'}
        />
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.dataset')}>
        {application.resource.name}（{application.resource.code}）{' '}
        <LevelTag level={application.securityLevel} subLevel={application.securitySubLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.provider')}>{application.provider.name}</Descriptions.Item>
      <Descriptions.Item label={t('opening.field.applicant')}>{application.applicant.name}</Descriptions.Item>
      <Descriptions.Item label={t('opening.field.identity')}>
        {application.applicant.identityMasked ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.methods')}>
        {methodNames(application.methods)}
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.field.period')}>
        {formatDate(application.validFrom)} ~ {formatDate(application.validUntil)}
      </Descriptions.Item>
      {(['purpose', 'scenario', 'securityMeasures'] as const).map((field) => (
        <Descriptions.Item key={field} label={t(`opening.field.${field}`)} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {application[field]}
          </Typography.Paragraph>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('opening.field.fields')} span={2}>
        {names(application, application.fields)}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** What the provider decided. */
function DecisionFacts({ application }: { application: OpenApplicationDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={2}
      size="small"
      bordered
      title={t('opening.decision.title')}
      data-testid="application-decision"
    >
      <Descriptions.Item label={t('opening.decision.by')}>
        {application.decidedByName ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('opening.decision.at')}>
        {formatDateTime(application.decidedAt)}
      </Descriptions.Item>
      {application.decidedFields && (
        <Descriptions.Item label={t('opening.decision.fields')} span={2}>
          {names(application, application.decidedFields)}
        </Descriptions.Item>
      )}
      {application.decidedUntil && (
        <Descriptions.Item label={t('opening.decision.until')} span={2}>
          {formatDate(application.decidedUntil)}
        </Descriptions.Item>
      )}
      {application.decisionReason && (
        <Descriptions.Item label={t('opening.decision.reason')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {application.decisionReason}
          </Typography.Paragraph>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
