import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Flex, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { poolKeys, poolsApi, type PoolTableDetail } from '../../../api/pools.ts';
import { RefreshButton } from '../../../components/FilterBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n, type Translate } from '../../../i18n/index.tsx';
import { usePaging } from './poolMeta.tsx';

type Row = Record<string, unknown>;

/** A cell as text: dates and times as the server sends them, yes/no for logical values. */
function cellText(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * 数据: a page of the table's current rows, or of an earlier version picked in the selector. Reading
 * rows is audited on the server; only the providing department may.
 */
export function RowsTab({ table, canLoad }: { table: PoolTableDetail; canLoad: boolean }) {
  const { t } = useI18n();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const paging = usePaging(20, [20, 50, 100]);
  const empty = table.currentVersion === 0;
  const query = { version, page: paging.page, pageSize: paging.pageSize };
  const rows = useQuery({
    queryKey: poolKeys.rows(table.resourceId, query),
    queryFn: ({ signal }) => poolsApi.rows(table.resourceId, query, signal),
    placeholderData: keepPreviousData,
    enabled: !empty,
  });

  if (empty) {
    return (
      <Alert
        type="info"
        showIcon
        title={canLoad ? t('pools.rows.noDataLoad') : t('pools.rows.noData')}
        data-testid="rows-none"
      />
    );
  }

  const columns: TableColumnsType<Row> = (rows.data?.columns ?? []).map((column) => ({
    title: (
      <span title={column.field}>
        {column.name}
        {column.retired && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontWeight: 'normal' }}>
            ({t('pools.columns.retired')})
          </Typography.Text>
        )}
      </span>
    ),
    dataIndex: column.column,
    key: column.column,
    ellipsis: true,
    width: 160,
    render: (value: unknown) => cellText(value, t),
  }));
  const versions = Array.from({ length: table.currentVersion }, (_, i) => table.currentVersion - i);

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <span>{t('pools.rows.version')}</span>
        <Select<number>
          style={{ width: 200 }}
          value={version ?? table.currentVersion}
          onChange={(next) => {
            setVersion(next === table.currentVersion ? undefined : next);
            paging.reset();
          }}
          options={versions.map((number) => ({
            value: number,
            label:
              number === table.currentVersion
                ? t('pools.rows.currentVersion', { version: number })
                : t('pools.versionN', { version: number }),
          }))}
          data-testid="rows-version"
        />
        <RefreshButton onRefresh={() => rows.refetch()} />
        <Typography.Text type="secondary">{t('pools.rows.audited')}</Typography.Text>
      </Flex>
      {version !== undefined && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('pools.rows.earlier', { version })}
          data-testid="rows-earlier"
        />
      )}
      {rows.isError && <QueryError error={rows.error} onRetry={() => rows.refetch()} />}
      <Table<Row>
        size="small"
        bordered
        rowKey={(row) => String(row._row)}
        columns={columns}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        locale={{ emptyText: t('pools.rows.empty') }}
        scroll={{ x: Math.max(800, columns.length * 160) }}
        pagination={paging.pagination(rows.data?.total ?? 0)}
        data-testid="rows-table"
      />
    </>
  );
}
