import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Progress, Space, Table, Tag, Typography } from 'antd';
import {
  encryptionApi,
  encryptionKey,
  type DataKey,
  type EncryptedColumn,
} from '../../../api/security-encryption.ts';
import { useSession } from '../../../auth/session.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';
import { EncryptColumnForm } from './EncryptColumnForm.tsx';

/**
 * 加密存储: the encrypted columns in scope with their keys and rotation progress, the data keys
 * (never their material), turning encryption on for an item (picked from the department's pool
 * tables, see EncryptColumnForm), and (administrator) key rotation.
 */
export default function EncryptionPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: encryptionKey,
    queryFn: ({ signal }) => encryptionApi.status(signal),
    // While a rotation runs, the progress bars move on their own.
    refetchInterval: (query) =>
      query.state.data?.columns.some((c) => c.state === 'rotating') ? 3_000 : false,
  });
  const rotate = useMutation({
    mutationFn: () => encryptionApi.rotate(),
    onSuccess: (result) => {
      void message.success(t('encryption.rotated', { keyId: result.keyId }));
      void client.invalidateQueries({ queryKey: encryptionKey });
    },
    onError: (error) => void message.error(errorText(error, t)),
  });

  return (
    <>
      <PageHeader
        title={t('encryption.menu')}
        description={t('encryption.description')}
        extra={
          can('security.keys.manage') ? (
            <Popconfirm title={t('encryption.rotateConfirm')} onConfirm={() => rotate.mutate()}>
              <Button loading={rotate.isPending}>{t('encryption.rotate')}</Button>
            </Popconfirm>
          ) : null
        }
      />
      {status.error ? <QueryError error={status.error} onRetry={() => void status.refetch()} /> : null}
      <Card title={t('encryption.columns')} style={{ marginBottom: 16 }}>
        <Table<EncryptedColumn>
          rowKey={(row) => `${row.resourceId}/${row.field}`}
          loading={status.isLoading}
          dataSource={status.data?.columns ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('encryption.empty')} /> }}
          columns={[
            {
              title: t('encryption.resource'),
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <span>{row.resourceName}</span>
                  <Typography.Text type="secondary">{row.resourceCode}</Typography.Text>
                </Space>
              ),
            },
            { title: t('encryption.field'), dataIndex: 'field' },
            { title: t('encryption.department'), dataIndex: 'departmentName' },
            {
              title: t('encryption.state'),
              dataIndex: 'state',
              render: (state: EncryptedColumn['state']) => (
                <Tag color={state === 'encrypted' ? 'green' : 'blue'}>{t(`encryption.state.${state}`)}</Tag>
              ),
            },
            {
              title: t('encryption.progress'),
              render: (_, row) => (
                <Progress
                  percent={row.rowsTotal > 0 ? Math.floor((row.rowsDone / row.rowsTotal) * 100) : 100}
                  size="small"
                  status={row.state === 'rotating' ? 'active' : 'success'}
                />
              ),
            },
            {
              title: t('encryption.keysInUse'),
              dataIndex: 'keyIds',
              render: (ids: string[]) => ids.map((id) => <Tag key={id}>{id}</Tag>),
            },
          ]}
        />
      </Card>
      <Card title={t('encryption.keys')} style={{ marginBottom: 16 }}>
        <Table<DataKey>
          rowKey="id"
          loading={status.isLoading}
          dataSource={status.data?.keys ?? []}
          pagination={false}
          columns={[
            { title: t('encryption.keyId'), dataIndex: 'id' },
            { title: t('encryption.algorithm'), dataIndex: 'algorithm' },
            { title: t('encryption.created'), dataIndex: 'created', render: (v: string) => v.slice(0, 19) },
            {
              title: t('encryption.active'),
              dataIndex: 'active',
              render: (active: boolean) =>
                active ? <Tag color="green">{t('encryption.active')}</Tag> : null,
            },
            { title: t('encryption.usedBy'), dataIndex: 'columns' },
          ]}
        />
      </Card>
      {can('security.encryption.manage') ? (
        <EncryptColumnForm encrypted={status.data?.columns ?? []} />
      ) : null}
    </>
  );
}
