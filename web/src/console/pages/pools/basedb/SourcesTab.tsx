import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { baseDbApi, baseDbKeys, type BaseSource } from '../../../../api/pools-basedb.ts';
import { useSession } from '../../../../auth/session.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';
import { SourceModal } from './SourceModal.tsx';

/** 一数一源: every base item's one source; the data authority assigns, changes and withdraws them. */
export function SourcesTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const sources = useQuery({ queryKey: baseDbKeys.sources, queryFn: baseDbApi.sources });
  const [editing, setEditing] = useState<BaseSource | 'new' | null>(null);
  const manage = can('pool.basedb.manage');

  const remove = async (row: BaseSource) => {
    try {
      await baseDbApi.remove(row.id);
      message.success(t('pools.basedb.remove.done'));
      await queryClient.invalidateQueries({ queryKey: baseDbKeys.all });
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const columns: TableColumnsType<BaseSource> = [
    {
      title: t('pools.basedb.field.base'),
      dataIndex: 'baseDatabase',
      key: 'base',
      width: 200,
      render: (base: BaseSource['baseDatabase']) => t(`pools.basedb.base.${base}`),
    },
    {
      title: t('pools.basedb.field.itemName'),
      key: 'item',
      render: (_: unknown, row) => (
        <>
          {row.itemName} <Typography.Text code>{row.fieldName}</Typography.Text>
        </>
      ),
    },
    { title: t('pools.basedb.field.department'), dataIndex: 'departmentName', key: 'department' },
    {
      title: t('pools.basedb.field.resource'),
      key: 'resource',
      render: (_: unknown, row) => (
        <>
          {row.resourceName ?? '—'}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resourceCode}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('pools.basedb.field.sourceField'),
      dataIndex: 'sourceField',
      key: 'sourceField',
      render: (field: string) => <Typography.Text code>{field}</Typography.Text>,
    },
    {
      title: t('pools.basedb.field.assigned'),
      key: 'assigned',
      width: 170,
      render: (_: unknown, row) => (
        <>
          {row.assignedBy ?? '—'}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDateTime(row.updatedAt)}
          </Typography.Text>
        </>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 150,
            render: (_: unknown, row: BaseSource) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(row)}>
                  {t('pools.basedb.change')}
                </Button>
                <Popconfirm
                  title={t('pools.basedb.remove.confirm', { item: row.itemName })}
                  onConfirm={() => remove(row)}
                >
                  <Button type="link" size="small" danger>
                    {t('pools.basedb.remove')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      {manage && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing('new')}
            data-testid="basedb-assign"
          >
            {t('pools.basedb.assign')}
          </Button>
        </Flex>
      )}
      {sources.isError && <QueryError error={sources.error} onRetry={() => sources.refetch()} />}
      <Table<BaseSource>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={sources.data ?? []}
        loading={sources.isFetching}
        pagination={false}
        locale={{ emptyText: t('pools.basedb.sources.empty') }}
        data-testid="basedb-sources"
      />
      {editing && (
        <SourceModal source={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
