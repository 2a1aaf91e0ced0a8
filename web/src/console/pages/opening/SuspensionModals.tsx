// The dialogs that suspend an open dataset (for an objection, or on an own finding) and decide the
// outcome (withdraw / restore / reprocess with a note), for an objection or for a dataset's
// suspension. The server's field problems land beside the fields (FormModal).
import { Alert, App, Form, Input, Radio, Typography } from 'antd';
import { useRef } from 'react';
import { oversightApi, SUSPENSION_OUTCOMES, type SuspensionOutcome } from '../../../api/opening-oversight.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { OpenDatasetSelect, type PickedDataset } from './oversight-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

/** What a dialog acts on: an objection, or a dataset's suspension (an own finding). */
export type SuspensionTarget =
  { kind: 'objection'; id: string; name: string } | { kind: 'dataset'; resourceId: string; name: string };

interface SuspendValues {
  resourceId?: string;
  reason: string;
}

/**
 * Suspends a dataset at once: for an objection (`target` given) or on an own finding, where the
 * officer picks the open dataset first.
 */
export function SuspendModal({
  target,
  onClose,
  onDone,
}: {
  target?: SuspensionTarget;
  onClose(): void;
  /** After an own-finding suspension: the dataset suspended. */
  onDone?(dataset?: PickedDataset): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const picked = useRef<PickedDataset | undefined>(undefined);
  return (
    <FormModal<SuspendValues>
      name="open-suspend"
      title={target ? t('oversight.suspend.title', { name: target.name }) : t('oversight.ownFinding.title')}
      okText={t('oversight.suspend.submit')}
      fieldNames={['resourceId', 'reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        const reason = values.reason.trim();
        if (target?.kind === 'objection') await oversightApi.suspend(target.id, reason);
        else {
          const resourceId = target?.kind === 'dataset' ? target.resourceId : values.resourceId!;
          await oversightApi.suspendDataset(resourceId, reason);
        }
        message.success(t('oversight.suspend.done'));
        await refresh();
        onDone?.(picked.current);
        onClose();
      }}
    >
      <Alert type="warning" showIcon title={t('oversight.suspend.help')} style={{ marginBottom: 16 }} />
      {!target && (
        <Form.Item
          name="resourceId"
          label={t('oversight.ownFinding.dataset')}
          rules={[{ required: true, message: t('oversight.ownFinding.datasetRequired') }]}
        >
          <OpenDatasetSelect
            width="100%"
            onChange={(_resourceId, dataset) => {
              picked.current = dataset;
            }}
          />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={t('oversight.suspend.reason')}
        extra={t('oversight.suspend.reasonHelp')}
        rules={[{ required: true, whitespace: true, message: t('oversight.suspend.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

interface DecideValues {
  outcome: SuspensionOutcome;
  note: string;
}

/** Decides the outcome; a withdrawal (final) is confirmed once more, naming the dataset. */
export function DecideModal({ target, onClose }: { target: SuspensionTarget; onClose(): void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const refresh = useRefreshOpening();
  const confirmWithdraw = () =>
    modal.confirm({
      title: t('oversight.decide.withdrawConfirm', { name: target.name }),
      okText: t('oversight.outcome.withdraw'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
    });
  return (
    <FormModal<DecideValues>
      name="open-decide"
      title={t('oversight.decide.title', { name: target.name })}
      okText={t('oversight.decide.submit')}
      width={640}
      initialValues={{ outcome: 'restore' }}
      fieldNames={['outcome', 'note']}
      onClose={onClose}
      onSubmit={async (values) => {
        if (values.outcome === 'withdraw' && !(await confirmWithdraw())) return;
        const body = { outcome: values.outcome, note: values.note.trim() };
        if (target.kind === 'objection') await oversightApi.decide(target.id, body);
        else await oversightApi.decideDataset(target.resourceId, body);
        message.success(t('oversight.decide.done'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item name="outcome" label={t('oversight.decide.outcome')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="decide-outcome"
          options={SUSPENSION_OUTCOMES.map((outcome) => ({
            value: outcome,
            label: t(`oversight.outcome.${outcome}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['outcome']}>
        {({ getFieldValue }) => {
          const outcome = getFieldValue('outcome') as SuspensionOutcome;
          return (
            <Typography.Paragraph
              type={outcome === 'withdraw' ? 'danger' : 'secondary'}
              data-testid="decide-outcome-help"
            >
              {t(`oversight.outcomeHelp.${outcome}`)}
            </Typography.Paragraph>
          );
        }}
      </Form.Item>
      <Form.Item
        name="note"
        label={t('oversight.decide.note')}
        extra={t('oversight.decide.noteHelp')}
        rules={[{ required: true, whitespace: true, message: t('oversight.decide.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
