// The one file that imports ECharts: only the core, the bar and line charts, the grid and the
// tooltip, drawn as SVG (crisp on phones, text selectable). Loaded lazily by DatasetChart.tsx.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { DatasetChart } from '../../api.ts';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Draws a dataset's chart; the element is an image named by `label` for screen readers. */
export default function ChartCanvas({ chart, label }: { chart: DatasetChart; label: string }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    const many = chart.series.length > 8;
    instance.setOption({
      color: ['#1d4f91'],
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: chart.series.map((point) => point.label),
        axisLabel: { interval: 0, rotate: many ? 40 : 0, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: chart.kind,
          name: chart.item.name,
          // "Other" and "not filled in" are not values of the item: drawn grey.
          data: chart.series.map((point) =>
            point.kind === 'value' ? point.count : { value: point.count, itemStyle: { color: '#8c959f' } },
          ),
          ...(chart.kind === 'line' ? { smooth: false, symbolSize: 6 } : { barMaxWidth: 48 }),
        },
      ],
    });
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
    };
  }, [chart]);
  return <div ref={element} className="pt-chart" role="img" aria-label={label} data-testid="dataset-chart" />;
}
