import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Space,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { signingApi, type SigningKeyView, type VerifyResult } from '../../../api/security-signing.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n, type Translate } from '../../../i18n/index.tsx';
import { formatDateTimeSeconds } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';

/** The algorithm in words (SM2 with SM3, or Ed25519 under the international suite). */
const algorithmName = (alg: string, t: Translate) =>
  alg === 'SM2-SM3' ? t('signing.alg.sm2') : alg === 'Ed25519' ? t('signing.alg.ed25519') : alg;

/**
 * 数字签名: the platform's public signing keys (the current one and every retired one, whose old
 * signatures still verify), and the check of a signed file (a shared record, an export, a receipt)
 * that an officer pastes or picks: valid with who signed it and when, or why not.
 */
export default function SigningPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('signing.title')} description={t('signing.description')} />
      <SigningKeys />
      <VerifyCard />
    </>
  );
}

function SigningKeys() {
  const { t } = useI18n();
  const keys = useQuery({
    queryKey: ['security', 'signing-keys'],
    queryFn: ({ signal }) => signingApi.keys(signal),
  });
  return (
    <Card title={t('signing.keys')} style={{ marginBottom: 16 }} loading={keys.isLoading}>
      {keys.error ? <QueryError error={keys.error} onRetry={() => void keys.refetch()} /> : null}
      <Typography.Paragraph type="secondary">{t('signing.keysHint')}</Typography.Paragraph>
      {keys.data && keys.data.keys.length === 0 && <Empty description={t('signing.noKeys')} />}
      <Flex vertical gap={16}>
        {keys.data?.keys.map((key) => (
          <KeyView key={key.keyId} signingKey={key} userId={keys.data.sm2UserId} />
        ))}
      </Flex>
    </Card>
  );
}

/** Whether a key signs now or only verifies what it signed before. */
function KeyStatusTag({ status }: { status: SigningKeyView['status'] }) {
  const { t } = useI18n();
  return status === 'current' ? (
    <Tag color="green">{t('signing.status.current')}</Tag>
  ) : (
    <Tag>{t('signing.status.retired')}</Tag>
  );
}

function KeyView({ signingKey: key, userId }: { signingKey: SigningKeyView; userId: string }) {
  const { t } = useI18n();
  return (
    <Card size="small" type="inner" data-testid="signing-key">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'status',
            label: t('signing.status'),
            children: <KeyStatusTag status={key.status} />,
          },
          { key: 'alg', label: t('signing.algorithm'), children: algorithmName(key.alg, t) },
          {
            key: 'id',
            label: t('signing.keyId'),
            children: (
              <Typography.Text code copyable data-testid="signing-key-id">
                {key.keyId}
              </Typography.Text>
            ),
          },
          ...(key.alg === 'SM2-SM3'
            ? [
                {
                  key: 'user',
                  label: t('signing.userId'),
                  children: <Typography.Text code>{userId}</Typography.Text>,
                },
              ]
            : []),
          { key: 'from', label: t('signing.firstUsed'), children: formatDateTimeSeconds(key.firstUsedAt) },
          ...(key.retiredAt
            ? [{ key: 'to', label: t('signing.retired'), children: formatDateTimeSeconds(key.retiredAt) }]
            : []),
        ]}
      />
      <Typography.Text strong>{t('signing.publicKey')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: key.publicKeyPem }} style={{ marginBottom: 0 }}>
        <pre data-testid="signing-key-pem" style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
          {key.publicKeyPem.trim()}
        </pre>
      </Typography.Paragraph>
    </Card>
  );
}

/** Why the text is not an envelope the server can check, or null. */
function textProblem(text: string, t: Translate): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return t('signing.notJson', { reason: (error as Error).message });
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? null : t('signing.notObject');
}

type Outcome =
  | { valid: true; result: VerifyResult; payload: unknown }
  | { valid: false; reason: string; refused: boolean };

function VerifyCard() {
  const { t } = useI18n();
  const [form] = Form.useForm<{ envelope: string }>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const verify = useMutation({
    mutationFn: (envelope: Record<string, unknown>) => signingApi.verify(envelope),
    onSuccess: (result, envelope) => setOutcome({ valid: true, result, payload: envelope.payload }),
    // 422: the signature does not verify (the server says why); other refusals are not a verdict.
    onError: (error) =>
      setOutcome({
        valid: false,
        reason: errorText(error, t),
        refused: error instanceof ApiError && error.status === 422,
      }),
  });
  const submit = ({ envelope }: { envelope: string }) => {
    setOutcome(null);
    verify.mutate(JSON.parse(envelope) as Record<string, unknown>);
  };
  return (
    <Card title={t('signing.verify')} data-testid="signing-verify">
      <Typography.Paragraph type="secondary">{t('signing.verifyHint')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => {
          setOutcome(null);
          setFileName(null);
        }}
      >
        <Form.Item label={t('signing.file')}>
          <Space>
            <Upload
              accept=".json,application/json"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.text().then((text) => {
                  form.setFieldValue('envelope', text);
                  setOutcome(null);
                  setFileName(file.name);
                  void form.validateFields(['envelope']).catch(() => undefined);
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} data-testid="signing-pick-file">
                {t('signing.pickFile')}
              </Button>
            </Upload>
            {fileName && (
              <Typography.Text type="secondary">{t('signing.fileRead', { name: fileName })}</Typography.Text>
            )}
          </Space>
        </Form.Item>
        <Form.Item
          name="envelope"
          label={t('signing.envelope')}
          rules={[
            { required: true, whitespace: true, message: t('signing.envelopeRequired') },
            {
              validator: async (_, text: string | undefined) => {
                const problem = text?.trim() ? textProblem(text, t) : null;
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input.TextArea rows={8} placeholder={t('signing.envelopePlaceholder')} spellCheck={false} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={verify.isPending}>
            {t('signing.verifyButton')}
          </Button>
        </Form.Item>
      </Form>
      {outcome && <OutcomeView outcome={outcome} />}
    </Card>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  if (!outcome.valid)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="signing-invalid"
        message={outcome.refused ? t('signing.invalid') : t('signing.notChecked')}
        description={outcome.reason}
      />
    );
  const { result } = outcome;
  return (
    <Alert
      type="success"
      showIcon
      data-testid="signing-valid"
      message={t('signing.valid')}
      description={
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'at', label: t('signing.signedAt'), children: formatDateTimeSeconds(result.signedAt) },
              { key: 'alg', label: t('signing.algorithm'), children: algorithmName(result.alg, t) },
              {
                key: 'key',
                label: t('signing.keyId'),
                children: (
                  <Space>
                    <Typography.Text code>{result.keyId}</Typography.Text>
                    <KeyStatusTag status={result.keyStatus} />
                  </Space>
                ),
              },
            ]}
          />
          <Typography.Text strong>{t('signing.payload')}</Typography.Text>
          <pre
            data-testid="signing-payload"
            style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto' }}
          >
            {JSON.stringify(outcome.payload, null, 2)}
          </pre>
        </>
      }
    />
  );
}
