import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Table, Typography } from 'antd';
import { poolKeys, poolsApi, type BatchError } from '../../../api/pools.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { download } from '../../../lib/download.ts';
import { usePaging } from './poolMeta.tsx';

/**
 * The report of a refused batch: a server-paged table of row (as a spreadsheet numbers it), column,
 * value and reason, and 下载问题清单 for the whole report as CSV to fix the file against.
 */
export function BatchReport({ batchId }: { batchId: string }) {
  const { t } = useI18n();
  const paging = usePaging(10, [10, 20, 50]);
  const { page, pageSize } = paging;
  const errors = useQuery({
    queryKey: poolKeys.errors(batchId, { page, pageSize }),
    queryFn: ({ signal }) => poolsApi.errors(batchId, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  if (errors.isError) return <QueryError error={errors.error} onRetry={() => errors.refetch()} />;
  const total = errors.data?.total ?? 0;
  if (errors.data && total === 0) return null;
  return (
    <div data-testid="batch-report">
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <div>
          <Typography.Text strong>{t('pools.report.title')}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {t('pools.report.hint')}
          </Typography.Text>
        </div>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => download(poolsApi.errorsCsvUrl(batchId))}
          data-testid="report-download"
        >
          {t('pools.report.download')}
        </Button>
      </Flex>
      <Table<BatchError & { key: number }>
        size="small"
        bordered
        loading={errors.isFetching}
        dataSource={(errors.data?.items ?? []).map((item, key) => ({ ...item, key }))}
        pagination={paging.pagination(total)}
        columns={[
          {
            title: t('pools.report.row'),
            dataIndex: 'row',
            width: 80,
            render: (row: number | null) => row ?? '—',
          },
          {
            title: t('pools.report.column'),
            dataIndex: 'column',
            width: 160,
            render: (column: string | null) => column ?? '—',
          },
          {
            title: t('pools.report.value'),
            dataIndex: 'value',
            width: 200,
            render: (value: string | null) =>
              value === null || value === '' ? '—' : <Typography.Text code>{value}</Typography.Text>,
          },
          { title: t('pools.report.reason'), dataIndex: 'message' },
        ]}
        data-testid="report-table"
      />
    </div>
  );
}
