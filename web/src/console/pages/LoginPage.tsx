import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../auth/guards.tsx';
import { useSession } from '../../auth/session.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { errorText } from '../../lib/problems.ts';

interface LoginForm {
  username: string;
  password: string;
}

/** Sign-in with username and password. */
export default function LoginPage() {
  const { t } = useI18n();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'signed-in' && !submitting) return <Navigate to={next} replace />;

  const submit = async (values: LoginForm) => {
    setSubmitting(true);
    setFailure(null);
    try {
      await login(values.username.trim(), values.password);
      navigate(next, { replace: true });
    } catch (error) {
      setFailure(errorText(error, t));
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  const expired = state.status === 'anonymous' && state.reason === 'expired';

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{
        minHeight: '100vh',
        padding: 16,
        background: 'linear-gradient(135deg, #0f2a4a 0%, #1d4f91 55%, #2f6fc4 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16 }}>
        <LanguageSwitch dark />
      </div>
      <Flex align="center" gap={12} style={{ marginBottom: 24 }}>
        <img src="/favicon.svg" alt="" width={48} height={48} />
        <div>
          <Typography.Title level={2} style={{ color: '#fff', margin: 0 }}>
            {t('app.name')} · {t('app.fullName')}
          </Typography.Title>
          <Typography.Text style={{ color: 'rgba(255,255,255,0.75)' }}>{t('login.subtitle')}</Typography.Text>
        </div>
      </Flex>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 24, textAlign: 'center' }}>
          {t('login.title')}
        </Typography.Title>
        {expired && !failure && (
          <Alert type="info" showIcon title={t('account.sessionExpired')} style={{ marginBottom: 16 }} />
        )}
        {failure && (
          <Alert
            type="error"
            showIcon
            title={failure}
            style={{ marginBottom: 16 }}
            data-testid="login-error"
          />
        )}
        <Form<LoginForm>
          form={form}
          name="login"
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          size="large"
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form.Item>
        </Form>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('login.hint')}
        </Typography.Text>
      </Card>
      <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', marginTop: 24, fontSize: 12 }}>
        {t('login.footer')}
      </Typography.Text>
    </Flex>
  );
}
