import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Modal, Popconfirm, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { baseDbApi, baseDbKeys, type Theme } from '../../../../api/pools-basedb.ts';
import { useSession } from '../../../../auth/session.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';
import { ThemeModal } from './ThemeModal.tsx';

/** 主题库: the declared theme databases, their preview and drop; the authority declares new ones. */
export function ThemesTab() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const themes = useQuery({ queryKey: baseDbKeys.themes, queryFn: baseDbApi.themes });
  const [declaring, setDeclaring] = useState(false);
  const [previewing, setPreviewing] = useState<Theme | null>(null);
  const manage = can('pool.basedb.manage');

  const drop = async (theme: Theme) => {
    try {
      await baseDbApi.drop(theme.id);
      message.success(t('pools.basedb.themes.drop.done'));
      await queryClient.invalidateQueries({ queryKey: baseDbKeys.themes });
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  const columns: TableColumnsType<Theme> = [
    {
      title: t('pools.basedb.themes.name'),
      key: 'name',
      render: (_: unknown, row) => (
        <>
          <Typography.Text strong>{row.name}</Typography.Text>
          {row.description && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.description}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('pools.basedb.themes.view'),
      dataIndex: 'view',
      key: 'view',
      render: (view: string) => <Typography.Text code>{view}</Typography.Text>,
    },
    {
      title: t('pools.basedb.themes.created'),
      key: 'created',
      width: 170,
      render: (_: unknown, row) => `${row.createdBy ?? '—'} · ${formatDateTime(row.createdAt)}`,
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_: unknown, row: Theme) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setPreviewing(row)}>
                  {t('pools.basedb.themes.preview')}
                </Button>
                <Popconfirm
                  title={t('pools.basedb.themes.drop.confirm', { name: row.name })}
                  onConfirm={() => drop(row)}
                >
                  <Button type="link" size="small" danger>
                    {t('pools.basedb.themes.drop')}
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
            onClick={() => setDeclaring(true)}
            data-testid="basedb-theme-declare"
          >
            {t('pools.basedb.themes.declare')}
          </Button>
        </Flex>
      )}
      {themes.isError && <QueryError error={themes.error} onRetry={() => themes.refetch()} />}
      <Table<Theme>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={themes.data ?? []}
        loading={themes.isFetching}
        pagination={false}
        locale={{ emptyText: t('pools.basedb.themes.empty') }}
      />
      {declaring && <ThemeModal onClose={() => setDeclaring(false)} />}
      {previewing && <ThemePreview theme={previewing} onClose={() => setPreviewing(null)} />}
    </>
  );
}

function ThemePreview({ theme, onClose }: { theme: Theme; onClose(): void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: baseDbKeys.themeRows(theme.id, page),
    queryFn: () => baseDbApi.themeRows(theme.id, page),
  });
  const names = theme.declaration.columns.map((column) => column.as ?? column.field);
  return (
    <Modal
      open
      width={900}
      title={t('pools.basedb.themes.preview.title', { name: theme.name })}
      footer={null}
      onCancel={onClose}
    >
      {rows.isError && <QueryError error={rows.error} onRetry={() => rows.refetch()} />}
      <Table<Record<string, unknown>>
        rowKey={(_, index) => String(index)}
        size="small"
        scroll={{ x: true }}
        columns={names.map((name) => ({
          title: name,
          dataIndex: name,
          key: name,
          render: (value: unknown) => (value === null || value === undefined ? '—' : String(value)),
        }))}
        dataSource={rows.data?.items ?? []}
        loading={rows.isFetching}
        pagination={{
          current: page,
          pageSize: 10,
          total: rows.data?.total ?? 0,
          onChange: setPage,
          showTotal: (total) => t('common.total', { total }),
        }}
      />
    </Modal>
  );
}
