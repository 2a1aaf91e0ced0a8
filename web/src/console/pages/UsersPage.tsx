import {
  EditOutlined,
  KeyOutlined,
  LockOutlined,
  MoreOutlined,
  PlusOutlined,
  ReloadOutlined,
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
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type MenuProps,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import {
  ROLES_NEEDING_DEPARTMENT,
  ROLES_NEEDING_REGION,
  USER_ROLES,
  type User,
  type UserRole,
} from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { SecretOnce } from '../../components/SecretOnce.tsx';
import { useI18n, type Translate } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { errorText } from '../../lib/problems.ts';
import { useList } from '../../lib/useList.ts';

const PERSON_TYPES = ['natural', 'legal', 'other'] as const;

interface UserForm {
  username: string;
  displayName: string;
  role: UserRole;
  regionId?: string;
  departmentId?: string;
  password?: string;
  email?: string;
  phone?: string;
  personType?: (typeof PERSON_TYPES)[number];
  identityNumber?: string;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

function roleOptions(t: Translate, roles: readonly UserRole[]) {
  return roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

function UserModal({
  user,
  grantable,
  onClose,
  onPassword,
}: {
  user: User | null;
  grantable: readonly UserRole[];
  onClose(): void;
  onPassword(name: string, password: string): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editing = user !== null;
  return (
    <FormModal<UserForm>
      name="user"
      title={editing ? t('user.edit') : t('user.create')}
      okText={editing ? t('common.save') : t('common.create')}
      width={640}
      fieldNames={[
        'username',
        'displayName',
        'role',
        'regionId',
        'departmentId',
        'password',
        'email',
        'phone',
        'personType',
        'identityNumber',
      ]}
      initialValues={
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              role: user.role,
              regionId: user.regionId ?? undefined,
              departmentId: user.departmentId ?? undefined,
              email: user.email ?? undefined,
              phone: user.phone ?? undefined,
            }
          : { role: grantable.includes('department_officer') ? 'department_officer' : grantable[0] }
      }
      onSubmit={async (values) => {
        const placement = {
          departmentId: values.departmentId ?? null,
          regionId: values.departmentId ? null : (values.regionId ?? null),
        };
        if (user) {
          await api.patch(`/users/${user.id}`, {
            displayName: values.displayName.trim(),
            role: values.role,
            ...placement,
            email: blankToNull(values.email),
            phone: blankToNull(values.phone),
          });
          message.success(t('common.saved'));
        } else {
          const created = await api.post<{ user: User; initialPassword?: string }>('/users', {
            username: values.username.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            ...placement,
            ...(values.password ? { password: values.password } : {}),
            email: blankToNull(values.email),
            phone: blankToNull(values.phone),
            ...(values.role === 'public_user'
              ? { personType: values.personType, identityNumber: values.identityNumber?.trim().toUpperCase() }
              : {}),
          });
          message.success(t('common.created'));
          if (created.initialPassword) onPassword(created.user.displayName, created.initialPassword);
        }
        await queryClient.invalidateQueries({ queryKey: ['users'] });
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item
        name="username"
        label={t('user.username')}
        extra={editing ? undefined : t('user.usernameHelp')}
        normalize={(value: string | undefined) => value?.toLowerCase()}
        rules={[
          { required: true, message: t('common.requiredField', { field: t('user.username') }) },
          { pattern: /^[a-z0-9][a-z0-9._-]{1,62}$/, message: t('user.usernameInvalid') },
        ]}
      >
        <Input disabled={editing} maxLength={63} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('user.displayName')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('user.displayName') }),
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="role"
        label={t('user.role')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('user.role') }) }]}
      >
        <Select
          options={roleOptions(t, editing && !grantable.includes(user.role) ? [user.role] : grantable)}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['role', 'departmentId']}>
        {({ getFieldValue }) => {
          const role = getFieldValue('role') as UserRole | undefined;
          const departmentId = getFieldValue('departmentId') as string | undefined;
          const needsDepartment = role !== undefined && ROLES_NEEDING_DEPARTMENT.includes(role);
          const needsRegion = role !== undefined && ROLES_NEEDING_REGION.includes(role) && !departmentId;
          return (
            <>
              <Form.Item
                name="departmentId"
                label={
                  needsDepartment
                    ? t('user.department')
                    : `${t('user.department')}（${t('common.optional')}）`
                }
                rules={[{ required: needsDepartment, message: t('user.needsDepartment') }]}
              >
                <DepartmentSelect initialLabel={user?.departmentName} />
              </Form.Item>
              <Form.Item
                name="regionId"
                label={needsRegion ? t('user.region') : `${t('user.region')}（${t('common.optional')}）`}
                extra={t('user.regionHelp')}
                rules={[{ required: needsRegion, message: t('user.needsRegion') }]}
              >
                <RegionSelect />
              </Form.Item>
              {role === 'public_user' && !editing && (
                <>
                  <Form.Item
                    name="personType"
                    label={t('user.personType')}
                    rules={[
                      {
                        required: true,
                        message: t('common.requiredSelect', { field: t('user.personType') }),
                      },
                    ]}
                  >
                    <Select
                      options={PERSON_TYPES.map((type) => ({
                        value: type,
                        label: t(`user.personType.${type}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="identityNumber"
                    label={t('user.identityNumber')}
                    extra={t('user.identityNumberHelp')}
                    rules={[
                      {
                        required: true,
                        message: t('common.requiredField', { field: t('user.identityNumber') }),
                      },
                    ]}
                  >
                    <Input maxLength={18} />
                  </Form.Item>
                </>
              )}
            </>
          );
        }}
      </Form.Item>
      <Form.Item
        name="email"
        label={`${t('user.email')}（${t('common.optional')}）`}
        rules={[{ type: 'email', message: t('user.emailInvalid') }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={`${t('user.phone')}（${t('common.optional')}）`}>
        <Input maxLength={20} />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="password"
          label={`${t('user.password')}（${t('common.optional')}）`}
          extra={t('user.passwordHelp')}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}

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
        <Form
          form={filterForm}
          layout="inline"
          onFinish={(values) =>
            list.setFilters({
              q: values.q?.trim() || undefined,
              role: values.role,
              departmentId: values.departmentId,
              disabled: values.status === undefined ? undefined : values.status === 'disabled',
            })
          }
          style={{ marginBottom: 16, rowGap: 12 }}
        >
          <Form.Item name="q">
            <Input.Search
              placeholder={t('user.searchPlaceholder')}
              allowClear
              onSearch={() => filterForm.submit()}
              style={{ width: 200 }}
            />
          </Form.Item>
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
          <Space>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
            <Button
              onClick={() => {
                filterForm.resetFields();
                list.setFilters({});
              }}
            >
              {t('common.reset')}
            </Button>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => list.query.refetch()}
              aria-label={t('common.refresh')}
            />
          </Space>
        </Form>
        {list.query.isError && <QueryError error={list.query.error} onRetry={() => list.query.refetch()} />}
        <Table<User>
          rowKey="id"
          columns={columns}
          dataSource={list.query.data?.items ?? []}
          loading={list.query.isFetching}
          pagination={{ ...list.pagination, showTotal: (total) => t('common.total', { total }) }}
          onChange={list.onTableChange}
          locale={{ emptyText: t('user.empty') }}
          scroll={{ x: 1000 }}
        />
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
