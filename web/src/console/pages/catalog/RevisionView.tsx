import { Descriptions, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { Item, Provider, Revision } from '../../../api/catalog.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { fieldLabel } from './DiffView.tsx';
import { AccessTag, ClassKindTag, useCatalogLabels } from './meta.tsx';
import { CategoryTag, LevelTag } from '../../../components/LevelTag.tsx';

/** The information items of a revision as a read-only table. */
export function ItemsView({ items }: { items: Item[] }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  return (
    <Table<Item>
      size="small"
      rowKey="fieldName"
      pagination={false}
      dataSource={items}
      scroll={{ x: 800 }}
      columns={[
        { title: '#', key: 'index', width: 44, render: (_: unknown, __, index) => index + 1 },
        { title: t('catalog.item.name'), dataIndex: 'name', width: 140 },
        {
          title: t('catalog.item.fieldName'),
          dataIndex: 'fieldName',
          width: 140,
          render: (name: string) => <Typography.Text code>{name}</Typography.Text>,
        },
        {
          title: t('catalog.item.dataType'),
          dataIndex: 'dataType',
          width: 110,
          render: (code: string) => labels.term('dataTypes', code),
        },
        {
          title: t('catalog.item.length'),
          key: 'length',
          width: 80,
          render: (_: unknown, item) =>
            item.length ? `${item.length}${item.scale ? `,${item.scale}` : ''}` : '—',
        },
        {
          title: t('catalog.item.sensitivity'),
          dataIndex: 'sensitivity',
          width: 100,
          render: (code: string) => (
            <Tag color={code === 'general' ? 'default' : 'orange'}>{labels.term('sensitivities', code)}</Tag>
          ),
        },
        {
          title: t('catalog.item.securityLevel'),
          key: 'grading',
          width: 170,
          render: (_: unknown, item) => (
            <>
              {item.securityLevel ? (
                <LevelTag level={item.securityLevel} />
              ) : (
                <Tag>{t('security.level.inherits')}</Tag>
              )}
              {item.category && <CategoryTag category={item.category} />}
            </>
          ),
        },
        {
          title: t('catalog.item.flags'),
          key: 'flags',
          width: 110,
          render: (_: unknown, item) => (
            <Flex gap={4} wrap>
              {item.isKey && <Tag color="blue">{t('catalog.item.isKey')}</Tag>}
              {item.required && <Tag>{t('catalog.item.required')}</Tag>}
            </Flex>
          ),
        },
        {
          title: t('catalog.item.allowedValues'),
          dataIndex: 'allowedValues',
          width: 140,
          render: (values: string[] | undefined) => (values?.length ? values.join('、') : '—'),
        },
        {
          title: t('catalog.item.description'),
          dataIndex: 'description',
          render: (v: string | null) => v ?? '—',
        },
      ]}
    />
  );
}

const text = (value: string | null | undefined) => (value && value.trim() ? value : '—');

/** Every metadata element of a revision, read-only, grouped as the editor groups them. */
export function RevisionView({
  revision,
  code,
  provider,
  firstPublishedAt,
}: {
  revision: Revision;
  code: string;
  provider?: Provider;
  firstPublishedAt?: string | null;
}) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  const f = (field: string) => fieldLabel(t, field);
  if (!labels.ready) return <Spin />;
  const list = (values: string[], name: (code: string) => string = (v) => v) =>
    values.length > 0 ? values.map(name).join('、') : '—';
  return (
    <Flex vertical gap={16} data-testid="revision-view">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        title={t('catalog.section.basic')}
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'name',
            label: f('name'),
            children: <Typography.Text strong>{revision.name}</Typography.Text>,
          },
          { key: 'code', label: f('code'), children: <Typography.Text code>{code}</Typography.Text> },
          {
            key: 'class',
            label: f('class'),
            span: 2,
            children: (
              <Flex gap={8} align="center" wrap>
                <ClassKindTag kind={revision.class.kind} />
                <span>
                  {revision.class.code} {revision.class.path.join(' / ')}
                </span>
              </Flex>
            ),
          },
          ...(provider
            ? [
                {
                  key: 'provider',
                  label: f('provider'),
                  span: 2,
                  children: `${provider.name}（${provider.creditCode}）`,
                },
              ]
            : []),
          { key: 'abstract', label: f('abstract'), span: 2, children: revision.abstract },
          {
            key: 'keywords',
            label: f('keywords'),
            span: 2,
            children:
              revision.keywords.length > 0
                ? revision.keywords.map((word) => <Tag key={word}>{word}</Tag>)
                : '—',
          },
          {
            key: 'format',
            label: f('formatType'),
            children: labels.term('formatTypes', revision.formatType),
          },
          { key: 'formats', label: f('formats'), children: list(revision.formats) },
          {
            key: 'cycle',
            label: f('updateCycle'),
            children:
              labels.term('updateCycles', revision.updateCycle) +
              (revision.updateCycleNote ? `（${revision.updateCycleNote}）` : ''),
          },
          {
            key: 'temporal',
            label: t('catalog.field.temporal'),
            children:
              revision.temporalStart || revision.temporalEnd
                ? `${formatDate(revision.temporalStart) || '…'} ~ ${formatDate(revision.temporalEnd) || '…'}`
                : '—',
          },
          {
            key: 'contact',
            label: t('catalog.field.contact'),
            span: 2,
            children:
              [revision.contactName, revision.contactPhone, revision.contactEmail]
                .filter(Boolean)
                .join(' · ') || '—',
          },
          { key: 'related', label: f('relatedCodes'), span: 2, children: list(revision.relatedCodes) },
          ...(firstPublishedAt
            ? [{ key: 'published', label: f('firstPublishedAt'), children: formatDate(firstPublishedAt) }]
            : []),
          { key: 'updated', label: f('updatedAt'), children: formatDateTime(revision.updatedAt) },
        ]}
      />
      <div>
        <Typography.Title level={5}>
          {t('catalog.section.items')}（{revision.items.length}）
        </Typography.Title>
        <ItemsView items={revision.items} />
      </div>
      <Descriptions
        size="small"
        bordered
        column={1}
        title={t('catalog.section.access')}
        styles={{ label: { width: 120 } }}
        items={[
          {
            key: 'shareType',
            label: f('shareType'),
            children: <AccessTag kind="share" type={revision.shareType} />,
          },
          { key: 'shareCondition', label: f('shareCondition'), children: text(revision.shareCondition) },
          {
            key: 'shareMethods',
            label: f('shareMethods'),
            children: list(revision.shareMethods, (code) => labels.term('shareMethods', code)),
          },
          { key: 'shareBasis', label: f('shareBasis'), children: text(revision.shareBasis) },
          {
            key: 'openType',
            label: f('openType'),
            children: <AccessTag kind="open" type={revision.openType} />,
          },
          { key: 'openCondition', label: f('openCondition'), children: text(revision.openCondition) },
          {
            key: 'openMethods',
            label: f('openMethods'),
            children: list(revision.openMethods, (code) => labels.term('openMethods', code)),
          },
          { key: 'openBasis', label: f('openBasis'), children: text(revision.openBasis) },
          {
            key: 'securityLevel',
            label: f('securityLevel'),
            children: <LevelTag level={revision.securityLevel} subLevel={revision.securitySubLevel} />,
          },
          { key: 'category', label: f('category'), children: <CategoryTag category={revision.category} /> },
          { key: 'usage', label: f('usageRequirements'), children: text(revision.usageRequirements) },
        ]}
      />
    </Flex>
  );
}
