// More time for the provider's answer: the officer asks, the department head decides (CQ19 §19:
// only the head approves an extension). Uses the case engine's own routes (/cases/:id/extension).
import { Alert, App, Button, Flex, Form, Input, InputNumber, Popconfirm } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { ShareCase } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { errorText } from '../../../lib/problems.ts';
import { useRefreshSharing } from './shared.tsx';

/**
 * The extension state of an open case with a deadline, and the act the user may take on it.
 * `onChanged` reloads the page's own queries (other modules' cases); by default the sharing ones.
 */
export function ExtensionPanel({
  shareCase,
  onChanged,
}: {
  shareCase: ShareCase;
  onChanged?: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const { message } = App.useApp();
  const refreshSharing = useRefreshSharing();
  const refresh = onChanged ?? refreshSharing;
  const [asking, setAsking] = useState(false);
  if (shareCase.closedAt || !shareCase.dueOn) return null;
  const pending = shareCase.extension?.state === 'requested';
  const decide = async (approve: boolean) => {
    try {
      await api.post(`/cases/${shareCase.id}/extension/decision`, { approve });
      message.success(t(approve ? 'sharing.extension.approved' : 'sharing.extension.refused'));
      await refresh();
    } catch (error) {
      message.error(errorText(error, t));
    }
  };
  return (
    <>
      {shareCase.extensionWorkdays > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('sharing.extension.extended', {
            days: shareCase.extensionWorkdays,
            date: formatDate(shareCase.originalDueOn),
          })}
        />
      )}
      {pending ? (
        <Alert
          type="warning"
          showIcon
          title={t('sharing.extension.pending', { days: shareCase.extension?.workdays ?? 0 })}
          action={
            can('case.extension.approve') && (
              <Flex gap={8}>
                <Button
                  size="small"
                  type="primary"
                  onClick={() => decide(true)}
                  data-testid="extension-approve"
                >
                  {t('sharing.extension.approve')}
                </Button>
                <Popconfirm title={t('sharing.extension.refuseConfirm')} onConfirm={() => decide(false)}>
                  <Button size="small" danger>
                    {t('sharing.extension.refuse')}
                  </Button>
                </Popconfirm>
              </Flex>
            )
          }
        />
      ) : (
        can('case.extension.request') && (
          <div>
            <Button onClick={() => setAsking(true)} data-testid="extension-request">
              {t('sharing.extension.request')}
            </Button>
          </div>
        )
      )}
      {asking && (
        <ExtensionModal caseId={shareCase.id} onChanged={refresh} onClose={() => setAsking(false)} />
      )}
    </>
  );
}

function ExtensionModal({
  caseId,
  onChanged,
  onClose,
}: {
  caseId: string;
  onChanged(): Promise<unknown>;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <FormModal<{ workdays: number; reason: string }>
      name="share-extension"
      title={t('sharing.extension.request')}
      okText={t('sharing.extension.submit')}
      fieldNames={['workdays', 'reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        await api.post(`/cases/${caseId}/extension`, {
          workdays: values.workdays,
          reason: values.reason.trim(),
        });
        message.success(t('sharing.extension.requested'));
        await onChanged();
        onClose();
      }}
    >
      <Form.Item
        name="workdays"
        label={t('sharing.extension.workdays')}
        extra={t('sharing.extension.help')}
        rules={[
          { required: true, message: t('common.requiredField', { field: t('sharing.extension.workdays') }) },
        ]}
      >
        <InputNumber min={1} max={250} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('sharing.extension.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('sharing.extension.reason') }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
