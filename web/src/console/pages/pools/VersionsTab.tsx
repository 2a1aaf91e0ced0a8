import { FileSearchOutlined, RollbackOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Modal, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { poolKeys, poolsApi, type Batch, type PoolTableDetail } from '../../../api/pools.ts';
import { RefreshButton } from '../../../components/FilterBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { BatchReport } from './BatchReport.tsx';
import { BatchStateTag, invalidatePools, usePaging, useSourceName } from './poolMeta.tsx';

/**
 * 版本: every batch of the table, newest first — the versions (who loaded what, when, from where,
 * how many rows; the current one marked) and the refused loads with their reports. 恢复此版本 makes
 * an earlier version's rows current again as a new version, after a confirmation.
 */
export function VersionsTab({ table, canLoad }: { table: PoolTableDetail; canLoad: boolean }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const sourceName = useSourceName();
  const paging = usePaging(20, [10, 20, 50]);
  const [report, setReport] = useState<Batch | null>(null);
  const query = { page: paging.page, pageSize: paging.pageSize };
  const batches = useQuery({
    queryKey: poolKeys.batches(table.resourceId, query),
    queryFn: ({ signal }) => poolsApi.batches(table.resourceId, query, signal),
    placeholderData: keepPreviousData,
  });

  const restore = (batch: Batch) => {
    const version = batch.version!;
    const next = table.currentVersion + 1;
    modal.confirm({
      title: t('pools.versions.restoreTitle', { version }),
      content: t('pools.versions.restoreContent', { version, next }),
      okText: t('pools.versions.restoreOk'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'restore-confirm' } as Record<string, string>,
      onOk: async () => {
        try {
          const restored = await poolsApi.restore(table.resourceId, version);
          message.success(t('pools.versions.restored', { version, next: restored.version ?? next }));
          await invalidatePools(queryClient);
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });
  };

  const columns: TableColumnsType<Batch> = [
    {
      title: t('pools.versions.version'),
      key: 'version',
      width: 150,
      render: (_: unknown, batch) =>
        batch.version === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Space size={4} style={{ whiteSpace: 'nowrap' }}>
            <span>{t('pools.versionN', { version: batch.version })}</span>
            {batch.current && (
              <Tag color="blue" data-testid="version-current">
                {t('pools.versions.current')}
              </Tag>
            )}
          </Space>
        ),
    },
    {
      title: t('pools.versions.state'),
      dataIndex: 'state',
      key: 'state',
      width: 80,
      render: (state: Batch['state']) => <BatchStateTag state={state} />,
    },
    {
      title: t('pools.versions.source'),
      key: 'source',
      width: 140,
      render: (_: unknown, batch) => (
        <div>
          <div>{sourceName(batch.source)}</div>
          {batch.restoredFrom !== null && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('pools.versions.restoredFrom', { version: batch.restoredFrom })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('pools.versions.mode'),
      dataIndex: 'mode',
      key: 'mode',
      width: 100,
      render: (mode: string) => {
        const key = `pools.mode.${mode}`;
        return isMessageKey(key) ? t(key) : mode;
      },
    },
    {
      title: t('pools.versions.file'),
      dataIndex: 'fileName',
      key: 'file',
      width: 200,
      ellipsis: { showTitle: true },
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('pools.versions.rows'),
      key: 'rows',
      width: 80,
      align: 'right',
      render: (_: unknown, batch) =>
        (batch.state === 'failed' ? batch.rowsRead : batch.rowsLoaded).toLocaleString(),
    },
    {
      title: t('pools.versions.actor'),
      dataIndex: 'actorName',
      key: 'actor',
      width: 150,
      ellipsis: { showTitle: true },
    },
    {
      title: t('pools.versions.startedAt'),
      dataIndex: 'startedAt',
      key: 'startedAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_: unknown, batch) => {
        if (batch.state === 'failed')
          return (
            <Button type="link" size="small" icon={<FileSearchOutlined />} onClick={() => setReport(batch)}>
              {t('pools.versions.report')}
            </Button>
          );
        if (!canLoad || batch.state !== 'loaded' || batch.current || batch.version === null) return null;
        return (
          <Button
            type="link"
            size="small"
            icon={<RollbackOutlined />}
            onClick={() => restore(batch)}
            data-testid="version-restore"
          >
            {t('pools.versions.restore')}
          </Button>
        );
      },
    },
  ];

  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 12 }}>
        <RefreshButton onRefresh={() => batches.refetch()} />
      </Flex>
      {batches.isError && <QueryError error={batches.error} onRetry={() => batches.refetch()} />}
      <Table<Batch>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={batches.data?.items ?? []}
        loading={batches.isFetching}
        locale={{ emptyText: t('pools.versions.empty') }}
        pagination={paging.pagination(batches.data?.total ?? 0)}
        scroll={{ x: 1180 }}
        data-testid="versions-table"
      />
      {report && (
        <Modal
          open
          width={900}
          title={t('pools.versions.reportTitle')}
          onCancel={() => setReport(null)}
          footer={
            <Button type="primary" onClick={() => setReport(null)}>
              {t('common.close')}
            </Button>
          }
        >
          {report.failureMessage && <Typography.Paragraph>{report.failureMessage}</Typography.Paragraph>}
          <BatchReport batchId={report.id} />
        </Modal>
      )}
    </>
  );
}
