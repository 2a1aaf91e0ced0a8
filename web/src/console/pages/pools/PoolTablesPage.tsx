import { Card, Form, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { PoolTableSummary } from '../../../api/pools.ts';
import { RefreshButton } from '../../../components/FilterBar.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useCatalogLabels } from '../catalog/meta.tsx';
import { MigrationTag, usePoolTables, VersionText } from './poolMeta.tsx';

/** Whether a table matches the words typed (name or code, ignoring case and spaces). */
function matches(row: PoolTableSummary, words: string): boolean {
  const wanted = words.replace(/\s+/g, '').toLowerCase();
  if (!wanted) return true;
  return `${row.name}${row.code}`.replace(/\s+/g, '').toLowerCase().includes(wanted);
}

/**
 * 资源池: the pool tables the user may see (a department officer: the own department's), with rows,
 * version, last load, update cycle and a tag when a table change waits. The server sends the whole
 * list (one table per published resource), so the name/code filter and paging work in the browser.
 */
export default function PoolTablesPage() {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  const navigate = useNavigate();
  const tables = usePoolTables();
  const [words, setWords] = useState('');
  const rows = useMemo(() => (tables.data ?? []).filter((row) => matches(row, words)), [tables.data, words]);
  const manyDepartments = new Set((tables.data ?? []).map((row) => row.departmentId)).size > 1;
  const open = (row: PoolTableSummary) => navigate(`/console/pools/${row.resourceId}`);

  const columns: TableColumnsType<PoolTableSummary> = [
    {
      title: t('pools.field.code'),
      dataIndex: 'code',
      key: 'code',
      width: 170,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('pools.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, row) => (
        <Space size={6} wrap>
          <Typography.Link strong onClick={() => open(row)} data-testid="pool-open">
            {name}
          </Typography.Link>
          {row.migrationPending && <MigrationTag />}
        </Space>
      ),
    },
    ...(manyDepartments
      ? [{ title: t('pools.field.department'), dataIndex: 'departmentName', key: 'department', width: 160 }]
      : []),
    {
      title: t('pools.field.rows'),
      dataIndex: 'rowCount',
      key: 'rows',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.rowCount - b.rowCount,
      render: (count: number) => count.toLocaleString(),
    },
    {
      title: t('pools.field.version'),
      dataIndex: 'currentVersion',
      key: 'version',
      width: 100,
      render: (version: number) => <VersionText version={version} />,
    },
    {
      title: t('pools.field.loadedAt'),
      dataIndex: 'loadedAt',
      key: 'loadedAt',
      width: 150,
      sorter: (a, b) => (a.loadedAt ?? '').localeCompare(b.loadedAt ?? ''),
      render: (at: string | null) =>
        at ? (
          formatDateTime(at)
        ) : (
          <Typography.Text type="secondary">{t('pools.neverLoaded')}</Typography.Text>
        ),
    },
    {
      title: t('pools.field.updateCycle'),
      dataIndex: 'updateCycle',
      key: 'updateCycle',
      width: 100,
      render: (code: string) => <Tag>{labels.term('updateCycles', code)}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, row) => (
        <Typography.Link onClick={() => open(row)}>{t('pools.open')}</Typography.Link>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('pools.tables.title')} description={t('pools.tables.description')} />
      <Card>
        <Form layout="inline" style={{ marginBottom: 16, rowGap: 12 }}>
          <Form.Item>
            <Input.Search
              allowClear
              placeholder={t('pools.tables.searchPlaceholder')}
              style={{ width: 260 }}
              onSearch={setWords}
              onChange={(event) => setWords(event.target.value)}
              data-testid="pools-search"
            />
          </Form.Item>
          <RefreshButton onRefresh={() => tables.refetch()} />
        </Form>
        {tables.isError && <QueryError error={tables.error} onRetry={() => tables.refetch()} />}
        <Table<PoolTableSummary>
          rowKey="resourceId"
          columns={columns}
          dataSource={rows}
          loading={tables.isFetching}
          locale={{ emptyText: t('pools.tables.empty') }}
          pagination={{
            defaultPageSize: 20,
            showSizeChanger: true,
            pageSizeOptions: [10, 20, 50, 100],
            showTotal: (total) => t('common.total', { total }),
          }}
          scroll={{ x: 1000 }}
          data-testid="pools-table"
        />
      </Card>
    </>
  );
}
