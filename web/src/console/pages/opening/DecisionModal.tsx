// The provider's answer to an application for conditionally open data (CQO §24): approve, approve
// in part (fewer items and/or a shorter period, with a reason) or refuse (a reason is required).
// An approval generates the data usage agreement on the server in the same transaction.
import { App, Checkbox, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { openingApi, type OpenApplicationDetail, type OpenDecision } from '../../../api/opening.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { day } from '../sharing/shared.tsx';
import { useRefreshOpening } from './shared.tsx';

interface DecisionValues {
  decision: OpenDecision;
  fields?: string[];
  validUntil?: Dayjs;
  reason?: string;
}

const REASON_HELP: Record<OpenDecision, MessageKey> = {
  approve: 'opening.decision.reasonHelp.approve',
  approve_in_part: 'opening.decision.reasonHelp.approve_in_part',
  refuse: 'opening.decision.reasonHelp.refuse',
};

/** The decision form, in a dialog over the application's drawer. */
export function DecisionModal({
  application,
  onClose,
}: {
  application: OpenApplicationDetail;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const askedUntil = dayjs(application.validUntil);
  const askedFrom = dayjs(application.validFrom);
  const byField = new Map(application.items.map((item) => [item.field, item.name]));
  return (
    <FormModal<DecisionValues>
      name="open-decision"
      title={t('opening.decision.titleOf', { name: application.resource.name })}
      okText={t('opening.decision.submit')}
      width={720}
      fieldNames={['decision', 'fields', 'validUntil', 'reason']}
      initialValues={{ decision: 'approve', fields: application.fields, validUntil: askedUntil }}
      onClose={onClose}
      onSubmit={async (values) => {
        const partial = values.decision === 'approve_in_part';
        await openingApi.decide(application.id, {
          decision: values.decision,
          ...(partial ? { fields: values.fields ?? [], validUntil: day(values.validUntil) } : {}),
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        });
        message.success(t(`opening.decision.done.${values.decision}`));
        await refresh();
        onClose();
      }}
    >
      <Form.Item name="decision" label={t('opening.decision.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="decision-kind"
          options={(['approve', 'approve_in_part', 'refuse'] as const).map((decision) => ({
            value: decision,
            label: t(`opening.decision.${decision}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['decision']}>
        {({ getFieldValue }) => {
          const decision = getFieldValue('decision') as OpenDecision;
          const partial = decision === 'approve_in_part';
          return (
            <>
              {partial && (
                <>
                  <Form.Item
                    name="fields"
                    label={t('opening.decision.fields')}
                    extra={t('opening.decision.fieldsHelp')}
                    rules={[
                      {
                        required: true,
                        type: 'array',
                        min: 1,
                        message: t('opening.decision.fieldsRequired'),
                      },
                    ]}
                  >
                    <Checkbox.Group
                      data-testid="decision-fields"
                      style={{
                        display: 'grid',
                        gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
                        gap: 4,
                      }}
                      options={application.fields.map((field) => ({
                        value: field,
                        label: byField.get(field) ?? field,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name="validUntil"
                    label={t('opening.decision.until')}
                    extra={t('opening.decision.untilHelp', { date: askedUntil.format('YYYY-MM-DD') })}
                    dependencies={['fields']}
                    rules={[
                      {
                        required: true,
                        message: t('common.requiredSelect', { field: t('opening.decision.until') }),
                      },
                      ({ getFieldValue: value }) => ({
                        // In part means less than asked: fewer items, or an earlier end.
                        validator: async (_, until: Dayjs | undefined) => {
                          const fields = (value('fields') as string[] | undefined) ?? [];
                          const fewer = fields.length < application.fields.length;
                          const earlier = until ? until.isBefore(askedUntil, 'day') : false;
                          if (!fewer && !earlier) throw new Error(t('opening.decision.narrowRequired'));
                        },
                      }),
                    ]}
                  >
                    <DatePicker
                      disabledDate={(current) =>
                        current.isBefore(askedFrom, 'day') ||
                        current.isBefore(dayjs(), 'day') ||
                        current.isAfter(askedUntil, 'day')
                      }
                    />
                  </Form.Item>
                </>
              )}
              <Form.Item
                name="reason"
                label={t('opening.decision.reason')}
                extra={t(REASON_HELP[decision])}
                rules={[
                  {
                    required: decision !== 'approve',
                    whitespace: true,
                    message: t(
                      decision === 'refuse'
                        ? 'opening.decision.reasonRequired'
                        : 'opening.decision.partReasonRequired',
                    ),
                  },
                ]}
              >
                <Input.TextArea rows={3} maxLength={2000} />
              </Form.Item>
            </>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}
