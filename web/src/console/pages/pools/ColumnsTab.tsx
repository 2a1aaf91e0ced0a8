import { CheckOutlined, KeyOutlined, ToolOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { poolsApi, type PendingChange, type PoolColumn, type PoolTableDetail } from '../../../api/pools.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';
import { useCatalogLabels } from '../catalog/meta.tsx';
import { invalidatePools } from './poolMeta.tsx';

/** Length as the catalog writes it: 18, or 12,6 with a scale. */
const lengthText = (column: PoolColumn) =>
  column.length === null ? '' : column.scale ? `${column.length},${column.scale}` : String(column.length);

/** The waiting changes, explained, with 执行变更 for those who may migrate. */
function PendingChanges({ table, canMigrate }: { table: PoolTableDetail; canMigrate: boolean }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const queryClient = useQueryClient();
  const nameOf = (field: string) =>
    field
      .split(',')
      .map((one) => table.columns.find((column) => column.field === one && !column.retired)?.name ?? one)
      .join('、');
  const describe = (change: PendingChange) =>
    t(`pools.pending.${change.kind}`, { field: nameOf(change.field) });

  const migrate = () =>
    modal.confirm({
      title: t('pools.pending.confirmTitle'),
      content: t('pools.pending.confirmContent', { count: table.pendingChanges.length }),
      okText: t('pools.pending.migrate'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'migrate-confirm' } as Record<string, string>,
      onOk: async () => {
        try {
          const { applied } = await poolsApi.migrate(table.resourceId);
          message.success(t('pools.pending.done', { count: applied }));
          await invalidatePools(queryClient);
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('pools.pending.title')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('pools.pending.text')}</Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="pending-changes">
            {table.pendingChanges.map((change) => (
              <li key={`${change.kind}:${change.field}`}>{describe(change)}</li>
            ))}
          </ul>
        </>
      }
      action={
        canMigrate && (
          <Button type="primary" icon={<ToolOutlined />} onClick={migrate} data-testid="migrate">
            {t('pools.pending.migrate')}
          </Button>
        )
      }
      data-testid="pending-alert"
    />
  );
}

/**
 * 结构: the table's columns as the catalog's items make them — type, length, key, required, the
 * identifier check the loader applies; retired columns (kept for earlier versions) greyed out.
 */
export function ColumnsTab({ table, canMigrate }: { table: PoolTableDetail; canMigrate: boolean }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  const columns: TableColumnsType<PoolColumn> = [
    {
      title: t('pools.columns.name'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string, column) => (
        <>
          {name}
          {column.retired && (
            <Tooltip title={t('pools.columns.retiredHelp')}>
              <Tag style={{ marginInlineStart: 8 }} data-testid="column-retired">
                {t('pools.columns.retired')}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: t('pools.columns.field'),
      dataIndex: 'field',
      key: 'field',
      width: 160,
      render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
    },
    {
      title: t('pools.columns.type'),
      key: 'type',
      width: 140,
      render: (_: unknown, column) => (
        <span title={column.sqlType}>{labels.term('dataTypes', column.dataType)}</span>
      ),
    },
    { title: t('pools.columns.length'), key: 'length', width: 80, render: (_: unknown, c) => lengthText(c) },
    {
      title: t('pools.columns.key'),
      dataIndex: 'isKey',
      key: 'key',
      width: 90,
      align: 'center',
      render: (isKey: boolean) =>
        isKey ? (
          <Tag color="gold" icon={<KeyOutlined />} style={{ marginInlineEnd: 0 }}>
            {t('pools.columns.key')}
          </Tag>
        ) : null,
    },
    {
      title: t('pools.columns.required'),
      dataIndex: 'required',
      key: 'required',
      width: 70,
      align: 'center',
      render: (required: boolean) => (required ? <CheckOutlined aria-label={t('common.yes')} /> : null),
    },
    {
      title: t('pools.columns.check'),
      dataIndex: 'check',
      key: 'check',
      width: 190,
      render: (check: PoolColumn['check']) =>
        check && <Tag color="geekblue">{t(`pools.check.${check}`)}</Tag>,
    },
  ];

  return (
    <>
      {table.pendingChanges.length > 0 && <PendingChanges table={table} canMigrate={canMigrate} />}
      <Table<PoolColumn>
        rowKey="column"
        size="middle"
        columns={columns}
        dataSource={table.columns}
        pagination={false}
        onRow={(column) => (column.retired ? { style: { opacity: 0.5 } } : {})}
        data-testid="columns-table"
      />
    </>
  );
}
