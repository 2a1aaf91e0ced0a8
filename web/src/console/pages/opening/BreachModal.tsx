// The dialogs of usage supervision (CQO §39): record a breach of an agreement (the user's access is
// suspended at once, a rectification is demanded by a date) and decide a breach (accept the
// rectification, or terminate the agreement after one more confirmation). The server's field
// problems land beside the fields (FormModal).
import { Alert, App, DatePicker, Form, Input, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { supervisionApi, type Breach, type BreachDecision } from '../../../api/opening-supervision.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { useRefreshOpening } from './shared.tsx';

interface ReportValues {
  breach: string;
  demand: string;
  rectifyBy: Dayjs;
}

/** Today in China: the server refuses a rectification date before it. */
function chinaToday(): Dayjs {
  return dayjs(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
}

/**
 * Records a breach of an agreement in use; once recorded, the breach opens on the supervision page,
 * where the rectification is followed.
 */
export function BreachModal({
  agreement,
  onClose,
}: {
  agreement: { id: string; number: string };
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const navigate = useNavigate();
  const today = chinaToday();
  return (
    <FormModal<ReportValues>
      name="breach-report"
      title={t('supervision.report.title', { number: agreement.number })}
      okText={t('supervision.report.submit')}
      width={640}
      fieldNames={['breach', 'demand', 'rectifyBy']}
      onClose={onClose}
      onSubmit={async (values) => {
        const recorded = await supervisionApi.report(agreement.id, {
          breach: values.breach.trim(),
          demand: values.demand.trim(),
          rectifyBy: values.rectifyBy.format('YYYY-MM-DD'),
        });
        message.success(t('supervision.report.done'));
        await refresh();
        onClose();
        navigate(`/console/opening/breaches?breach=${encodeURIComponent(recorded.id)}`);
      }}
    >
      <Alert type="warning" showIcon title={t('supervision.report.help')} style={{ marginBottom: 16 }} />
      {(['breach', 'demand'] as const).map((field) => (
        <Form.Item
          key={field}
          name={field}
          label={t(`supervision.field.${field}`)}
          extra={t(`supervision.report.${field}Help`)}
          rules={[{ required: true, whitespace: true, message: t(`supervision.report.${field}Required`) }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      ))}
      <Form.Item
        name="rectifyBy"
        label={t('supervision.field.rectifyBy')}
        extra={t('supervision.report.rectifyByHelp')}
        rules={[{ required: true, message: t('supervision.report.rectifyByRequired') }]}
      >
        <DatePicker disabledDate={(day) => day.isBefore(today, 'day')} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}

/**
 * Decides a breach: accept (the user has reported; access reopens once no other breach is open) or
 * terminate (final, so confirmed once more naming the agreement). Both need a note the user sees.
 */
export function BreachDecisionModal({
  breach,
  decision,
  onClose,
}: {
  breach: Breach;
  decision: BreachDecision;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const refresh = useRefreshOpening();
  const number = breach.agreement.number;
  const confirmTerminate = () =>
    modal.confirm({
      title: t('supervision.decide.terminateConfirm', { number }),
      okText: t('supervision.action.terminate'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
    });
  return (
    <FormModal<{ note: string }>
      name="breach-decide"
      title={t(`supervision.decide.${decision}Title`, { number })}
      okText={t(`supervision.action.${decision}`)}
      width={600}
      fieldNames={['note']}
      onClose={onClose}
      onSubmit={async (values) => {
        if (decision === 'terminate' && !(await confirmTerminate())) return;
        await supervisionApi.decide(breach.id, { decision, note: values.note.trim() });
        message.success(t(`supervision.decide.done.${decision}`));
        await refresh();
        onClose();
      }}
    >
      <Typography.Paragraph
        type={decision === 'terminate' ? 'danger' : 'secondary'}
        data-testid="breach-decide-help"
      >
        {t(`supervision.decide.${decision}Help`)}
      </Typography.Paragraph>
      <Form.Item
        name="note"
        label={t('supervision.decide.note')}
        extra={t('supervision.decide.noteHelp')}
        rules={[{ required: true, whitespace: true, message: t('supervision.decide.noteRequired') }]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
