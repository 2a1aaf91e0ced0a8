import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DepartmentDataQuality, ResourceDataQualityDetail } from '../../../api/pools-quality.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { qualityColor } from '../catalog/QualityPanel.tsx';

// Only what these charts use goes into their chunk (the page loads this file lazily).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** An ECharts canvas that follows its container's width and redraws when the option changes. */
function Chart({
  option,
  height,
  testId,
  onClick,
}: {
  option: echarts.EChartsCoreOption;
  height: number;
  testId: string;
  onClick?(index: number): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The click handler is bound once; it reads the current callback through this ref.
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    instance.on('click', (event) => click.current?.(event.dataIndex));
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  const content = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(JSON.parse(content) as echarts.EChartsCoreOption, true);
    chart.current?.resize();
  }, [content]);
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />;
}

/** Department scores as horizontal bars, best on top, coloured by level; a click picks the department. */
export function DepartmentChart({
  rows,
  selectedId,
  onSelect,
}: {
  rows: DepartmentDataQuality[];
  selectedId: string | undefined;
  onSelect(departmentId: string): void;
}) {
  const { t } = useI18n();
  // The category axis draws its first value at the bottom: ascending puts the best on top.
  const sorted = [...rows].sort(
    (a, b) => a.score - b.score || b.departmentName.localeCompare(a.departmentName),
  );
  return (
    <Chart
      testId="pool-quality-chart"
      height={Math.max(200, sorted.length * 30 + 40)}
      onClick={(index) => {
        const row = sorted[index];
        if (row) onSelect(row.departmentId);
      }}
      option={{
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
            name: t('poolQuality.score'),
            type: 'bar',
            barMaxWidth: 18,
            cursor: 'pointer',
            label: { show: true, position: 'right' },
            data: sorted.map((row) => ({
              value: row.score,
              itemStyle: {
                color: qualityColor(row.score),
                opacity: selectedId && row.departmentId !== selectedId ? 0.45 : 1,
              },
            })),
          },
        ],
      }}
    />
  );
}

/** Completeness and validity of each column of a resource, as paired horizontal bars. */
export function ColumnChart({ columns }: { columns: ResourceDataQualityDetail['columns'] }) {
  const { t } = useI18n();
  // Reversed so that the first item is at the top.
  const shown = [...columns].reverse();
  return (
    <Chart
      testId="pool-quality-columns"
      height={Math.max(160, shown.length * 44 + 60)}
      option={{
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { bottom: 0 },
        grid: { left: 8, right: 48, top: 8, bottom: 32, containLabel: true },
        xAxis: { type: 'value', min: 0, max: 100, interval: 20 },
        yAxis: {
          type: 'category',
          data: shown.map((column) => column.name),
          axisLabel: { width: 140, overflow: 'truncate' },
        },
        series: [
          { name: t('poolQuality.completeness'), color: '#1d4f91', key: 'completeness' as const },
          { name: t('poolQuality.validity'), color: '#0f8a5f', key: 'validity' as const },
        ].map((series) => ({
          name: series.name,
          type: 'bar',
          barMaxWidth: 14,
          itemStyle: { color: series.color },
          label: { show: true, position: 'right' },
          data: shown.map((column) => column[series.key]),
        })),
      }}
    />
  );
}
