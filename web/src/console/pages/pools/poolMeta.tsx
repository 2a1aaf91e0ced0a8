// Small shared parts of the pool pages: queries, tags and the reload after a change.
import { WarningOutlined } from '@ant-design/icons';
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { Tag, Typography, type TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { poolKeys, poolsApi, type BatchState } from '../../../api/pools.ts';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';

/** GET /pools/tables. */
export function usePoolTables() {
  return useQuery({ queryKey: poolKeys.tables, queryFn: ({ signal }) => poolsApi.tables(signal) });
}

/** GET /pools/tables/:resourceId. */
export function usePoolTable(resourceId: string) {
  return useQuery({
    queryKey: poolKeys.table(resourceId),
    queryFn: ({ signal }) => poolsApi.table(resourceId, signal),
  });
}

/** Reloads every pool view after a load, a restore or a migration. */
export function invalidatePools(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: poolKeys.all });
}

/** 待执行变更: the table waits for a migration step before it can be loaded again. */
export function MigrationTag() {
  const { t } = useI18n();
  return (
    <Tag color="orange" icon={<WarningOutlined />} data-testid="migration-pending">
      {t('pools.migrationPending')}
    </Tag>
  );
}

/** 第 N 版, or 无 before the first load. */
export function VersionText({ version }: { version: number }) {
  const { t } = useI18n();
  if (version === 0) return <Typography.Text type="secondary">{t('pools.noVersion')}</Typography.Text>;
  return <>{t('pools.versionN', { version })}</>;
}

const STATE_COLORS: Record<BatchState, string> = {
  validating: 'processing',
  loading: 'processing',
  loaded: 'success',
  failed: 'error',
};

/** A batch's state as a coloured tag. */
export function BatchStateTag({ state }: { state: BatchState }) {
  const { t } = useI18n();
  const key = `pools.state.${state}`;
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="batch-state">
      {isMessageKey(key) ? t(key) : state}
    </Tag>
  );
}

/** A batch's source (文件导入, 接口推送, 版本恢复, …) in words. */
export function useSourceName() {
  const { t } = useI18n();
  return (source: string) => {
    const key = `pools.source.${source}`;
    return isMessageKey(key) ? t(key) : source;
  };
}

/** Page and page size of a server-paged table that is not a `useList` list (tabs, reports). */
export function usePaging(initialSize: number, sizes: number[]) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialSize);
  return {
    page,
    pageSize,
    /** Back to the first page (another version picked). */
    reset: () => setPage(1),
    pagination: (total: number): TablePaginationConfig => ({
      current: page,
      pageSize,
      total,
      showSizeChanger: true,
      pageSizeOptions: sizes,
      showTotal: (count) => t('common.total', { total: count }),
      onChange: (next, size) => {
        setPage(size === pageSize ? next : 1);
        setPageSize(size);
      },
    }),
  };
}
