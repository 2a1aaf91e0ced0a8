import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  MoreOutlined,
  PlusOutlined,
  StopOutlined,
  UnlockOutlined,
  CheckCircleOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Dropdown,
  Form,
  Select,
  Space,
  Tag,
  Typography,
  type MenuProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { USER_ROLES, type User, type UserRole } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { FilterBar, FilterSearch } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../lib/problems.ts';
import { useList } from '../../lib/useList.ts';
import { roleOptions, UserModal } from './users/UserModal.tsx';

interface Filters {
  q?: string;
  role?: UserRole;
  departmentId?: string;
  disabled?: boolean;
  [key: string]: string | boolean | undefined;
}

/** 用户: accounts, roles and departments; reset passwords, unlock, disable. */
export default function UsersPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const list = useList<User, Filters>('/users', {}, 'username');
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);
  const [secret, setSecret] = useState<{ title: string; name: string; password: string } | null>(null);
  const [filterForm] = Form.useForm<{
    q?: string;
    role?: UserRole;
    departmentId?: string;
    status?: string;
  }>();
  const grantable = info?.grantableRoles ?? [];

  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });
  const act = (title: string, content: string, run: () => Promise<void>, danger = false) =>
    modal.confirm({
      title,
      content,
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger },
      onOk: async () => {
        try {
          await run();
          await refresh();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  const rowActions = (user: User): MenuProps => ({
    items: [
      { key: 'reset', icon: <KeyOutlined />, label: t('user.resetPassword') },
      ...(user.locked ? [{ key: 'unlock', icon: <UnlockOutlined />, label: t('user.unlock') }] : []),
      user.disabled
        ? { key: 'enable', icon: <CheckCircleOutlined />, label: t('user.enable') }
        : { key: 'disable', icon: <StopOutlined />, label: t('user.disable'), danger: true },
    ],
    onClick: ({ key }) => {
      const name = user.displayName;
      if (key === 'reset') {
        act(
          t('user.resetPassword'),
          t('user.resetPasswordConfirm', { name }),
          async () => {
            const { password } = await api.post<{ password: string }>(`/users/${user.id}/reset-password`);
            setSecret({ title: t('user.newPasswordTitle'), name, password });
          },
          true,
        );
      } else if (key === 'unlock') {
        act(t('user.unlock'), t('user.unlockConfirm', { name }), async () => {
          await api.post(`/users/${user.id}/unlock`);
          message.success(t('user.unlocked'));
        });
      } else if (key === 'disable') {
        act(
          t('user.disable'),
          t('user.disableConfirm', { name }),
          async () => {
            await api.patch(`/users/${user.id}`, { disabled: true });
            message.success(t('user.disabledDone'));
          },
          true,
        );
      } else if (key === 'enable') {
        act(t('user.enable'), t('user.enableConfirm', { name }), async () => {
          await api.patch(`/users/${user.id}`, { disabled: false });
          message.success(t('user.enabledDone'));
        });
      }
    },
  });

  const columns: TableColumnsType<User> = [
    {
      title: t('user.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: list.sortOrderOf('username'),
      render: (username: string) => <Typography.Text code>{username}</Typography.Text>,
    },
    {
      title: t('user.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: list.sortOrderOf('displayName'),
    },
    {
      title: t('user.role'),
      dataIndex: 'role',
      key: 'role',
      sorter: true,
      sortOrder: list.sortOrderOf('role'),
      render: (role: UserRole) => t(`role.${role}`),
    },
    {
      title: t('user.department'),
      key: 'placement',
      render: (_: unknown, user) => user.departmentName ?? user.regionName ?? '—',
    },
    {
      title: t('user.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, user) => (
        <Space size={4} wrap>
          {user.disabled ? (
            <Tag color="default">{t('user.statusDisabled')}</Tag>
          ) : (
            <Tag color="green">{t('user.statusActive')}</Tag>
          )}
          {user.locked && (
            <Tag color="red" icon={<LockOutlined />}>
              {t('user.statusLocked')}
            </Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      width: 160,
      sorter: true,
      sortOrder: list.sortOrderOf('lastLoginAt'),
      render: (value: string | null) =>
        value ? formatDateTime(value) : <Typography.Text type="secondary">{t('user.never')}</Typography.Text>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      fixed: 'right',
      render: (_: unknown, user) => (
        <Space size={0}>
          <Button type="link" icon={<EditOutlined />} onClick={() => setEditing({ user })}>
            {t('common.edit')}
          </Button>
          <Dropdown menu={rowActions(user)} trigger={['click']}>
            <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
          </Dropdown>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('user.title')}
        description={t('user.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })}>
            {t('user.create')}
          </Button>
        }
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              q: values.q?.trim() || undefined,
              role: values.role,
              departmentId: values.departmentId,
              disabled: values.status === undefined ? undefined : values.status === 'disabled',
            })
          }
        >
          <FilterSearch placeholder={t('user.searchPlaceholder')} width={200} />
          <Form.Item name="role" label={t('user.role')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 200 }}
              options={roleOptions(t, USER_ROLES)}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('user.department')}>
            <DepartmentSelect
              style={{ width: 220 }}
              placeholder={t('common.all')}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="status" label={t('user.filterStatus')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={[
                { value: 'active', label: t('user.statusActive') },
                { value: 'disabled', label: t('user.statusDisabled') },
              ]}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<User> list={list} emptyText={t('user.empty')} columns={columns} scroll={{ x: 1000 }} />
      </Card>
      {editing && (
        <UserModal
          user={editing.user}
          grantable={grantable}
          onClose={() => setEditing(null)}
          onPassword={(name, password) =>
            setSecret({ title: t('user.initialPasswordTitle'), name, password })
          }
        />
      )}
      {secret && (
        <SecretOnce
          open
          title={`${secret.title} · ${secret.name}`}
          warning={t('user.passwordOnce', { name: secret.name })}
          secret={secret.password}
          onClose={() => setSecret(null)}
        />
      )}
    </>
  );
}
