// The row scope of a request or approval as a small builder: one line per condition (field,
// operator, value), all of which must hold. Officers write "户籍地行政区划 等于 500103", never SQL.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Tag, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form/index.js';
import type { Item } from '../../../api/catalog.ts';
import { ROW_OPERATORS, type RowCondition, type RowOperator, type RowValue } from '../../../api/sharing.ts';
import { useI18n, type Translate } from '../../../i18n/index.tsx';

/** A condition as typed: the value is text until sent (`in` takes a list separated by commas). */
export interface ConditionDraft {
  field?: string;
  op?: RowOperator;
  text?: string;
}

const NO_VALUE: readonly RowOperator[] = ['null', 'not_null'];
const ORDERED_TYPES = new Set(['N', 'Y', 'I', 'F', 'B', 'D', 'T']);
const TEXT_TYPES = new Set(['C', 'M']);

/** The operators that make sense for an item's data type (the server refuses the others). */
export function operatorsFor(dataType: string | undefined): RowOperator[] {
  return ROW_OPERATORS.filter((op) => {
    if (op === 'prefix') return dataType === undefined || TEXT_TYPES.has(dataType);
    if (['gt', 'gte', 'lt', 'lte'].includes(op)) return dataType === undefined || ORDERED_TYPES.has(dataType);
    return true;
  });
}

const splitList = (text: string) =>
  text
    .split(/[,，、;；\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);

/** The drafts as the API takes them (complete lines only; the form validator refuses the others). */
export function toConditions(drafts: readonly ConditionDraft[] | undefined): RowCondition[] {
  return (drafts ?? [])
    .filter((draft) => draft.field && draft.op)
    .map((draft) => {
      const op = draft.op!;
      if (NO_VALUE.includes(op)) return { field: draft.field!, op };
      const text = (draft.text ?? '').trim();
      return { field: draft.field!, op, value: op === 'in' ? splitList(text) : text };
    });
}

/** Conditions from the API as drafts (to start an approval from what was asked). */
export function toDrafts(conditions: readonly RowCondition[] | null | undefined): ConditionDraft[] {
  return (conditions ?? []).map((condition) => ({
    field: condition.field,
    op: condition.op,
    text: Array.isArray(condition.value) ? condition.value.join(', ') : toText(condition.value),
  }));
}

const toText = (value: RowValue | undefined) => (value === undefined ? undefined : String(value));

/** A form rule: every line names a field and an operator, and a value where the operator needs one. */
export function conditionsRule(t: Translate) {
  return {
    validator: async (_: RuleObject, drafts: ConditionDraft[] | undefined) => {
      for (const draft of drafts ?? []) {
        if (!draft.field || !draft.op) throw new Error(t('sharing.condition.incomplete'));
        if (!NO_VALUE.includes(draft.op) && !(draft.text ?? '').trim())
          throw new Error(t('sharing.condition.valueRequired'));
      }
    },
  };
}

/** One condition in words, e.g. "户籍地行政区划 等于 500103". */
export function conditionText(condition: RowCondition, items: Item[] | undefined, t: Translate): string {
  const name = items?.find((item) => item.fieldName === condition.field)?.name ?? condition.field;
  const value = Array.isArray(condition.value) ? condition.value.join('、') : toText(condition.value);
  return [name, t(`sharing.op.${condition.op}`), value].filter(Boolean).join(' ');
}

/** Conditions as tags ("all rows" when there are none). */
export function ConditionTags({
  conditions,
  items,
}: {
  conditions: readonly RowCondition[] | null | undefined;
  items: Item[] | undefined;
}) {
  const { t } = useI18n();
  if (!conditions || conditions.length === 0)
    return <Typography.Text type="secondary">{t('sharing.condition.allRows')}</Typography.Text>;
  return (
    <Flex gap={4} wrap data-testid="condition-tags">
      {conditions.map((condition, index) => (
        <Tag key={index} color="geekblue" style={{ marginInlineEnd: 0 }}>
          {conditionText(condition, items, t)}
        </Tag>
      ))}
    </Flex>
  );
}

/** The builder: a controlled list of condition lines over the resource's items. */
export function ConditionBuilder({
  id,
  items,
  value,
  onChange,
  locked = 0,
}: {
  id?: string;
  items: Item[];
  value?: ConditionDraft[];
  onChange?: (value: ConditionDraft[]) => void;
  /** The first `locked` lines cannot be changed or removed (an approval may only add conditions). */
  locked?: number;
}) {
  const { t } = useI18n();
  const drafts = value ?? [];
  const set = (index: number, patch: Partial<ConditionDraft>) =>
    onChange?.(drafts.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  return (
    <Flex vertical gap={8} id={id} data-testid="condition-builder">
      {drafts.length === 0 && (
        <Typography.Text type="secondary">{t('sharing.condition.allRows')}</Typography.Text>
      )}
      {drafts.map((draft, index) => {
        const item = items.find((candidate) => candidate.fieldName === draft.field);
        const fixed = index < locked;
        const noValue = draft.op !== undefined && NO_VALUE.includes(draft.op);
        return (
          <Flex key={index} gap={8} align="center" data-testid="condition-row">
            <Select
              id={id ? `${id}_${index}_field` : undefined}
              style={{ width: 200 }}
              disabled={fixed}
              value={draft.field}
              placeholder={t('sharing.condition.field')}
              aria-label={t('sharing.condition.field')}
              showSearch={{ optionFilterProp: 'label' }}
              options={items.map((candidate) => ({
                value: candidate.fieldName,
                label: `${candidate.name}（${candidate.fieldName}）`,
              }))}
              onChange={(field: string) => {
                const next = items.find((candidate) => candidate.fieldName === field);
                const keep = draft.op && operatorsFor(next?.dataType).includes(draft.op);
                set(index, { field, op: keep ? draft.op : 'eq' });
              }}
              data-testid="condition-field"
            />
            <Select
              id={id ? `${id}_${index}_op` : undefined}
              style={{ width: 130 }}
              disabled={fixed}
              value={draft.op}
              placeholder={t('sharing.condition.op')}
              aria-label={t('sharing.condition.op')}
              options={operatorsFor(item?.dataType).map((op) => ({
                value: op,
                label: t(`sharing.op.${op}`),
              }))}
              onChange={(op: RowOperator) =>
                set(index, { op, text: NO_VALUE.includes(op) ? undefined : draft.text })
              }
              data-testid="condition-op"
            />
            <Input
              id={id ? `${id}_${index}_value` : undefined}
              style={{ flex: 1 }}
              disabled={fixed || noValue}
              value={draft.text}
              placeholder={t(
                draft.op === 'in' ? 'sharing.condition.listPlaceholder' : 'sharing.condition.value',
              )}
              aria-label={t('sharing.condition.value')}
              onChange={(event) => set(index, { text: event.target.value })}
              maxLength={500}
              data-testid="condition-value"
            />
            <Button
              type="text"
              danger
              disabled={fixed}
              icon={<DeleteOutlined />}
              aria-label={t('sharing.condition.remove')}
              onClick={() => onChange?.(drafts.filter((_, i) => i !== index))}
            />
          </Flex>
        );
      })}
      <div>
        <Button
          icon={<PlusOutlined />}
          onClick={() => onChange?.([...drafts, { op: 'eq' }])}
          data-testid="condition-add"
        >
          {t('sharing.condition.add')}
        </Button>
      </div>
    </Flex>
  );
}
