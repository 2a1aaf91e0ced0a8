import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { EntrySearchPage, FacetValue } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';

// Only the chart types used here go into the bundle.
echarts.use([PieChart, BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS = ['#1d4f91', '#0f8a5f', '#d48806', '#8c8c8c', '#722ed1', '#c8102e'];

/** An ECharts chart that follows its container's width. */
function Chart({
  option,
  height = 260,
  testId,
}: {
  option: echarts.EChartsCoreOption;
  height?: number;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current = echarts.init(ref.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  // The parent rebuilds the option on every render; redraw only when its content changes.
  const content = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(JSON.parse(content) as echarts.EChartsCoreOption, true);
  }, [content]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}

const byCount = (values: FacetValue[] | undefined) => [...(values ?? [])].sort((a, b) => b.count - a.count);

/**
 * 目录概览: the published catalog at a glance — resources by classification kind (pie), by share and
 * open type (bars), and the departments with the most resources. Counts are the search facets.
 */
export default function CatalogCharts() {
  const { t, lang } = useI18n();
  const overview = useQuery({
    queryKey: ['catalog', 'entries', 'overview', lang],
    queryFn: ({ signal }) => api.get<EntrySearchPage>('/catalog/entries', { pageSize: 1 }, { signal }),
    staleTime: 60_000,
  });
  if (overview.isError) return <QueryError error={overview.error} onRetry={() => overview.refetch()} />;
  const data = overview.data;
  const facets = data?.facets ?? {};
  const kinds = byCount(facets.classKind);
  const share = facets.shareType ?? [];
  const open = facets.openType ?? [];
  const departments = byCount(facets.department).slice(0, 8).reverse();
  const accessLabels = ['unconditional', 'conditional', 'none'];
  const countOf = (values: FacetValue[], value: string) => values.find((v) => v.value === value)?.count ?? 0;

  return (
    <Card title={t('catalog.overview.title')} loading={overview.isLoading} data-testid="catalog-overview">
      {data && data.total === 0 ? (
        <Empty description={t('catalog.overview.empty')} />
      ) : (
        data && (
          <Row gutter={[24, 16]}>
            <Col xs={24} lg={3}>
              <Statistic
                title={t('catalog.overview.total')}
                value={data.total}
                suffix={t('catalog.overview.unit')}
              />
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Chart
                testId="chart-class"
                option={{
                  color: COLORS,
                  tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
                  legend: { bottom: 0 },
                  series: [
                    {
                      name: t('catalog.overview.byClass'),
                      type: 'pie',
                      radius: ['40%', '68%'],
                      center: ['50%', '45%'],
                      label: { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 'bold' },
                      data: kinds.map((kind) => ({ name: kind.label, value: kind.count })),
                    },
                  ],
                }}
              />
            </Col>
            <Col xs={24} md={12} lg={6}>
              <Chart
                testId="chart-access"
                option={{
                  color: ['#0f8a5f', '#d48806', '#8c8c8c'],
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  legend: { bottom: 0 },
                  grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
                  xAxis: {
                    type: 'category',
                    data: [t('catalog.overview.share'), t('catalog.overview.open')],
                  },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: accessLabels.map((type, index) => ({
                    name: t(`catalog.overview.access.${type as 'unconditional' | 'conditional' | 'none'}`),
                    type: 'bar',
                    barMaxWidth: 28,
                    itemStyle: { color: ['#0f8a5f', '#d48806', '#8c8c8c'][index] },
                    label: { show: true, position: 'top' },
                    data: [countOf(share, type), countOf(open, type)],
                  })),
                }}
              />
            </Col>
            <Col xs={24} lg={9}>
              <Chart
                testId="chart-departments"
                option={{
                  color: ['#1d4f91'],
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  grid: { left: 8, right: 32, top: 16, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', minInterval: 1 },
                  yAxis: {
                    type: 'category',
                    data: departments.map((d) => d.label),
                    axisLabel: { width: 170, overflow: 'truncate' },
                  },
                  series: [
                    {
                      name: t('catalog.overview.byDepartment'),
                      type: 'bar',
                      barMaxWidth: 18,
                      label: { show: true, position: 'right' },
                      data: departments.map((d) => d.count),
                    },
                  ],
                }}
              />
            </Col>
          </Row>
        )
      )}
    </Card>
  );
}
