import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiKey } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { RefreshButton } from '../../components/FilterBar.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../lib/problems.ts';
import { useList } from '../../lib/useList.ts';

interface ApiKeyForm {
  application: string;
  departmentId?: string;
  expiresAt?: Dayjs;
}

function statusTag(key: ApiKey, t: Translate) {
  if (key.revokedAt) return <Tag color="red">{t('apiKey.statusRevoked')}</Tag>;
  if (key.expiresAt && dayjs(key.expiresAt).isBefore(dayjs()))
    return <Tag color="orange">{t('apiKey.statusExpired')}</Tag>;
  return <Tag color="green">{t('apiKey.statusActive')}</Tag>;
}

/** API 密钥: keys of department systems; shown once at creation, revocable. */
export default function ApiKeysPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const list = useList<ApiKey, { departmentId?: string }>('/api-keys', {});
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ application: string; key: string } | null>(null);

  const revoke = (key: ApiKey) =>
    modal.confirm({
      title: t('apiKey.revoke'),
      content: t('apiKey.revokeConfirm', { name: key.application }),
      okText: t('apiKey.revoke'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.post(`/api-keys/${key.id}/revoke`);
          message.success(t('apiKey.revoked'));
          await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  const columns: TableColumnsType<ApiKey> = [
    {
      title: t('apiKey.application'),
      dataIndex: 'application',
      key: 'application',
      render: (application: string) => <Typography.Text strong>{application}</Typography.Text>,
    },
    { title: t('apiKey.department'), dataIndex: 'departmentName', key: 'departmentName' },
    {
      title: t('apiKey.prefix'),
      dataIndex: 'tokenPrefix',
      key: 'tokenPrefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    { title: t('apiKey.status'), key: 'status', width: 90, render: (_: unknown, key) => statusTag(key, t) },
    {
      title: t('apiKey.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      render: (value: string, key) => (
        <div>
          <div>{formatDateTime(value)}</div>
          {key.createdByName && <Typography.Text type="secondary">{key.createdByName}</Typography.Text>}
        </div>
      ),
    },
    {
      title: t('apiKey.expiresAt'),
      dataIndex: 'expiresAt',
      key: 'expiresAt',
      width: 120,
      render: (value: string | null) => (value ? formatDate(value) : t('apiKey.noExpiry')),
    },
    {
      title: t('apiKey.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      width: 160,
      render: (value: string | null) =>
        value ? (
          formatDateTime(value)
        ) : (
          <Typography.Text type="secondary">{t('apiKey.neverUsed')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, key) =>
        key.revokedAt ? null : (
          <Button type="link" danger icon={<StopOutlined />} onClick={() => revoke(key)}>
            {t('apiKey.revoke')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('apiKey.title')}
        description={t('apiKey.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('apiKey.create')}
          </Button>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <span>{t('apiKey.department')}</span>
          <DepartmentSelect
            style={{ width: 260 }}
            placeholder={t('common.all')}
            value={list.filters.departmentId}
            onChange={(departmentId) => list.setFilters({ departmentId })}
          />
          <RefreshButton onRefresh={() => list.query.refetch()} />
        </Space>
        <ListTable<ApiKey> list={list} emptyText={t('apiKey.empty')} columns={columns} scroll={{ x: 1000 }} />
      </Card>
      {creating && (
        <FormModal<ApiKeyForm>
          name="apiKey"
          title={t('apiKey.create')}
          okText={t('common.create')}
          fieldNames={['application', 'departmentId', 'expiresAt']}
          initialValues={{ departmentId: info?.user.departmentId ?? undefined }}
          onSubmit={async (values) => {
            const answer = await api.post<{ apiKey: ApiKey; key: string }>('/api-keys', {
              application: values.application.trim(),
              ...(values.departmentId ? { departmentId: values.departmentId } : {}),
              ...(values.expiresAt ? { expiresAt: values.expiresAt.endOf('day').toISOString() } : {}),
            });
            await queryClient.invalidateQueries({ queryKey: ['api-keys'] });
            setCreating(false);
            setCreated({ application: answer.apiKey.application, key: answer.key });
          }}
          onClose={() => setCreating(false)}
        >
          <Form.Item
            name="application"
            label={t('apiKey.application')}
            extra={t('apiKey.applicationHelp')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('apiKey.application') }),
              },
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('apiKey.department')} extra={t('apiKey.departmentHelp')}>
            <DepartmentSelect initialLabel={info?.user.departmentName} />
          </Form.Item>
          <Form.Item name="expiresAt" label={`${t('apiKey.expiresAt')}（${t('common.optional')}）`}>
            <DatePicker disabledDate={(day) => day.isBefore(dayjs(), 'day')} style={{ width: 200 }} />
          </Form.Item>
        </FormModal>
      )}
      {created && (
        <SecretOnce
          open
          title={`${t('apiKey.keyTitle')} · ${created.application}`}
          warning={t('apiKey.keyWarning')}
          secret={created.key}
          closeText={t('apiKey.keySaved')}
          onClose={() => setCreated(null)}
        />
      )}
    </>
  );
}
