import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Descriptions, Form, Input } from 'antd';
import type { UpdateRequest } from '../../../../api/catalog-updates.ts';
import { api } from '../../../../api/client.ts';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { invalidateCatalog } from '../meta.tsx';

/**
 * 撤销申请: the authority cancels an open update request (e.g. registered twice or by mistake) with a
 * reason, POST /catalog/update-requests/:id/cancel. Final, so the dialog names the request and says so.
 */
export function CancelModal({ request, onClose }: { request: UpdateRequest; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const submit = async (values: { reason?: string }) => {
    await api.post(`/catalog/update-requests/${request.id}/cancel`, { reason: values.reason!.trim() });
    message.success(t('catalog.updates.cancelled'));
    await invalidateCatalog(queryClient);
    onClose();
  };

  return (
    <FormModal<{ reason?: string }>
      name="cancelUpdate"
      title={t('catalog.updates.cancelTitle')}
      okText={t('catalog.updates.cancelOk')}
      fieldNames={['reason']}
      onSubmit={submit}
      onClose={onClose}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('catalog.updates.cancelText', { department: request.department.name })}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'department', label: t('catalog.updates.department'), children: request.department.name },
          {
            key: 'changedOn',
            label: t('catalog.updates.changedOn'),
            children: formatDate(request.changedOn),
          },
          { key: 'basis', label: t('catalog.updates.basis'), children: request.basis ?? '—' },
        ]}
      />
      <Form.Item
        name="reason"
        label={t('catalog.updates.cancelReason')}
        rules={[{ required: true, whitespace: true, message: t('catalog.updates.cancelReasonRequired') }]}
      >
        <Input.TextArea
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t('catalog.updates.cancelReasonPlaceholder')}
        />
      </Form.Item>
    </FormModal>
  );
}
