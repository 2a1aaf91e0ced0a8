import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  DISPUTE_RESOLUTIONS,
  sharingApi,
  type DisputeResolution,
  type ShareDispute,
} from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { useRefreshSharing } from './shared.tsx';
import { StepsTimeline } from './StepsTimeline.tsx';

/** Where a dispute stands. */
export type DisputeState = ShareDispute['state'];
/** Every state of a dispute. */
export const DISPUTE_STATES: readonly DisputeState[] = ['open', 'resolved', 'withdrawn'];
const STATE_COLORS: Record<DisputeState, string> = {
  open: 'processing',
  resolved: 'success',
  withdrawn: 'default',
};

/** A dispute's state as a coloured tag. */
export function DisputeStateTag({ state }: { state: DisputeState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`sharing.dispute.state.${state}`)}</Tag>;
}

/** A dispute: the reason, the parties, the due date, the steps; withdraw it, or (the authority) resolve it. */
export function DisputeDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can, info } = useSession();
  const { message } = App.useApp();
  const refresh = useRefreshSharing();
  const [resolving, setResolving] = useState(false);
  const detail = useQuery({
    queryKey: ['share/disputes', 'detail', id],
    queryFn: ({ signal }) => sharingApi.dispute(id, signal),
  });
  const dispute = detail.data;
  const open = dispute?.state === 'open';
  const withdraw = async () => {
    try {
      await sharingApi.withdrawDispute(id);
      message.success(t('sharing.dispute.withdrawn'));
      await refresh();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  return (
    <Drawer
      open
      width={720}
      onClose={onClose}
      title={dispute?.resource.name ?? t('app.loading')}
      data-testid="dispute-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!dispute ? (
        <Spin />
      ) : (
        <Flex vertical gap={16}>
          <Flex gap={8}>
            {open && can('share.dispute.coordinate') && (
              <Button type="primary" onClick={() => setResolving(true)} data-testid="dispute-resolve">
                {t('sharing.dispute.resolve')}
              </Button>
            )}
            {open && can('share.request') && info?.user.departmentId === dispute.applicant.id && (
              <Popconfirm title={t('sharing.dispute.withdrawConfirm')} onConfirm={withdraw}>
                <Button danger>{t('sharing.withdraw.action')}</Button>
              </Popconfirm>
            )}
          </Flex>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('sharing.field.state')}>
              <DisputeStateTag state={dispute.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sharing.field.dueOn')}>
              {formatDate(dispute.dueOn) || t('sharing.noDue')}
              {open && dispute.overdue && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  {t('sharing.overdue')}
                </Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('sharing.field.resource')}>
              {dispute.resource.name}（{dispute.resource.code}）{' '}
              <LevelTag level={dispute.securityLevel} subLevel={dispute.securitySubLevel} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sharing.field.provider')}>{dispute.provider.name}</Descriptions.Item>
            <Descriptions.Item label={t('sharing.field.applicant')}>
              {dispute.applicant.name}
              {dispute.raisedByName ? ` · ${dispute.raisedByName}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('sharing.field.createdAt')}>
              {formatDateTime(dispute.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('sharing.dispute.reason')} span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {dispute.reason}
              </Typography.Paragraph>
            </Descriptions.Item>
            {dispute.resolution && (
              <Descriptions.Item label={t('sharing.dispute.resolution')} span={2}>
                <Tag color="blue">{t(`sharing.dispute.resolution.${dispute.resolution}`)}</Tag>
                {dispute.resolvedByName} · {formatDateTime(dispute.resolvedAt)}
              </Descriptions.Item>
            )}
            {dispute.outcome && (
              <Descriptions.Item label={t('sharing.dispute.outcome')} span={2}>
                <Typography.Paragraph
                  style={{ margin: 0, whiteSpace: 'pre-wrap' }}
                  data-testid="dispute-outcome"
                >
                  {dispute.outcome}
                </Typography.Paragraph>
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('sharing.history.title')}</Typography.Title>
            <StepsTimeline steps={dispute.history} testId="dispute-history" />
          </div>
        </Flex>
      )}
      {resolving && dispute && <ResolveModal dispute={dispute} onClose={() => setResolving(false)} />}
    </Drawer>
  );
}

function ResolveModal({ dispute, onClose }: { dispute: ShareDispute; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSharing();
  return (
    <FormModal<{ resolution: DisputeResolution; outcome: string }>
      name="dispute-resolve"
      title={t('sharing.dispute.resolveTitle', { name: dispute.resource.name })}
      okText={t('sharing.dispute.resolve')}
      fieldNames={['resolution', 'outcome']}
      onClose={onClose}
      onSubmit={async (values) => {
        await sharingApi.resolveDispute(dispute.id, values.resolution, values.outcome.trim());
        message.success(t('sharing.dispute.resolved'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="resolution"
        label={t('sharing.dispute.resolution')}
        rules={[
          { required: true, message: t('common.requiredSelect', { field: t('sharing.dispute.resolution') }) },
        ]}
      >
        <Radio.Group
          options={DISPUTE_RESOLUTIONS.map((value) => ({
            value,
            label: t(`sharing.dispute.resolution.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="outcome"
        label={t('sharing.dispute.outcome')}
        extra={t('sharing.dispute.outcomeHelp')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('sharing.dispute.outcome') }),
          },
        ]}
      >
        <Input.TextArea rows={4} maxLength={4000} />
      </Form.Item>
    </FormModal>
  );
}
