import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DepartmentQuality } from '../../../../api/catalog-duties.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import { qualityColor } from '../QualityPanel.tsx';

// Only what this chart uses goes into its chunk (the page loads this file lazily).
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

const ROW_HEIGHT = 30;

/**
 * The average metadata quality of each department as horizontal bars (best at the top), coloured
 * by level; clicking a bar picks the department. Loaded lazily: ECharts is large.
 */
export default function QualityChart({
  rows,
  selectedId,
  onSelect,
}: {
  rows: DepartmentQuality[];
  selectedId: string | undefined;
  onSelect(departmentId: string): void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The category axis draws its first value at the bottom: ascending puts the best on top.
  const sorted = [...rows].sort(
    (a, b) => a.average - b.average || b.departmentName.localeCompare(a.departmentName),
  );
  // The click handler is bound once; it reads the current rows and callback through this ref.
  const current = useRef({ sorted, onSelect });
  current.current = { sorted, onSelect };

  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.on('click', (event) => {
      const row = current.current.sorted[event.dataIndex];
      if (row) current.current.onSelect(row.departmentId);
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  const height = Math.max(200, sorted.length * ROW_HEIGHT + 40);
  const option: echarts.EChartsCoreOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, interval: 20 },
    yAxis: {
      type: 'category',
      data: sorted.map((row) => row.departmentName),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        name: t('catalog.quality.page.average'),
        type: 'bar',
        barMaxWidth: 18,
        cursor: 'pointer',
        label: { show: true, position: 'right' },
        data: sorted.map((row) => ({
          value: row.average,
          itemStyle: {
            color: qualityColor(row.average),
            // The picked department stands out; the others fade a little.
            opacity: selectedId && row.departmentId !== selectedId ? 0.45 : 1,
          },
        })),
      },
    ],
  };
  const content = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(JSON.parse(content) as echarts.EChartsCoreOption, true);
    chart.current?.resize();
  }, [content]);

  return <div ref={ref} style={{ width: '100%', height }} data-testid="quality-chart" />;
}
