import { PoweroffOutlined } from '@ant-design/icons';
import { App, Alert, Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { useSignOutEverywhere } from '../../auth/useSignOutEverywhere.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isMessageKey, useI18n } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { applyFieldErrors, errorText } from '../../lib/problems.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 个人设置: who I am, change my password, sign out everywhere. */
export default function SettingsPage() {
  const { t } = useI18n();
  const { info, refresh } = useSession();
  const { message } = App.useApp();
  const signOutEverywhere = useSignOutEverywhere();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!info) return null;
  const user = info.user;
  const roleKey = `role.${user.role}`;

  const changePassword = async (values: PasswordForm) => {
    setBusy(true);
    setProblem(null);
    try {
      await api.post('/auth/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      message.success(t('settings.passwordChanged'));
      form.resetFields();
      await refresh().catch(() => undefined);
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, ['currentPassword', 'newPassword']);
      const placed = error instanceof ApiError ? error.errors.length - unmatched.length : 0;
      if (error instanceof ApiError && error.code === 'auth.wrong_current_password') {
        form.setFields([{ name: 'currentPassword', errors: [error.detail] }]);
      } else if (placed === 0 || unmatched.length > 0) {
        setProblem(placed === 0 ? errorText(error, t) : unmatched.join('；'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('settings.profile')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              items={[
                { key: 'username', label: t('settings.username'), children: user.username },
                { key: 'displayName', label: t('settings.displayName'), children: user.displayName },
                {
                  key: 'role',
                  label: t('settings.role'),
                  children: isMessageKey(roleKey) ? t(roleKey) : user.role,
                },
                { key: 'department', label: t('settings.department'), children: user.departmentName ?? '—' },
                { key: 'region', label: t('settings.region'), children: user.regionName ?? '—' },
                {
                  key: 'passwordChangedAt',
                  label: t('settings.passwordChangedAt'),
                  children: user.passwordChangedAt ? (
                    formatDateTime(user.passwordChangedAt)
                  ) : (
                    <Typography.Text type="warning">{t('settings.passwordNeverChanged')}</Typography.Text>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('settings.changePassword')}>
            <Typography.Paragraph type="secondary">{t('settings.passwordRules')}</Typography.Paragraph>
            {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
            <Form<PasswordForm>
              form={form}
              name="password"
              layout="vertical"
              onFinish={changePassword}
              style={{ maxWidth: 420 }}
            >
              <Form.Item
                name="currentPassword"
                label={t('settings.currentPassword')}
                rules={[
                  {
                    required: true,
                    message: t('common.requiredField', { field: t('settings.currentPassword') }),
                  },
                ]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('settings.newPassword')}
                rules={[
                  {
                    required: true,
                    message: t('common.requiredField', { field: t('settings.newPassword') }),
                  },
                  { min: 8, message: t('settings.passwordTooShort') },
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t('settings.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  {
                    required: true,
                    message: t('common.requiredField', { field: t('settings.confirmPassword') }),
                  },
                  ({ getFieldValue }) => ({
                    validator: async (_, value: string | undefined) => {
                      if (value && value !== getFieldValue('newPassword'))
                        throw new Error(t('settings.passwordMismatch'));
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
                {t('settings.changePassword')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('settings.sessions')}>
            <Typography.Paragraph>{t('settings.sessionsText')}</Typography.Paragraph>
            <Button danger icon={<PoweroffOutlined />} onClick={signOutEverywhere}>
              {t('account.logoutAll')}
            </Button>
          </Card>
        </Col>
      </Row>
    </>
  );
}
