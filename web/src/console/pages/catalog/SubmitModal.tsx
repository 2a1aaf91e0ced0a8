import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { invalidateCatalog } from './meta.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';

/** A resource named in a submission dialog. */
export interface NamedResource {
  id: string;
  code: string;
  name: string;
}

/** Every message of a refusal: the detail, then each field problem. */
function problemsOf(error: unknown, t: ReturnType<typeof useI18n>['t']): string[] {
  if (error instanceof ApiError && error.errors.length > 0)
    return error.errors.map((problem) => problem.message);
  return [errorText(error, t)];
}

/**
 * Submits resources for review (提交审核) or asks to withdraw a published one (申请撤销, `removal`):
 * POST /catalog/submissions. A removal needs its reason; a submission may carry a note.
 */
export function SubmitModal({
  resources,
  removal = false,
  onClose,
  onDone,
}: {
  resources: NamedResource[];
  removal?: boolean;
  onClose(): void;
  onDone?(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ note?: string }>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async () => {
    let values: { note?: string };
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const note = values.note?.trim() || undefined;
    setBusy(true);
    setProblems([]);
    try {
      await api.post(
        '/catalog/submissions',
        removal
          ? {
              resourceIds: [],
              removals: resources.map((resource) => ({ resourceId: resource.id, note: note ?? '' })),
            }
          : { resourceIds: resources.map((resource) => resource.id), ...(note ? { note } : {}) },
      );
      message.success(
        t(removal ? 'catalog.removalSubmitted' : 'catalog.submitted', { count: resources.length }),
      );
      await invalidateCatalog(queryClient);
      onDone?.();
      onClose();
    } catch (error) {
      setProblems(problemsOf(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={removal ? t('catalog.requestRemoval') : t('catalog.submitTitle', { count: resources.length })}
      okText={removal ? t('catalog.requestRemoval') : t('catalog.submit')}
      okButtonProps={{ danger: removal, ...({ 'data-testid': 'submit-confirm' } as Record<string, string>) }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      width={600}
    >
      <Typography.Paragraph type="secondary">
        {removal ? t('catalog.removalText') : t('catalog.submitText')}
      </Typography.Paragraph>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={problems.length === 1 ? problems[0] : t('catalog.submitRefused')}
          description={
            problems.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="submit-problem"
        />
      )}
      <Table<NamedResource>
        size="small"
        rowKey="id"
        pagination={false}
        bordered
        scroll={{ y: 240 }}
        style={{ marginBottom: 16 }}
        dataSource={resources}
        columns={[
          {
            title: t('catalog.field.code'),
            dataIndex: 'code',
            width: 180,
            render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
          },
          { title: t('catalog.field.name'), dataIndex: 'name' },
        ]}
      />
      <Form form={form} layout="vertical" name="submission">
        <Form.Item
          name="note"
          label={
            removal ? t('catalog.removalReason') : `${t('catalog.submitNote')}（${t('common.optional')}）`
          }
          rules={
            removal ? [{ required: true, whitespace: true, message: t('catalog.removalReasonRequired') }] : []
          }
        >
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
