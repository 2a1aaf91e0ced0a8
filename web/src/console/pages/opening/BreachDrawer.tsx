import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Flex, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { AGREEMENT_STATUSES, type AgreementStatus } from '../../../api/opening.ts';
import {
  supervisionApi,
  type Breach,
  type BreachDecision,
  type BreachState,
} from '../../../api/opening-supervision.ts';
import { useSession } from '../../../auth/session.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { BreachDecisionModal } from './BreachModal.tsx';
import { AgreementStatusTag } from './shared.tsx';

const STATE_COLORS: Record<BreachState, string> = {
  open: 'orange',
  reported: 'processing',
  rectified: 'success',
  terminated: 'error',
};

/** A breach's state as a tag. */
export function BreachStateTag({ state }: { state: BreachState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="breach-state">
      {t(`supervision.state.${state}`)}
    </Tag>
  );
}

/** The rectification date, flagged in red once it has passed without a report. */
export function RectifyBy({ breach }: { breach: Breach }) {
  const { t } = useI18n();
  return (
    <Flex gap={6} align="center" wrap>
      <span>{formatDate(breach.rectifyBy)}</span>
      {breach.overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="breach-overdue">
          {t('supervision.overdue')}
        </Tag>
      )}
    </Flex>
  );
}

function isAgreementStatus(state: string): state is AgreementStatus {
  return (AGREEMENT_STATUSES as readonly string[]).includes(state);
}

/**
 * One breach: what was found, the demand and its date, the user's rectification report once filed,
 * and the decision with its note; 认可整改 once the user has reported, 终止协议 while it is unsettled,
 * for those who supervise.
 */
export function BreachDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [deciding, setDeciding] = useState<BreachDecision | null>(null);
  const detail = useQuery({
    queryKey: ['open/breaches', 'detail', id],
    queryFn: ({ signal }) => supervisionApi.breach(id, signal),
  });
  const breach = detail.data;
  const unsettled = breach && (breach.state === 'open' || breach.state === 'reported');
  const supervise = can('open.agreement.supervise');
  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      title={breach ? t('supervision.drawer.title', { number: breach.agreement.number }) : t('app.loading')}
      data-testid="breach-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!breach ? (
        detail.isPending && <Spin />
      ) : (
        <Flex vertical gap={16}>
          {unsettled && supervise && (
            <Flex gap={8} wrap>
              {breach.state === 'reported' && (
                <Button type="primary" onClick={() => setDeciding('accept')} data-testid="breach-accept">
                  {t('supervision.action.accept')}
                </Button>
              )}
              <Button danger onClick={() => setDeciding('terminate')} data-testid="breach-terminate">
                {t('supervision.action.terminate')}
              </Button>
            </Flex>
          )}
          {unsettled && !supervise && (
            <Alert type="info" showIcon title={t('supervision.readOnly')} data-testid="breach-read-only" />
          )}
          {breach.overdue && <Alert type="warning" showIcon title={t('supervision.overdueHelp')} />}
          {breach.state === 'open' && !breach.overdue && (
            <Alert type="info" showIcon title={t('supervision.waitReport')} />
          )}
          {!unsettled && <Alert type="success" showIcon title={t('supervision.closed')} />}
          <Facts breach={breach} />
          <Report breach={breach} />
          {breach.decidedAt && <Outcome breach={breach} />}
        </Flex>
      )}
      {deciding && breach && (
        <BreachDecisionModal breach={breach} decision={deciding} onClose={() => setDeciding(null)} />
      )}
    </Drawer>
  );
}

function Facts({ breach }: { breach: Breach }) {
  const { t } = useI18n();
  const state = breach.agreement.state;
  return (
    <Descriptions column={2} size="small" bordered data-testid="breach-facts">
      <Descriptions.Item label={t('supervision.field.state')}>
        <BreachStateTag state={breach.state} />
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.rectifyBy')}>
        <RectifyBy breach={breach} />
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.agreement')}>
        <Link
          to={`/console/opening/agreements?agreement=${encodeURIComponent(breach.agreement.id)}`}
          aria-label={`${t('supervision.drawer.openAgreement')} ${breach.agreement.number}`}
          data-testid="breach-agreement-link"
        >
          {breach.agreement.number}
        </Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.agreementState')}>
        {isAgreementStatus(state) ? <AgreementStatusTag status={state} /> : state}
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.dataset')}>
        {breach.resource.name ?? '—'}{' '}
        <LevelTag level={breach.securityLevel} subLevel={breach.securitySubLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.provider')}>{breach.provider.name}</Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.applicant')}>
        {breach.applicant?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('supervision.field.foundBy')}>
        {breach.foundBy ?? '—'} · {formatDateTime(breach.createdAt)}
      </Descriptions.Item>
      {(['breach', 'demand'] as const).map((field) => (
        <Descriptions.Item key={field} label={t(`supervision.field.${field}`)} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid={`breach-${field}`}>
            {breach[field]}
          </Typography.Paragraph>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function Report({ breach }: { breach: Breach }) {
  const { t } = useI18n();
  return (
    <div data-testid="breach-report">
      <Typography.Title level={5}>{t('supervision.reportSection')}</Typography.Title>
      {breach.report === null ? (
        <Typography.Text type="secondary">{t('supervision.noReport')}</Typography.Text>
      ) : (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('supervision.field.reportedAt')}>
            {formatDateTime(breach.reportedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.field.report')}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {breach.report}
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      )}
    </div>
  );
}

function Outcome({ breach }: { breach: Breach }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={5}>{t('supervision.outcome')}</Typography.Title>
      <Descriptions column={2} size="small" bordered data-testid="breach-outcome">
        <Descriptions.Item label={t('supervision.field.decidedBy')}>
          {breach.decidedBy ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.decidedAt')}>
          {formatDateTime(breach.decidedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('supervision.field.decisionNote')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {breach.decisionNote ?? '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
