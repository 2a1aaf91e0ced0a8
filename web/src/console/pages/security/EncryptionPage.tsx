import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Popconfirm,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../auth/session.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';

interface EncryptedColumn {
  resourceId: string;
  resourceCode: string | null;
  resourceName: string | null;
  departmentName: string | null;
  field: string;
  state: 'encrypted' | 'rotating';
  targetKeyId: string;
  keyIds: string[];
  rowsTotal: number;
  rowsDone: number;
}
interface DataKey {
  id: string;
  algorithm: string;
  created: string;
  active: boolean;
  columns: number;
}
interface EncryptionStatus {
  source: string;
  algorithm: string;
  keys: DataKey[];
  columns: EncryptedColumn[];
}

/**
 * 加密存储: the encrypted columns in scope with their keys and rotation progress, the data keys
 * (never their material), turning encryption on for an item, and (administrator) key rotation.
 */
export default function EncryptionPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ resourceId: string; field: string }>();
  const status = useQuery({
    queryKey: ['security', 'encryption'],
    queryFn: ({ signal }) => api.get<EncryptionStatus>('/security/encryption', undefined, { signal }),
    // While a rotation runs, the progress bars move on their own.
    refetchInterval: (query) =>
      query.state.data?.columns.some((c) => c.state === 'rotating') ? 3_000 : false,
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['security', 'encryption'] });
  const enable = useMutation({
    mutationFn: (values: { resourceId: string; field: string }) =>
      api.post<EncryptedColumn>('/security/encryption/columns', values),
    onSuccess: (column) => {
      void message.success(t('encryption.enabled', { field: column.field }));
      form.resetFields();
      refresh();
    },
    onError: (error: Error) => void message.error(error.message),
  });
  const rotate = useMutation({
    mutationFn: () => api.post<{ keyId: string }>('/security/keys/rotate'),
    onSuccess: (result) => {
      void message.success(t('encryption.rotated', { keyId: result.keyId }));
      refresh();
    },
    onError: (error: Error) => void message.error(error.message),
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
        <Card title={t('encryption.enable')}>
          <Typography.Paragraph type="secondary">{t('encryption.enableHint')}</Typography.Paragraph>
          <Form form={form} layout="inline" onFinish={(values) => enable.mutate(values)}>
            <Form.Item
              name="resourceId"
              label={t('encryption.resourceId')}
              rules={[{ required: true, message: t('encryption.required') }]}
            >
              <Input style={{ width: 320 }} />
            </Form.Item>
            <Form.Item
              name="field"
              label={t('encryption.fieldName')}
              rules={[{ required: true, message: t('encryption.required') }]}
            >
              <Input style={{ width: 160 }} />
            </Form.Item>
            <Form.Item>
              <Popconfirm title={t('encryption.enableConfirm')} onConfirm={() => form.submit()}>
                <Button type="primary" loading={enable.isPending}>
                  {t('encryption.enable')}
                </Button>
              </Popconfirm>
            </Form.Item>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
