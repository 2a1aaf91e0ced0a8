import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { MaskingItem, MaskRule } from '../../../api/security-masking.ts';
import { useI18n, type MessageKey, type Translate } from '../../../i18n/index.tsx';
import { placeRefusal } from '../../../lib/problems.ts';

/** The rule kinds whose parameters are kept characters at both ends. */
const KEEP_KINDS = ['citizen_id', 'mobile', 'bank_card', 'partial'];
const SHAPED_KINDS = ['citizen_id', 'mobile', 'bank_card', 'address'];

/** The rule's parameters in words, e.g. "保留前 6 位、后 4 位". */
export function ruleSummary(rule: MaskRule, t: Translate) {
  const kind = t(`masking.kind.${rule.kind}` as MessageKey);
  const details: string[] = [];
  if (rule.keepStart !== undefined || rule.keepEnd !== undefined)
    details.push(
      t('masking.keep', { start: String(rule.keepStart ?? '-'), end: String(rule.keepEnd ?? '-') }),
    );
  if (rule.level) details.push(t(`masking.level.${String(rule.level)}` as MessageKey));
  if (rule.precision) details.push(t(`masking.precision.${String(rule.precision)}` as MessageKey));
  if (rule.width !== undefined) details.push(t('masking.width', { width: String(rule.width) }));
  if (Array.isArray(rule.bounds)) details.push(t('masking.bounds', { bounds: rule.bounds.join(' / ') }));
  return details.length ? `${kind}（${details.join('，')}）` : kind;
}

interface Values {
  kind: string;
  keepStart?: number;
  keepEnd?: number;
  maskChar?: string;
  onMismatch?: string;
  level?: string;
  precision?: string;
  targets?: string[];
  length?: number;
  rangeMode?: 'width' | 'bounds';
  width?: number;
  origin?: number;
  bounds?: string;
  note?: string;
}

function toRule(values: Values): MaskRule {
  const rule: MaskRule = { kind: values.kind };
  const copy = (name: keyof Values) => {
    const value = values[name];
    if (value !== undefined && value !== null && value !== '')
      (rule as Record<string, unknown>)[name] = value;
  };
  if (KEEP_KINDS.includes(values.kind))
    ['keepStart', 'keepEnd', 'maskChar'].forEach((n) => copy(n as keyof Values));
  if (SHAPED_KINDS.includes(values.kind)) copy('onMismatch');
  if (values.kind === 'name' || values.kind === 'free_text') copy('maskChar');
  if (values.kind === 'address') copy('level');
  if (values.kind === 'date') copy('precision');
  if (values.kind === 'free_text') copy('targets');
  if (values.kind === 'pseudonym') copy('length');
  if (values.kind === 'range') {
    if (values.rangeMode === 'bounds')
      rule.bounds = (values.bounds ?? '')
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map(Number);
    else {
      copy('width');
      copy('origin');
    }
  }
  return rule;
}

/** The fields a refusal may name (the rule's parameters and the note). */
const FIELD_NAMES: readonly string[] = [
  'note',
  'kind',
  'keepStart',
  'keepEnd',
  'maskChar',
  'onMismatch',
  'level',
  'precision',
  'targets',
  'length',
  'width',
  'origin',
  'bounds',
];

/** Where a refusal names a field of this form: `/body/rule/<field>` (e.g. kind), or `/body/note`. */
const ruleFieldOf = (path: string): string | undefined =>
  path === '/body/note' ? 'note' : /^\/body\/rule\/([^/]+)/.exec(path)?.[1];

