import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Select } from 'antd';
import { api } from '../../../api/client.ts';
import {
  ROLES_NEEDING_DEPARTMENT,
  ROLES_NEEDING_REGION,
  type User,
  type UserRole,
} from '../../../api/types.ts';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { RegionSelect } from '../../../components/RegionSelect.tsx';
import { useI18n, type Translate } from '../../../i18n/index.tsx';

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

/** Select options for the given roles, labelled in the user's language. */
export function roleOptions(t: Translate, roles: readonly UserRole[]) {
  return roles.map((role) => ({ value: role, label: t(`role.${role}`) }));
}

/**
 * Create or edit a user. A new account's generated initial password is handed to `onPassword` so the
 * page can show it once.
 */
export function UserModal({
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
