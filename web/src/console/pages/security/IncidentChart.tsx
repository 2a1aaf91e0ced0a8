import { useQuery } from '@tanstack/react-query';
import { Card, Empty } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { api } from '../../../api/client.ts';
import type { IncidentStats } from '../../../api/security-registers.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { useProfileNames } from './shared.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const COLORS: Record<string, string> = {
  red: '#c8102e',
  volcano: '#d4380d',
  orange: '#d48806',
  blue: '#1d4f91',
  default: '#8c8c8c',
};

/** Incidents of the last 12 months as stacked bars by severity: where a trend shows at a glance. */
export function IncidentChart() {
  const { t } = useI18n();
  const names = useProfileNames();
  const stats = useQuery({
    queryKey: ['security/incidents', 'stats'],
    queryFn: ({ signal }) => api.get<IncidentStats>('/security/incidents/stats', { months: 12 }, { signal }),
  });
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const data = stats.data;
  const hasData = (data?.counts.length ?? 0) > 0;
  useEffect(() => {
    if (!ref.current || !data || !hasData) return;
    chart.current = echarts.init(ref.current);
    const resize = () => chart.current?.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, [data, hasData]);
  const severities = names.severityOptions;
  const content = JSON.stringify({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 32, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: data?.months ?? [] },
    yAxis: { type: 'value', minInterval: 1 },
    series: severities.map((s) => ({
      name: s.label,
      type: 'bar',
      stack: 'all',
      itemStyle: { color: COLORS[names.severityColor(s.value)] },
      data: (data?.months ?? []).map(
        (month) => data?.counts.find((c) => c.month === month && c.severity === s.value)?.count ?? 0,
      ),
    })),
  });
  useEffect(() => {
    chart.current?.setOption(JSON.parse(content) as echarts.EChartsCoreOption, true);
  }, [content, data]);
  return (
    <Card size="small" title={t('security.incidents.chart')} style={{ marginBottom: 16 }}>
      {hasData ? (
        <div ref={ref} style={{ width: '100%', height: 220 }} data-testid="incident-chart" />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('security.incidents.empty')} />
      )}
    </Card>
  );
}
