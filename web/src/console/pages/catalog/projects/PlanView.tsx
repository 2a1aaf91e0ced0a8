import { Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { PlannedResource } from '../../../../api/catalog-projects.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import { AccessTag, useCatalogLabels, useClasses } from '../meta.tsx';

type Row = PlannedResource & { index: number };

/** The pre-compiled catalog read-only: after approval (frozen), for other readers, and for the authority. */
export function PlanView({ rows }: { rows: readonly PlannedResource[] }) {
  const { t } = useI18n();
  const labels = useCatalogLabels();
  const classes = useClasses();
  const className = (code: string) => classes.data?.find((cls) => cls.code === code)?.name ?? '';
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const access = (kind: 'share' | 'open') => (_: unknown, row: Row) => {
    const type = kind === 'share' ? row.shareType : row.openType;
    const basis = kind === 'share' ? row.shareBasis : row.openBasis;
    if (!type) return dash;
    return (
      <div>
        <AccessTag kind={kind} type={type} />
        {basis && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {basis}
          </Typography.Text>
        )}
      </div>
    );
  };

  const columns: TableColumnsType<Row> = [
    { title: '#', dataIndex: 'index', key: 'index', width: 40, render: (index: number) => index + 1 },
    {
      title: t('catalog.field.name'),
      key: 'name',
      width: 200,
      render: (_: unknown, row) => (
        <div>
          <Typography.Text strong>{row.name ?? '—'}</Typography.Text>
          {row.note && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.note}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('catalog.field.class'),
      dataIndex: 'classCode',
      key: 'classCode',
      width: 160,
      render: (code: string | null) => (code ? `${code} ${className(code)}` : dash),
    },
    {
      title: t('catalog.field.items'),
      key: 'items',
      render: (_: unknown, row) =>
        row.items.length === 0 ? (
          dash
        ) : (
          <Flex gap={4} wrap>
            {row.items.map((item, i) => (
              <Tag key={i} style={{ marginInlineEnd: 0 }}>
                {item.name ?? '—'}
                {item.dataType && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {labels.term('dataTypes', item.dataType)}
                  </Typography.Text>
                )}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { title: t('catalog.field.shareType'), key: 'share', width: 170, render: access('share') },
    { title: t('catalog.field.openType'), key: 'open', width: 170, render: access('open') },
    {
      title: t('catalog.field.updateCycle'),
      dataIndex: 'updateCycle',
      key: 'updateCycle',
      width: 90,
      render: (code: string | null) => (code ? labels.term('updateCycles', code) : dash),
    },
  ];

  return (
    <Table<Row>
      size="small"
      rowKey="index"
      pagination={false}
      columns={columns}
      dataSource={rows.map((row, index) => ({ ...row, index }))}
      scroll={{ x: 1000 }}
      locale={{ emptyText: t('catalog.projects.plan.none') }}
      data-testid="plan-view"
    />
  );
}
