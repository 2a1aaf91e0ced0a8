// The provider's answer to a conditional request (CQ19 §27, SC §25): approve, approve in part
// (fewer items, added row conditions, a shorter period, with a reason) or refuse (a reason is
// required: the form will not send a refusal without one). Masking per item shows the provider's
// rule in force and allows a stricter one for this grant.
import { useQuery } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Item } from '../../../api/catalog.ts';
import { maskingApi, type MaskingItem } from '../../../api/security-masking.ts';
import { sharingApi, type ShareDecision, type ShareRequestDetail } from '../../../api/sharing.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { ruleSummary } from '../security/RuleEditor.tsx';
import {
  ConditionBuilder,
  conditionsRule,
  toConditions,
  toDrafts,
  type ConditionDraft,
} from './ConditionBuilder.tsx';
import { day, ItemsPicker, useRefreshSharing } from './shared.tsx';

interface DecisionValues {
  decision: ShareDecision;
  fields?: string[];
  rowScope?: ConditionDraft[];
  validUntil?: Dayjs;
  masking?: Record<string, string | undefined>;
  reason?: string;
}

// Kinds a grant may pick over the provider's rule: not "as stored" (never stricter), not a range
// (it needs bounds the provider sets on the masking page).
const NOT_OFFERED = new Set(['none', 'range']);

