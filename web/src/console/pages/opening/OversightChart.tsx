// An ECharts canvas for the oversight pages, drawn as the sharing usage chart draws its own: only
// the chart kinds used here go into the page's chunk, the canvas follows its container's width and
// redraws when the option changes.
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** The option of a chart (ECharts' own type). */
export type ChartOption = echarts.EChartsCoreOption;

/** The platform's chart colours: downloads, API calls, users, then the rest. */
export const CHART_COLORS = ['#1d4f91', '#0f8a5f', '#d48806', '#722ed1', '#13a8a8', '#c8102e', '#8c8c8c'];

/**
 * One chart. `label` names it for screen readers (the canvas itself says nothing); `testId` lets
 * the browser tests find it.
 */
export function OversightChart({
  option,
  height = 260,
  label,
  testId,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const instance = echarts.init(ref.current);
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  // Compared as text: a new object of the same content must not redraw the chart.
  const content = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(JSON.parse(content) as ChartOption, true);
  }, [content]);
  return (
    <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} data-testid={testId} />
  );
}