/** The form of an item's rule; its fields follow the rule kind. */
export function RuleEditor({
  item,
  saving,
  error,
  onCancel,
  onSave,
}: {
  item: MaskingItem | null;
  saving: boolean;
  /** The server's refusal of the last save: its field errors show beside the fields they name. */
  error: unknown;
  onCancel: () => void;
  onSave: (rule: MaskRule, note?: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [kind, setKind] = useState<string>('none');
  // What the refusal says about the rule as a whole (no field of the form to show it beside).
  const [general, setGeneral] = useState<string | null>(null);
  const rangeMode = Form.useWatch('rangeMode', form);
  useEffect(() => {
    setGeneral(error ? placeRefusal(form, error, FIELD_NAMES, t, ruleFieldOf) : null);
  }, [error, form, t]);
  useEffect(() => {
    if (!item) return;
    const rule = item.rule;
    const values: Values = {
      ...(rule as unknown as Values),
      rangeMode: Array.isArray(rule.bounds) ? 'bounds' : 'width',
      bounds: Array.isArray(rule.bounds) ? rule.bounds.join(', ') : undefined,
      note: item.note ?? undefined,
    };
    form.resetFields();
    form.setFieldsValue(values);
    setKind(rule.kind);
  }, [item, form]);
  const number = (name: keyof Values, label: MessageKey, min = 0, max = 64) => (
    <Form.Item name={name} label={t(label)}>
      <InputNumber min={min} max={max} style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <Modal
      open={item !== null}
      title={item ? t('masking.editTitle', { name: item.name }) : ''}
      okText={t('common.save')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => void form.validateFields().then((values) => onSave(toRule(values), values.note))}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.kind) setKind(changed.kind);
          setGeneral(null);
        }}
      >
        <Form.Item name="kind" label={t('masking.kind')} rules={[{ required: true }]}>
          <Select
            options={(item?.fittingKinds ?? []).map((k) => ({
              value: k,
              label: t(`masking.kind.${k}` as MessageKey),
            }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {t(`masking.hint.${kind}` as MessageKey)}
        </Typography.Paragraph>
        {KEEP_KINDS.includes(kind) && (
          <>
            {number('keepStart', 'masking.keepStart')}
            {number('keepEnd', 'masking.keepEnd')}
          </>
        )}
        {[...KEEP_KINDS, 'name', 'free_text'].includes(kind) && (
          <Form.Item
            name="maskChar"
            label={t('masking.maskChar')}
            rules={[{ pattern: /^[^\\$&]$/, message: t('masking.maskCharRule') }]}
          >
            <Input maxLength={1} placeholder="*" style={{ width: 80 }} />
          </Form.Item>
        )}
        {SHAPED_KINDS.includes(kind) && (
          <Form.Item name="onMismatch" label={t('masking.onMismatch')}>
            <Radio.Group
              options={[
                { value: 'mask_all', label: t('masking.onMismatch.mask_all') },
                { value: 'null', label: t('masking.onMismatch.null') },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'address' && (
          <Form.Item name="level" label={t('masking.addressLevel')}>
            <Radio.Group
              options={['district', 'city', 'province'].map((v) => ({
                value: v,
                label: t(`masking.level.${v}` as MessageKey),
              }))}
            />
          </Form.Item>
        )}
        {kind === 'date' && (
          <Form.Item name="precision" label={t('masking.precision')}>
            <Radio.Group
              options={['year', 'month'].map((v) => ({
                value: v,
                label: t(`masking.precision.${v}` as MessageKey),
              }))}
            />
          </Form.Item>
        )}
        {kind === 'free_text' && (
          <Form.Item name="targets" label={t('masking.targets')}>
            <Select
              mode="multiple"
              options={['citizen_id', 'mobile', 'credit_code'].map((v) => ({
                value: v,
                label: t(`masking.target.${v}` as MessageKey),
              }))}
            />
          </Form.Item>
        )}
        {kind === 'pseudonym' && number('length', 'masking.pseudonymLength', 8, 64)}
        {kind === 'range' && (
          <>
            <Form.Item name="rangeMode" label={t('masking.rangeMode')} initialValue="width">
              <Radio.Group
                options={[
                  { value: 'width', label: t('masking.rangeMode.width') },
                  { value: 'bounds', label: t('masking.rangeMode.bounds') },
                ]}
              />
            </Form.Item>
            {rangeMode === 'bounds' ? (
              <Form.Item
                name="bounds"
                label={t('masking.boundsLabel')}
                rules={[
                  {
                    required: true,
                    pattern: /^\s*-?\d+(\.\d+)?(\s*[,，\s]\s*-?\d+(\.\d+)?)*\s*$/,
                    message: t('masking.boundsRule'),
                  },
                ]}
              >
                <Input placeholder="18, 30, 40, 60" />
              </Form.Item>
            ) : (
              <>
                <Form.Item name="width" label={t('masking.widthLabel')} rules={[{ required: true }]}>
                  <InputNumber min={0.0001} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name="origin" label={t('masking.origin')}>
                  <InputNumber style={{ width: 160 }} />
                </Form.Item>
              </>
            )}
          </>
        )}
        <Form.Item name="note" label={t('masking.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
        {general && <Alert type="error" showIcon role="alert" data-testid="rule-error" message={general} />}
      </Form>
    </Modal>
  );
}