/** The decision form, in a dialog over the request's drawer. */
export function DecisionModal({
  request,
  items,
  onClose,
}: {
  request: ShareRequestDetail;
  items: Item[];
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSharing();
  const askedUntil = dayjs(request.validUntil);
  return (
    <FormModal<DecisionValues>
      name="share-decision"
      title={t('sharing.decision.titleOf', { name: request.resource.name })}
      okText={t('sharing.decision.submit')}
      width={820}
      // Masking problems name nested fields; they are shown above the form.
      fieldNames={['decision', 'fields', 'rowScope', 'validUntil', 'reason']}
      initialValues={{
        decision: 'approve',
        fields: request.fields,
        rowScope: toDrafts(request.rowScope),
        validUntil: askedUntil,
        masking: {},
      }}
      onClose={onClose}
      onSubmit={async (values) => {
        const refuse = values.decision === 'refuse';
        const partial = values.decision === 'approve_in_part';
        const fields = partial ? (values.fields ?? []) : request.fields;
        const masking = Object.fromEntries(
          Object.entries(values.masking ?? {})
            .filter(([field, kind]) => kind && fields.includes(field))
            .map(([field, kind]) => [field, { kind: kind! }]),
        );
        await sharingApi.decide(request.id, {
          decision: values.decision,
          ...(partial
            ? {
                fields,
                // The asked conditions are kept as sent (the server checks that none is dropped).
                rowScope: [
                  ...request.rowScope,
                  ...toConditions(values.rowScope?.slice(request.rowScope.length)),
                ],
                validUntil: day(values.validUntil),
              }
            : {}),
          ...(!refuse && Object.keys(masking).length > 0 ? { masking } : {}),
          ...(values.reason?.trim() ? { reason: values.reason.trim() } : {}),
        });
        message.success(t(`sharing.decision.done.${values.decision}`));
        await refresh();
        onClose();
      }}
    >
      <Form.Item name="decision" label={t('sharing.decision.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="decision-kind"
          options={(['approve', 'approve_in_part', 'refuse'] as const).map((decision) => ({
            value: decision,
            label: t(`sharing.decision.${decision}`),
          }))}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['decision', 'fields']}>
        {({ getFieldValue }) => {
          const decision = getFieldValue('decision') as ShareDecision;
          const partial = decision === 'approve_in_part';
          const fields = partial ? ((getFieldValue('fields') as string[] | undefined) ?? []) : request.fields;
          return (
            <>
              {partial && (
                <>
                  <Form.Item
                    name="fields"
                    label={t('sharing.decision.fields')}
                    extra={t('sharing.decision.fieldsHelp')}
                    rules={[
                      { required: true, type: 'array', min: 1, message: t('sharing.form.fieldsRequired') },
                    ]}
                  >
                    <ItemsPicker items={items} allowed={request.fields} />
                  </Form.Item>
                  <Form.Item
                    name="rowScope"
                    label={t('sharing.decision.rowScope')}
                    extra={t('sharing.decision.rowScopeHelp')}
                    rules={[conditionsRule(t)]}
                  >
                    <ConditionBuilder items={items} locked={request.rowScope.length} />
                  </Form.Item>
                  <Form.Item
                    name="validUntil"
                    label={t('sharing.decision.until')}
                    extra={t('sharing.decision.untilHelp', { date: askedUntil.format('YYYY-MM-DD') })}
                    rules={[
                      {
                        required: true,
                        message: t('common.requiredSelect', { field: t('sharing.decision.until') }),
                      },
                    ]}
                  >
                    <DatePicker
                      disabledDate={(current) =>
                        current.isBefore(dayjs(), 'day') || current.isAfter(askedUntil, 'day')
                      }
                    />
                  </Form.Item>
                </>
              )}
              {decision !== 'refuse' && (
                <Form.Item label={t('sharing.masking.title')} extra={t('sharing.masking.help')}>
                  <MaskingTable resourceId={request.resource.id} fields={fields} items={items} />
                </Form.Item>
              )}
              <Form.Item
                name="reason"
                label={t('sharing.decision.reason')}
                extra={t(REASON_HELP[decision])}
                rules={[
                  {
                    required: decision !== 'approve',
                    whitespace: true,
                    message: t(
                      decision === 'refuse'
                        ? 'sharing.decision.reasonRequired'
                        : 'sharing.decision.partReasonRequired',
                    ),
                  },
                ]}
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </>
          );
        }}
      </Form.Item>
    </FormModal>
  );
}

const REASON_HELP: Record<ShareDecision, MessageKey> = {
  approve: 'sharing.decision.reasonHelp.approve',
  approve_in_part: 'sharing.decision.reasonHelp.approve_in_part',
  refuse: 'sharing.decision.reasonHelp.refuse',
};

/** The granted items with the provider's rule in force and a stricter one to pick for this grant. */
function MaskingTable({
  resourceId,
  fields,
  items,
}: {
  resourceId: string;
  fields: string[];
  items: Item[];
}) {
  const { t } = useI18n();
  const view = useQuery({
    queryKey: ['share', 'masking', resourceId],
    queryFn: ({ signal }) => maskingApi.view(resourceId, signal),
  });
  const byField = new Map((view.data?.items ?? []).map((item) => [item.fieldName, item]));
  const rows = items.filter((item) => fields.includes(item.fieldName));
  return (
    <Table<Item>
      size="small"
      rowKey="fieldName"
      pagination={false}
      loading={view.isLoading}
      dataSource={rows}
      data-testid="decision-masking"
      columns={[
        {
          title: t('sharing.masking.item'),
          key: 'item',
          render: (_: unknown, item) => (
            <span>
              {item.name}
              <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
                {item.fieldName}
              </Typography.Text>
            </span>
          ),
        },
        {
          title: t('sharing.masking.provider'),
          key: 'provider',
          render: (_: unknown, item) => <ProviderRule item={byField.get(item.fieldName)} />,
        },
        {
          title: t('sharing.masking.grant'),
          key: 'grant',
          width: 220,
          render: (_: unknown, item) => {
            const masking = byField.get(item.fieldName);
            return (
              <Form.Item name={['masking', item.fieldName]} noStyle>
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  placeholder={t('sharing.masking.keep')}
                  options={(masking?.fittingKinds ?? [])
                    .filter((kind) => !NOT_OFFERED.has(kind) && kind !== masking?.rule.kind)
                    .map((kind) => ({ value: kind, label: t(`masking.kind.${kind}` as MessageKey) }))}
                  data-testid={`masking-${item.fieldName}`}
                />
              </Form.Item>
            );
          },
        },
      ]}
    />
  );
}

function ProviderRule({ item }: { item: MaskingItem | undefined }) {
  const { t } = useI18n();
  if (!item) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span>
      {ruleSummary(item.rule, t)}
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {t(item.source === 'rule' ? 'sharing.masking.sourceRule' : 'sharing.masking.sourceDefault')}
      </Typography.Text>
    </span>
  );
}
