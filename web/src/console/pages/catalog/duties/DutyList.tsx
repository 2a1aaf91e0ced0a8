import { KeyOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import type { Duty, DutyItem, DutyKind } from '../../../../api/catalog-duties.ts';
import { useSession } from '../../../../auth/session.tsx';
import { RefreshButton } from '../../../../components/FilterBar.tsx';
import { ListTable } from '../../../../components/ListTable.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { useList } from '../../../../lib/useList.ts';
import { AccessTag, useCatalogLabels } from '../meta.tsx';

// Enough tags to see what a duty is about without the row growing tall; the rest in a tooltip.
const SHOWN_ITEMS = 4;

function ItemTag({ item }: { item: DutyItem }) {
  const { t } = useI18n();
  return (
    <Tooltip title={item.isKey ? `${item.fieldName} · ${t('catalog.duties.keyItem')}` : item.fieldName}>
      <Tag
        color={item.isKey ? 'blue' : undefined}
        icon={item.isKey ? <KeyOutlined /> : undefined}
        style={{ marginInlineEnd: 0 }}
      >
        {item.name}
      </Tag>
    </Tooltip>
  );
}

/** The key and required items of a duty: what must be collected. */
function KeyItems({ items }: { items: DutyItem[] }) {
  const { t } = useI18n();
  if (items.length === 0)
    return <Typography.Text type="secondary">{t('catalog.duties.noKeyItems')}</Typography.Text>;
  const rest = items.slice(SHOWN_ITEMS);
  return (
    <Flex gap={4} wrap>
      {items.slice(0, SHOWN_ITEMS).map((item) => (
        <ItemTag key={item.fieldName} item={item} />
      ))}
      {rest.length > 0 && (
        <Tooltip title={rest.map((item) => item.name).join('、')}>
          <Tag style={{ marginInlineEnd: 0 }}>{t('catalog.duties.moreItems', { count: rest.length })}</Tag>
        </Tooltip>
      )}
    </Flex>
  );
}

/** What is known of a duty's fulfilment today: the last data load, or that there was none yet. */
function Fulfilment({ duty }: { duty: Duty }) {
  const { t } = useI18n();
  const loaded = duty.fulfilment.dataUpdatedAt;
  if (!loaded)
    return (
      <Tooltip title={t('catalog.duties.noLoadHelp')}>
        <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="duty-no-load">
          {t('catalog.duties.noLoad')}
        </Tag>
      </Tooltip>
    );
  return (
    <div>
      <Tag color="green" style={{ marginInlineEnd: 0 }}>
        {t('catalog.duties.lastLoad')}
      </Tag>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
        {formatDateTime(loaded)}
      </Typography.Text>
    </div>
  );
}

/** For each row, how many rows its department cell spans (0 when the row above has the same one). */
function departmentSpans(rows: readonly Duty[]): number[] {
  return rows.map((row, index) => {
    if (index > 0 && rows[index - 1]!.department.id === row.department.id) return 0;
    let span = 1;
    while (rows[index + span]?.department.id === row.department.id) span++;
    return span;
  });
}

/**
 * One duty list (collection or opening), server-paged, ordered by department and code. With no
 * department chosen, an authority sees every department of its regions, grouped in the first column.
 */
export function DutyList({
  kind,
  departmentId,
  grouped,
  toolbar,
}: {
  kind: DutyKind;
  departmentId: string | undefined;
  /** Whether rows of several departments may show (then the department column groups them). */
  grouped: boolean;
  /** The department filter, shown left of the refresh button. */
  toolbar: React.ReactNode;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const labels = useCatalogLabels();
  const navigate = useNavigate();
  const list = useList<Duty, { kind: DutyKind; departmentId?: string }>('/catalog/duties', {
    kind,
    departmentId,
  });
  const spans = departmentSpans(list.query.data?.items ?? []);
  const rowIndex = new Map((list.query.data?.items ?? []).map((row, index) => [row.resourceId, index]));
  // The editor shows a published resource read-only to those who cannot change it; only compilers get the link.
  const canOpen = can('catalog.compile');

  const columns: TableColumnsType<Duty> = [
    ...(grouped
      ? [
          {
            title: t('catalog.duties.department'),
            key: 'department',
            width: 150,
            onCell: (row: Duty) => ({ rowSpan: spans[rowIndex.get(row.resourceId) ?? 0] ?? 1 }),
            render: (_: unknown, row: Duty) => (
              <Typography.Text strong>{row.department.name}</Typography.Text>
            ),
          },
        ]
      : []),
    {
      title: t('catalog.field.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('catalog.field.name'),
      dataIndex: 'name',
      width: 180,
      render: (name: string, row) =>
        canOpen ? (
          <Typography.Link onClick={() => navigate(`/console/catalog/resources/${row.resourceId}`)}>
            {name}
          </Typography.Link>
        ) : (
          name
        ),
    },
    {
      title: t('catalog.field.updateCycle'),
      key: 'updateCycle',
      width: 120,
      render: (_: unknown, row) => (
        <div>
          {labels.term('updateCycles', row.updateCycle)}
          {row.updateCycleNote && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.updateCycleNote}
            </Typography.Text>
          )}
        </div>
      ),
    },
    ...(kind === 'collect'
      ? [
          {
            title: t('catalog.duties.keyItems'),
            key: 'keyItems',
            width: 270,
            render: (_: unknown, row: Duty) => <KeyItems items={row.keyItems} />,
          },
        ]
      : [
          {
            title: t('catalog.duties.openTypeMethods'),
            key: 'open',
            width: 170,
            render: (_: unknown, row: Duty) => (
              <Flex gap={4} wrap>
                <AccessTag kind="open" type={row.openType} />
                {row.openMethods.map((method) => (
                  <Tag key={method} style={{ marginInlineEnd: 0 }}>
                    {labels.term('openMethods', method)}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('catalog.field.openCondition'),
            dataIndex: 'openCondition',
            width: 150,
            render: (condition: string | null) => condition ?? t('catalog.duties.noCondition'),
          },
        ]),
    {
      title: t('catalog.duties.lastVersion'),
      key: 'version',
      width: 100,
      render: (_: unknown, row) => (
        <div>
          {t('catalog.versionNumber', { number: row.versionNumber })}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatDate(row.modifiedAt)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.duties.fulfilment'),
      key: 'fulfilment',
      width: 120,
      render: (_: unknown, row) => <Fulfilment duty={row} />,
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Flex align="center" gap={12} wrap>
          {toolbar}
        </Flex>
        <RefreshButton onRefresh={() => list.query.refetch()} />
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t(kind === 'collect' ? 'catalog.duties.collectHint' : 'catalog.duties.openHint')}
      </Typography.Paragraph>
      <ListTable<Duty>
        list={list}
        rowKey="resourceId"
        size="middle"
        bordered={grouped}
        // After a refusal the banner says why; "no duties" would be wrong there.
        emptyText={
          list.query.isError
            ? t('common.empty')
            : t(kind === 'collect' ? 'catalog.duties.emptyCollect' : 'catalog.duties.emptyOpen')
        }
        columns={columns}
        // Every column has a width: scroll only when the screen is narrower than their sum.
        scroll={{ x: columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0) }}
        data-testid={`duties-${kind}`}
      />
    </>
  );
}
