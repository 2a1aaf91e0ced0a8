import { useQuery } from '@tanstack/react-query';
import { Alert, Table, Typography, type TableColumnsType } from 'antd';
import { baseDbApi, baseDbKeys, type DuplicateFlag } from '../../../../api/pools-basedb.ts';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';

const secondary = (text: string) => (
  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
    {text}
  </Typography.Text>
);

/** 重复采集: other departments' resources collecting a base item (own resources, or the region's for the authority). */
export function DuplicatesTab() {
  const { t } = useI18n();
  const flags = useQuery({ queryKey: baseDbKeys.duplicates, queryFn: baseDbApi.duplicates });
  const columns: TableColumnsType<DuplicateFlag> = [
    {
      title: t('pools.basedb.duplicates.item'),
      key: 'item',
      render: (_: unknown, row) => (
        <>
          {row.itemName} <Typography.Text code>{row.fieldName}</Typography.Text>
          {secondary(t(`pools.basedb.base.${row.baseDatabase}`))}
        </>
      ),
    },
    {
      title: t('pools.basedb.duplicates.source'),
      key: 'source',
      render: (_: unknown, row) => (
        <>
          {row.sourceDepartmentName}
          {secondary(`${row.sourceResourceName ?? '—'}（${row.sourceResourceCode}）`)}
        </>
      ),
    },
    {
      title: t('pools.basedb.duplicates.duplicate'),
      key: 'duplicate',
      render: (_: unknown, row) => (
        <>
          <Typography.Text strong>{row.departmentName}</Typography.Text>
          {secondary(`${row.resourceName}（${row.resourceCode}）`)}
          {secondary(`${row.duplicateItemName} · ${row.duplicateField}`)}
        </>
      ),
    },
  ];
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('pools.basedb.duplicates.help')} />
      {flags.isError && <QueryError error={flags.error} onRetry={() => flags.refetch()} />}
      <Table<DuplicateFlag>
        rowKey={(row) => `${row.baseDatabase}:${row.fieldName}:${row.resourceId}:${row.duplicateField}`}
        size="middle"
        columns={columns}
        dataSource={flags.data ?? []}
        loading={flags.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('pools.basedb.duplicates.empty') }}
        data-testid="basedb-duplicates"
      />
    </>
  );
}
