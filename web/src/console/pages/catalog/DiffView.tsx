import { Empty, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { FieldChange, Item, RevisionDiff } from '../../../api/catalog.ts';
import { isMessageKey, useI18n, type Translate } from '../../../i18n/index.tsx';
import { useCatalogLabels, type CatalogLabels } from './meta.tsx';

/** Whether a diff holds no change at all. */
function isEmptyDiff(diff: RevisionDiff): boolean {
  const { added, removed, changed } = diff.items;
  return diff.fields.length === 0 && added.length + removed.length + changed.length === 0;
}

/** A field's label: `catalog.field.<field>` (resource) or `catalog.item.<field>` (information item). */
export function fieldLabel(t: Translate, field: string, scope: 'field' | 'item' = 'field'): string {
  const key = `catalog.${scope}.${field}`;
  return isMessageKey(key) ? t(key) : field;
}

type Value = FieldChange['before'];

/** A value of a diff as the reader understands it: codes named, lists joined, blanks as a dash. */
export function formatValue(field: string, value: Value, labels: CatalogLabels, t: Translate): string {
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  const name = (code: string): string => {
    switch (field) {
      case 'shareType':
        return labels.access('share', code);
      case 'openType':
        return labels.access('open', code);
      case 'formatType':
        return labels.term('formatTypes', code);
      case 'shareMethods':
        return labels.term('shareMethods', code);
      case 'openMethods':
        return labels.term('openMethods', code);
      case 'updateCycle':
        return labels.term('updateCycles', code);
      case 'securityLevel':
        return labels.securityLevel(code);
      case 'dataType':
        return `${code} ${labels.term('dataTypes', code)}`;
      case 'sensitivity':
        return labels.term('sensitivities', code);
      default:
        return code;
    }
  };
  if (Array.isArray(value)) return value.map(name).join('、');
  return typeof value === 'number' ? String(value) : name(value);
}

function ChangeTable({ changes, scope }: { changes: FieldChange[]; scope: 'field' | 'item' }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  // An empty list and no value read the same ("—"): such a change is no change to the reader.
  const shown = changes.filter(
    (change) =>
      formatValue(change.field, change.before, labels, t) !==
      formatValue(change.field, change.after, labels, t),
  );
  if (shown.length === 0) return null;
  // A new resource has nothing before: one column of values says it more plainly.
  const isNew = shown.every((change) => change.before === null);
  const after = {
    title: isNew ? t('catalog.diff.value') : t('catalog.diff.after'),
    dataIndex: 'after',
    render: (value: Value, row: FieldChange) => (
      <Typography.Text style={{ whiteSpace: 'pre-wrap', color: isNew ? undefined : '#237804' }}>
        {formatValue(row.field, value, labels, t)}
      </Typography.Text>
    ),
  };
  return (
    <Table<FieldChange>
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={shown}
      columns={[
        {
          title: t('catalog.diff.field'),
          dataIndex: 'field',
          width: 140,
          render: (field: string) => <Typography.Text strong>{fieldLabel(t, field, scope)}</Typography.Text>,
        },
        ...(isNew
          ? []
          : [
              {
                title: t('catalog.diff.before'),
                dataIndex: 'before',
                render: (value: Value, row: FieldChange) => (
                  <Typography.Text
                    delete={value !== null}
                    type="secondary"
                    style={{ whiteSpace: 'pre-wrap' }}
                  >
                    {formatValue(row.field, value, labels, t)}
                  </Typography.Text>
                ),
              },
            ]),
        after,
      ]}
    />
  );
}

function itemLine(item: Item, labels: CatalogLabels): string {
  const type = labels.term('dataTypes', item.dataType);
  const size = item.length ? `(${item.length}${item.scale ? `,${item.scale}` : ''})` : '';
  return `${item.name}（${item.fieldName}，${type}${size}）`;
}

/**
 * A readable difference between two revisions: each changed field with its value before and after,
 * then the information items added, removed and changed.
 */
export function DiffView({ diff, compact = false }: { diff: RevisionDiff; compact?: boolean }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  if (!labels.ready) return <Spin />;
  if (isEmptyDiff(diff)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.diff.none')} />;
  }
  const { added, removed, changed } = diff.items;
  return (
    <Flex vertical gap={12} data-testid="diff-view">
      {diff.fields.length > 0 && <ChangeTable changes={diff.fields} scope="field" />}
      {(added.length > 0 || removed.length > 0 || changed.length > 0) && (
        <div>
          {!compact && <Typography.Title level={5}>{t('catalog.diff.items')}</Typography.Title>}
          <Flex vertical gap={8}>
            {added.map((item) => (
              <div key={`added-${item.fieldName}`}>
                <Tag color="green">{t('catalog.diff.itemAdded')}</Tag>
                {itemLine(item, labels)}
              </div>
            ))}
            {removed.map((item) => (
              <div key={`removed-${item.fieldName}`}>
                <Tag color="red">{t('catalog.diff.itemRemoved')}</Tag>
                <Typography.Text delete>{itemLine(item, labels)}</Typography.Text>
              </div>
            ))}
            {changed.map((item) => (
              <div key={`changed-${item.fieldName}`}>
                <div style={{ marginBottom: 4 }}>
                  <Tag color="gold">{t('catalog.diff.itemChanged')}</Tag>
                  <Typography.Text code>{item.fieldName}</Typography.Text>
                </div>
                <ChangeTable changes={item.changes} scope="item" />
              </div>
            ))}
          </Flex>
        </div>
      )}
    </Flex>
  );
}
