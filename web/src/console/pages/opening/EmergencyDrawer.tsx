import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Flex, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { oversightApi, type EmergencyDataset, type EmergencyDetail } from '../../../api/opening-oversight.ts';
import { useSession } from '../../../auth/session.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { OpenUnderModal, RetainModal } from './EmergencyModals.tsx';
import { DispositionTag, EmergencyStatusTag } from './oversight-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

/**
 * One emergency: its scope, basis and dates, the datasets opened under it and, after the end, the
 * list of what must still be deleted or retained with approval. Deleting asks first, naming the
 * dataset and saying that its rows go for good.
 */
export function EmergencyDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message, modal } = App.useApp();
  const refresh = useRefreshOpening();
  const [opening, setOpening] = useState(false);
  const [retaining, setRetaining] = useState<{ resourceId: string; name: string } | null>(null);
  const detail = useQuery({
    queryKey: ['open/emergencies', 'detail', id],
    queryFn: ({ signal }) => oversightApi.emergency(id, signal),
  });
  const emergency = detail.data;
  const manage = can('open.emergency.manage');

  const endNow = (row: EmergencyDetail) =>
    modal.confirm({
      title: t('oversight.emergency.endConfirm', { name: row.name }),
      okText: t('oversight.emergency.end'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await oversightApi.end(row.id);
          message.success(t('oversight.emergency.ended'));
          await refresh();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  const remove = (row: EmergencyDetail, dataset: EmergencyDataset) =>
    modal.confirm({
      title: t('oversight.emergency.deleteTitle', { name: dataset.name ?? dataset.code }),
      content: t('oversight.emergency.deleteConfirm'),
      okText: t('oversight.emergency.deleteOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const answer = await oversightApi.dispose(row.id, dataset.resourceId, { disposition: 'delete' });
          const rows =
            answer.datasets.find((item) => item.resourceId === dataset.resourceId)?.deletedRows ?? 0;
          message.success(t('oversight.emergency.deleted', { rows }));
          await refresh();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  return (
    <Drawer
      open
      size={820}
      onClose={onClose}
      title={emergency?.name ?? t('app.loading')}
      data-testid="emergency-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!emergency ? (
        detail.isPending && <Spin />
      ) : (
        <Flex vertical gap={16}>
          {manage && emergency.status !== 'ended' && (
            <Flex gap={8} wrap>
              {emergency.status === 'active' && (
                <Button type="primary" onClick={() => setOpening(true)} data-testid="emergency-open-dataset">
                  {t('oversight.emergency.open')}
                </Button>
              )}
              <Button danger onClick={() => endNow(emergency)} data-testid="emergency-end">
                {t('oversight.emergency.end')}
              </Button>
            </Flex>
          )}
          {!manage && <Alert type="info" showIcon title={t('oversight.emergency.readOnly')} />}
          {emergency.status === 'ended' && emergency.datasets.length > 0 && (
            <Alert
              type={emergency.pending > 0 ? 'warning' : 'success'}
              showIcon
              data-testid="emergency-pending"
              title={
                emergency.pending > 0
                  ? t('oversight.emergency.pending', { count: emergency.pending })
                  : t('oversight.emergency.allDecided')
              }
            />
          )}
          <Descriptions column={2} size="small" bordered data-testid="emergency-facts">
            <Descriptions.Item label={t('oversight.emergency.status')}>
              <Flex gap={4} wrap>
                <EmergencyStatusTag status={emergency.status} />
                {emergency.endedEarlyOn && (
                  <Typography.Text type="secondary">
                    {t('oversight.emergency.endedEarly', { date: formatDate(emergency.endedEarlyOn) })}
                  </Typography.Text>
                )}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('oversight.emergency.period')}>
              {formatDate(emergency.startsOn)} ~ {formatDate(emergency.endsOn)}
            </Descriptions.Item>
            {(['scope', 'basis'] as const).map((field) => (
              <Descriptions.Item key={field} label={t(`oversight.emergency.${field}`)} span={2}>
                <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                  {emergency[field]}
                </Typography.Paragraph>
              </Descriptions.Item>
            ))}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('oversight.emergency.datasets')}</Typography.Title>
            <Table<EmergencyDataset>
              rowKey="resourceId"
              size="small"
              pagination={false}
              dataSource={emergency.datasets}
              locale={{ emptyText: t('oversight.emergency.noDatasets') }}
              data-testid="emergency-datasets"
              scroll={{ x: 720 }}
              columns={[
                {
                  title: t('oversight.field.dataset'),
                  key: 'dataset',
                  render: (_: unknown, row) => (
                    <div>
                      <Typography.Text strong>{row.name ?? row.code}</Typography.Text>
                      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                        {row.code} · {row.department.name}
                      </Typography.Text>
                    </div>
                  ),
                },
                {
                  title: t('oversight.emergency.addedAt'),
                  dataIndex: 'addedAt',
                  key: 'addedAt',
                  width: 150,
                  render: formatDateTime,
                },
                {
                  title: t('oversight.emergency.disposition'),
                  key: 'disposition',
                  width: 200,
                  render: (_: unknown, row) => (
                    <div>
                      <DispositionTag disposition={row.disposition} />
                      {row.approval && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {row.approval}
                        </Typography.Text>
                      )}
                      {row.deletedRows !== null && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                          {t('oversight.emergency.deletedRows', { rows: row.deletedRows })}
                        </Typography.Text>
                      )}
                    </div>
                  ),
                },
                ...(manage && emergency.pending > 0
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 150,
                        render: (_: unknown, row: EmergencyDataset) =>
                          row.disposition === 'pending' && (
                            <Flex gap={8}>
                              <Button
                                size="small"
                                danger
                                onClick={() => remove(emergency, row)}
                                data-testid="emergency-delete"
                              >
                                {t('oversight.emergency.delete')}
                              </Button>
                              <Button
                                size="small"
                                onClick={() =>
                                  setRetaining({ resourceId: row.resourceId, name: row.name ?? row.code })
                                }
                                data-testid="emergency-retain"
                              >
                                {t('oversight.emergency.retain')}
                              </Button>
                            </Flex>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
        </Flex>
      )}
      {opening && emergency && <OpenUnderModal emergency={emergency} onClose={() => setOpening(false)} />}
      {retaining && emergency && (
        <RetainModal emergency={emergency} dataset={retaining} onClose={() => setRetaining(null)} />
      )}
    </Drawer>
  );
}
