import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Row,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import type { DepartmentQuality } from '../../../../api/catalog-duties.ts';
import { api } from '../../../../api/client.ts';
import { useSession } from '../../../../auth/session.tsx';
import { RefreshButton } from '../../../../components/FilterBar.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { WeakestResources } from './WeakestResources.tsx';

// ECharts is large: the chart is its own chunk, loaded when this page shows.
const QualityChart = lazy(() => import('./QualityChart.tsx'));

const collator = new Intl.Collator('zh-CN');

/** 良好 (80 and up) / 一般 (60 and up) / 待改进, the thresholds of the score colours. */
function LevelTag({ score }: { score: number }) {
  const { t } = useI18n();
  const level = score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor';
  const color = { good: 'green', fair: 'gold', poor: 'red' }[level];
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {score} · {t(`catalog.quality.page.level.${level}`)}
    </Tag>
  );
}

/**
 * 目录质量: the average metadata quality of each department's published resources (chart and
 * table), and for a picked department its resources from the lowest score up, each with the
 * criteria it misses and what to do about them.
 */
export default function QualityPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const scores = useQuery({
    queryKey: ['catalog', 'quality', 'departments'],
    queryFn: ({ signal }) =>
      api.get<DepartmentQuality[]>('/catalog/quality/departments', undefined, { signal }),
  });
  const [picked, setPicked] = useState<string | undefined>();
  const rows = scores.data ?? [];
  // At first: one's own department when it has published resources, else the weakest department.
  const initial =
    rows.find((row) => row.departmentId === info?.user.departmentId) ??
    [...rows].sort((a, b) => a.average - b.average)[0];
  const selected = rows.find((row) => row.departmentId === (picked ?? initial?.departmentId));
  const resources = rows.reduce((sum, row) => sum + row.resources, 0);
  const overall =
    resources > 0
      ? Math.round(rows.reduce((sum, row) => sum + row.average * row.resources, 0) / resources)
      : 0;

  const columns: TableColumnsType<DepartmentQuality> = [
    {
      title: t('catalog.quality.page.department'),
      dataIndex: 'departmentName',
      sorter: (a, b) => collator.compare(a.departmentName, b.departmentName),
      render: (name: string, row) => (
        <Typography.Text strong={row.departmentId === selected?.departmentId}>{name}</Typography.Text>
      ),
    },
    {
      title: t('catalog.quality.page.resourceCount'),
      dataIndex: 'resources',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.resources - b.resources,
    },
    {
      title: t('catalog.quality.page.average'),
      dataIndex: 'average',
      width: 110,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.average - b.average,
      render: (average: number) => <LevelTag score={average} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => setPicked(row.departmentId)}>
          {t('catalog.quality.page.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.menu.quality')}
        description={t('catalog.quality.page.description')}
        extra={<RefreshButton onRefresh={() => scores.refetch()} />}
      />
      {scores.isError && <QueryError error={scores.error} onRetry={() => scores.refetch()} />}
      {scores.data && rows.length === 0 ? (
        <Card>
          <Empty description={t('catalog.quality.page.empty')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t('catalog.quality.page.timelyNote')} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={t('catalog.quality.page.chart')} loading={scores.isLoading}>
                <Suspense fallback={<Card loading variant="borderless" />}>
                  <QualityChart rows={rows} selectedId={selected?.departmentId} onSelect={setPicked} />
                </Suspense>
                <Typography.Text type="secondary">{t('catalog.quality.page.chartHint')}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title={t('catalog.quality.page.table')} loading={scores.isLoading}>
                <Flex gap={32} style={{ marginBottom: 12 }}>
                  <Statistic title={t('catalog.quality.page.overall')} value={overall} />
                  <Statistic title={t('catalog.quality.page.departments')} value={rows.length} />
                  <Statistic title={t('catalog.quality.page.resources')} value={resources} />
                </Flex>
                <Table<DepartmentQuality>
                  size="small"
                  rowKey="departmentId"
                  dataSource={rows}
                  columns={columns}
                  pagination={rows.length > 15 ? { pageSize: 15, size: 'small' } : false}
                  onRow={(row) => ({
                    onClick: () => setPicked(row.departmentId),
                    style: { cursor: 'pointer' },
                  })}
                  rowClassName={(row) =>
                    row.departmentId === selected?.departmentId ? 'ant-table-row-selected' : ''
                  }
                  data-testid="quality-departments"
                />
              </Card>
            </Col>
          </Row>
          <Card
            title={
              selected
                ? t('catalog.quality.page.weakest', { name: selected.departmentName })
                : t('catalog.quality.page.pick')
            }
            extra={
              selected && (
                <Typography.Text type="secondary">{t('catalog.quality.page.weakestHint')}</Typography.Text>
              )
            }
          >
            {selected ? (
              <WeakestResources key={selected.departmentId} departmentId={selected.departmentId} />
            ) : (
              <Empty description={t('catalog.quality.page.pick')} />
            )}
          </Card>
        </Flex>
      )}
    </>
  );
}
