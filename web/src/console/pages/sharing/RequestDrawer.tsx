import { useQuery } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Flex, Popconfirm, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Item } from '../../../api/catalog.ts';
import { sharingApi, WAITING_STATES, type ShareRequestDetail } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { useResource } from '../catalog/meta.tsx';
import { ConditionTags } from './ConditionBuilder.tsx';
import { DecisionModal } from './DecisionModal.tsx';
import { ExtensionPanel } from './ExtensionPanel.tsx';
import { StepsTimeline } from './StepsTimeline.tsx';
import type { RequestSide } from './RequestsPage.tsx';
import { itemNames, RequestDue, RequestStateTag, useRefreshSharing } from './shared.tsx';

/** The detail of a request: what was asked, what was decided, the case's steps, and the next act. */
export function RequestDrawer({ id, side, onClose }: { id: string; side: RequestSide; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const refresh = useRefreshSharing();
  const [deciding, setDeciding] = useState(false);
  const detail = useQuery({
    queryKey: ['share/requests', 'detail', id],
    queryFn: ({ signal }) => sharingApi.request(id, signal),
  });
  const request = detail.data;
  const items = useResource(request?.resource.id).data?.published?.items;
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      await refresh();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  const waiting = request ? WAITING_STATES.includes(request.state) : false;

  return (
    <Drawer
      open
      width={780}
      onClose={onClose}
      title={request?.resource.name ?? t('app.loading')}
      data-testid="request-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!request ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8} wrap>
            {side === 'provider' && request.state === 'submitted' && can('share.answer') && (
              <Button type="primary" onClick={() => setDeciding(true)} data-testid="request-decide">
                {t('sharing.decision.open')}
              </Button>
            )}
            {side === 'authority' && request.state === 'awaiting_authority' && can('share.grant.open') && (
              <Popconfirm
                title={t('sharing.open.confirm')}
                okText={t('sharing.open.action')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(() => sharingApi.open(request.id), t('sharing.open.done'))}
              >
                <Button type="primary" data-testid="request-grant-open">
                  {t('sharing.open.action')}
                </Button>
              </Popconfirm>
            )}
            {side === 'applicant' && waiting && can('share.request') && (
              <Popconfirm
                title={t('sharing.withdraw.confirm')}
                okText={t('sharing.withdraw.action')}
                cancelText={t('common.cancel')}
                onConfirm={() => act(() => sharingApi.withdraw(request.id), t('sharing.withdraw.done'))}
              >
                <Button danger data-testid="request-withdraw">
                  {t('sharing.withdraw.action')}
                </Button>
              </Popconfirm>
            )}
            {request.grantId && (
              <Button
                onClick={() => navigate(`/console/sharing/grants?grant=${request.grantId}`)}
                data-testid="request-grant-link"
              >
                {t('sharing.requests.toGrant')}
              </Button>
            )}
          </Flex>
          {side === 'provider' && request.case && <ExtensionPanel shareCase={request.case} />}
          <RequestFacts request={request} items={items} />
          {request.decidedAt && <DecisionFacts request={request} items={items} />}
          <div>
            <Typography.Title level={5}>{t('sharing.history.title')}</Typography.Title>
            <StepsTimeline steps={request.history} testId="request-history" />
          </div>
        </Flex>
      )}
      {deciding && request && items && (
        <DecisionModal request={request} items={items} onClose={() => setDeciding(false)} />
      )}
    </Drawer>
  );
}

/** What the applicant asked for. */
function RequestFacts({ request, items }: { request: ShareRequestDetail; items: Item[] | undefined }) {
  const { t } = useI18n();
  return (
    <Descriptions column={2} size="small" bordered data-testid="request-facts">
      <Descriptions.Item label={t('sharing.field.state')}>
        <RequestStateTag state={request.state} decision={request.decision} />
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.dueOn')}>
        <RequestDue request={request} />
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.resource')}>
        {request.resource.name}（{request.resource.code}）{' '}
        <LevelTag level={request.securityLevel} subLevel={request.securitySubLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.basis')}>
        {t(`sharing.basis.${request.kind}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.provider')}>{request.provider.name}</Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.applicant')}>
        {request.applicant.name}
        {request.applicantUserName ? ` · ${request.applicantUserName}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.application')}>{request.application}</Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.period')}>
        {formatDate(request.validFrom)} ~ {formatDate(request.validUntil)}
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.purpose')} span={2}>
        {request.purpose}
      </Descriptions.Item>
      {request.legalBasis && (
        <Descriptions.Item label={t('sharing.field.legalBasis')} span={2}>
          {request.legalBasis}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('sharing.field.fields')} span={2}>
        {itemNames(items, request.fields)}
      </Descriptions.Item>
      <Descriptions.Item label={t('sharing.field.rowScope')} span={2}>
        <ConditionTags conditions={request.rowScope} items={items} />
      </Descriptions.Item>
    </Descriptions>
  );
}

/** What the provider decided. */
function DecisionFacts({ request, items }: { request: ShareRequestDetail; items: Item[] | undefined }) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={2}
      size="small"
      bordered
      title={t('sharing.decision.title')}
      data-testid="request-decision"
    >
      <Descriptions.Item label={t('sharing.decision.by')}>{request.decidedByName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('sharing.decision.at')}>
        {formatDateTime(request.decidedAt)}
      </Descriptions.Item>
      {request.decidedFields && (
        <Descriptions.Item label={t('sharing.decision.fields')} span={2}>
          {itemNames(items, request.decidedFields)}
        </Descriptions.Item>
      )}
      {request.decidedRowScope && (
        <Descriptions.Item label={t('sharing.decision.rowScope')} span={2}>
          <ConditionTags conditions={request.decidedRowScope} items={items} />
        </Descriptions.Item>
      )}
      {request.decidedUntil && (
        <Descriptions.Item label={t('sharing.decision.until')} span={2}>
          {formatDate(request.decidedUntil)}
        </Descriptions.Item>
      )}
      {request.openedAt && (
        <Descriptions.Item label={t('sharing.open.by')} span={2}>
          {request.openedByName ?? '—'} · {formatDateTime(request.openedAt)}
        </Descriptions.Item>
      )}
      {request.decisionReason && (
        <Descriptions.Item label={t('sharing.decision.reason')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
            {request.decisionReason}
          </Typography.Paragraph>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
