import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Form, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { oversightApi, type Suspension } from '../../../api/opening-oversight.ts';
import { useSession } from '../../../auth/session.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { OpenDatasetSelect, useOutcomeName, useSourceName, type PickedDataset } from './oversight-shared.tsx';
import { DecideModal } from './SuspensionModals.tsx';

/**
 * The suspension record of one open dataset, newest first: where suspensions on an own finding
 * are followed and ended (those for objections end with the objection's decision too).
 */
export function SuspensionRecord({
  dataset,
  onPick,
}: {
  dataset: PickedDataset | null;
  onPick(dataset: PickedDataset | null): void;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const sourceName = useSourceName();
  const outcomeName = useOutcomeName();
  const [deciding, setDeciding] = useState(false);
  const record = useQuery({
    queryKey: ['open/suspensions', dataset?.resourceId],
    queryFn: ({ signal }) => oversightApi.suspensions(dataset!.resourceId, signal),
    enabled: Boolean(dataset),
  });
  const active = record.data?.find((suspension) => !suspension.liftedAt);
  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Form layout="inline">
          <Form.Item label={t('oversight.field.dataset')} htmlFor="suspension-dataset">
            <OpenDatasetSelect
              id="suspension-dataset"
              width={380}
              value={dataset?.resourceId}
              onChange={(resourceId, picked) => onPick(resourceId && picked ? picked : null)}
            />
          </Form.Item>
        </Form>
        {dataset && active && !active.outcome && can('open.suspension.manage') && (
          <Button type="primary" onClick={() => setDeciding(true)} data-testid="suspension-decide">
            {t('oversight.action.decideSuspension')}
          </Button>
        )}
      </Flex>
      {record.isError && <QueryError error={record.error} onRetry={() => record.refetch()} />}
      {!dataset ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.suspensions.pick')} />
      ) : (
        <Table<Suspension>
          rowKey="id"
          size="small"
          loading={record.isFetching}
          dataSource={record.data ?? []}
          pagination={false}
          locale={{ emptyText: t('oversight.suspensions.empty') }}
          data-testid="suspensions-table"
          columns={[
            {
              title: t('oversight.suspension.since'),
              key: 'since',
              width: 170,
              render: (_: unknown, row) => (
                <Flex gap={4} wrap>
                  {formatDateTime(row.suspendedAt)}
                  {!row.liftedAt && <Tag color="orange">{t('oversight.suspensions.active')}</Tag>}
                </Flex>
              ),
            },
            {
              title: t('oversight.suspension.source'),
              key: 'source',
              width: 150,
              render: (_: unknown, row) => sourceName(row.source),
            },
            { title: t('oversight.suspension.reason'), dataIndex: 'reason', key: 'reason', ellipsis: true },
            {
              title: t('oversight.suspension.outcome'),
              key: 'outcome',
              render: (_: unknown, row) => (
                <div>
                  {outcomeName(row.outcome)}
                  {row.outcomeNote && (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {row.outcomeNote}
                    </Typography.Text>
                  )}
                </div>
              ),
            },
            {
              title: t('oversight.suspension.lifted'),
              key: 'lifted',
              width: 150,
              render: (_: unknown, row) => (row.liftedAt ? formatDateTime(row.liftedAt) : '—'),
            },
          ]}
        />
      )}
      {deciding && dataset && (
        <DecideModal
          target={{ kind: 'dataset', resourceId: dataset.resourceId, name: dataset.name }}
          onClose={() => setDeciding(false)}
        />
      )}
    </Flex>
  );
}
