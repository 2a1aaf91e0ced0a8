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
import { api } from '../../../api/client.ts';
import type { DepartmentDataQuality, ResourceDataQuality } from '../../../api/pools-quality.ts';
import { RefreshButton } from '../../../components/FilterBar.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { QualityDrawer } from './QualityDrawer.tsx';
import { Share, ScoreTag, TimelinessTag } from './QualityTags.tsx';

// ECharts is large: the chart is its own chunk, loaded when this page shows.
const DepartmentChart = lazy(() =>
  import('./QualityCharts.tsx').then((module) => ({ default: module.DepartmentChart })),
);

/**
 * 数据质量: the data-quality score of each department in scope (chart), and the resources of the
 * picked department (or all in scope) with each dimension and the overdue tag; a row opens the
 * resource's detail. Meaningful before data is loaded: every resource then shows 未导入数据
 * and is overdue since its publication.
 */
export default function QualityPage() {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const departments = useQuery({
    queryKey: ['pools', 'quality', 'departments'],
    queryFn: ({ signal }) =>
      api.get<DepartmentDataQuality[]>('/pools/quality/departments', undefined, { signal }),
  });
  const rows = departments.data ?? [];
  // One department in scope (a department's own staff): it is the one shown.
  const selectedId = picked ?? (rows.length === 1 ? rows[0]!.departmentId : undefined);
  const selected = rows.find((row) => row.departmentId === selectedId);
  const resources = useQuery({
    queryKey: ['pools', 'quality', 'resources', selectedId ?? 'all'],
    queryFn: ({ signal }) =>
      api.get<ResourceDataQuality[]>('/pools/quality/resources', { departmentId: selectedId }, { signal }),
  });
  const count = rows.reduce((sum, row) => sum + row.resources, 0);
  const loaded = rows.reduce((sum, row) => sum + row.loadedResources, 0);
  const overdue = rows.reduce((sum, row) => sum + row.overdue, 0);
  const overall =
    count > 0 ? Math.round(rows.reduce((sum, row) => sum + row.score * row.resources, 0) / count) : 0;
  const refresh = () => {
    void departments.refetch();
    void resources.refetch();
  };

  const columns: TableColumnsType<ResourceDataQuality> = [
    {
      title: t('poolQuality.resource'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Flex vertical>
          <Typography.Text>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.code}
            {!selected && ` · ${row.departmentName}`}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('poolQuality.rows'),
      dataIndex: 'rows',
      width: 110,
      align: 'right',
      sorter: (a, b) => a.rows - b.rows,
      render: (value: number, row) =>
        row.neverLoaded || value === 0 ? <Tag>{t('poolQuality.notLoaded')}</Tag> : value.toLocaleString(),
    },
    {
      title: t('poolQuality.score'),
      dataIndex: 'score',
      width: 90,
      defaultSortOrder: 'ascend',
      sorter: (a, b) => a.score - b.score,
      render: (score: number) => <ScoreTag score={score} />,
    },
    ...(['completeness', 'validity', 'uniqueness', 'consistency'] as const).map((key) => ({
      title: t(`poolQuality.${key}`),
      dataIndex: key,
      width: 100,
      align: 'right' as const,
      render: (value: number | null) => <Share value={value} />,
    })),
    {
      title: t('poolQuality.timeliness'),
      key: 'timeliness',
      width: 130,
      sorter: (a, b) => a.daysOverdue - b.daysOverdue,
      render: (_: unknown, row) => <TimelinessTag quality={row} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      render: (_: unknown, row) => (
        <Button type="link" size="small" onClick={() => setOpen(row.resourceId)}>
          {t('poolQuality.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('poolQuality.menu')}
        description={t('poolQuality.description')}
        extra={<RefreshButton onRefresh={refresh} />}
      />
      {departments.isError && <QueryError error={departments.error} onRetry={refresh} />}
      {departments.data && rows.length === 0 ? (
        <Card>
          <Empty description={t('poolQuality.noData')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {departments.data && loaded === 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('poolQuality.noRowsHint')}
              data-testid="pool-quality-no-rows"
            />
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card title={t('poolQuality.chart')} loading={departments.isLoading}>
                <Suspense fallback={<Card loading variant="borderless" />}>
                  <DepartmentChart
                    rows={rows}
                    selectedId={selectedId}
                    onSelect={(id) => setPicked(id === picked ? undefined : id)}
                  />
                </Suspense>
                {rows.length > 1 && (
                  <Typography.Text type="secondary">{t('poolQuality.chartHint')}</Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card loading={departments.isLoading}>
                <Row gutter={[16, 24]} data-testid="pool-quality-summary">
                  <Col span={12}>
                    <Statistic title={t('poolQuality.overall')} value={overall} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('poolQuality.resources')} value={count} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('poolQuality.loaded')} value={loaded} />
                  </Col>
                  <Col span={12}>
                    <Statistic
                      title={t('poolQuality.overdueCount')}
                      value={overdue}
                      styles={{ content: { color: overdue > 0 ? '#c8102e' : undefined } }}
                    />
                  </Col>
                </Row>
              </Card>
            </Col>
          </Row>
          <Card
            title={
              selected
                ? t('poolQuality.tableOf', { department: selected.departmentName })
                : t('poolQuality.table')
            }
            extra={
              picked && (
                <Button size="small" onClick={() => setPicked(undefined)}>
                  {t('poolQuality.allDepartments')}
                </Button>
              )
            }
          >
            {resources.isError && <QueryError error={resources.error} onRetry={() => resources.refetch()} />}
            <Table<ResourceDataQuality>
              size="small"
              rowKey="resourceId"
              loading={resources.isLoading}
              dataSource={resources.data ?? []}
              columns={columns}
              pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
              onRow={(row) => ({ onClick: () => setOpen(row.resourceId), style: { cursor: 'pointer' } })}
              data-testid="pool-quality-resources"
            />
          </Card>
        </Flex>
      )}
      <QualityDrawer resourceId={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
