import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Segmented, Spin, Statistic, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { SHARE_WAYS, sharingApi, type ShareUsage, type UsageSide } from '../../../api/sharing.ts';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n, type Translate } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';

// Only what this chart uses goes into its chunk.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const WAY_COLORS: Record<string, string> = {
  lookup: '#1d4f91',
  query: '#0f8a5f',
  export: '#d48806',
  changes: '#722ed1',
  live: '#13a8a8',
};

const RANGES = [7, 30, 90] as const;

/** The chart's option: calls per day, stacked by way of calling (ways never used are left out). */
function usageOption(usage: ShareUsage, t: Translate): echarts.EChartsCoreOption {
  const ways = SHARE_WAYS.filter((way) => usage.series.some((period) => period.byWay[way] > 0));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: usage.series.map((period) => period.period.slice(5, 10)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: ways.map((way) => ({
      name: t(`sharing.way.${way}`),
      type: 'bar',
      stack: 'calls',
      itemStyle: { color: WAY_COLORS[way] },
      data: usage.series.map((period) => period.byWay[way]),
    })),
  };
}

/** An ECharts canvas that follows its container's width and redraws when the option changes. */
function Bars({ option }: { option: echarts.EChartsCoreOption }) {
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
  const content = JSON.stringify(option);
  useEffect(() => {
    chart.current?.setOption(JSON.parse(content) as echarts.EChartsCoreOption, true);
  }, [content]);
  return <div ref={ref} style={{ width: '100%', height: 240 }} data-testid="usage-chart" />;
}

/**
 * Calls per day, stacked by way (lookup, query, export, changes, pass-through), with totals, the
 * top callers (who uses the data, for what, how often) and, for one grant, the keys that called.
 */
export function UsageChart({
  side,
  grantId,
  compact = false,
}: {
  side: UsageSide;
  grantId?: string;
  /** Leaves out the callers and keys tables (a summary above a list). */
  compact?: boolean;
}) {
  const { t } = useI18n();
  const [range, setRange] = useState<(typeof RANGES)[number]>(30);
  const to = dayjs().format('YYYY-MM-DD');
  const from = dayjs()
    .subtract(range - 1, 'day')
    .format('YYYY-MM-DD');
  const usage = useQuery({
    queryKey: ['share/usage', { side, grantId, from, to }],
    queryFn: ({ signal }) => sharingApi.usage({ side, grantId, from, to }, signal),
  });
  const data = usage.data;
  const totals = data?.totals;
  return (
    <Flex vertical gap={12} data-testid="usage">
      {usage.isError && <QueryError error={usage.error} onRetry={() => usage.refetch()} />}
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex gap={32}>
          <Statistic title={t('sharing.usage.calls')} value={totals?.calls ?? 0} />
          <Statistic title={t('sharing.usage.records')} value={totals?.records ?? 0} />
          <Statistic title={t('sharing.usage.offHours')} value={totals?.offHours ?? 0} />
          <Statistic
            title={t('sharing.usage.denied')}
            value={totals?.denied ?? 0}
            styles={{ content: (totals?.denied ?? 0) > 0 ? { color: '#c8102e' } : undefined }}
          />
        </Flex>
        <Segmented
          value={range}
          onChange={(value) => setRange(value)}
          options={RANGES.map((days) => ({ value: days, label: t('sharing.usage.days', { days }) }))}
        />
      </Flex>
      {!data ? (
        <Spin />
      ) : data.totals.calls + data.totals.denied === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sharing.usage.empty')} />
      ) : (
        <>
          <Bars option={usageOption(data, t)} />
          {!compact && !grantId && <TopCallers usage={data} />}
          {!compact && grantId && data.keys.length > 0 && <KeysTable usage={data} />}
        </>
      )}
    </Flex>
  );
}

function TopCallers({ usage }: { usage: ShareUsage }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey={(row) => `${row.department.id}|${row.application}|${row.grantId ?? ''}`}
      pagination={false}
      dataSource={usage.topApplications}
      title={() => t('sharing.usage.top')}
      data-testid="usage-top"
      columns={[
        {
          title: t('sharing.field.consumer'),
          key: 'department',
          render: (_: unknown, row) => row.department.name,
        },
        { title: t('sharing.field.application'), dataIndex: 'application', key: 'application' },
        {
          title: t('sharing.field.resource'),
          key: 'resource',
          render: (_: unknown, row) => row.resource?.name ?? '—',
        },
        {
          title: t('sharing.field.purpose'),
          key: 'purpose',
          ellipsis: true,
          render: (_: unknown, row) => row.purpose ?? <Typography.Text type="secondary">—</Typography.Text>,
        },
        { title: t('sharing.usage.calls'), dataIndex: 'calls', key: 'calls', width: 90, align: 'right' },
        {
          title: t('sharing.usage.records'),
          dataIndex: 'records',
          key: 'records',
          width: 90,
          align: 'right',
        },
        { title: t('sharing.usage.denied'), dataIndex: 'denied', key: 'denied', width: 80, align: 'right' },
      ]}
    />
  );
}

function KeysTable({ usage }: { usage: ShareUsage }) {
  const { t } = useI18n();
  return (
    <Table
      size="small"
      rowKey={(row) => `${row.keyPrefix ?? ''}|${row.firstSeen}`}
      pagination={false}
      dataSource={usage.keys}
      title={() => t('sharing.usage.keys')}
      columns={[
        {
          title: t('sharing.usage.key'),
          key: 'key',
          render: (_: unknown, row) => <Typography.Text code>{row.keyPrefix ?? '—'}</Typography.Text>,
        },
        {
          title: t('sharing.usage.firstSeen'),
          dataIndex: 'firstSeen',
          key: 'firstSeen',
          render: formatDateTime,
        },
        {
          title: t('sharing.usage.lastSeen'),
          dataIndex: 'lastSeen',
          key: 'lastSeen',
          render: formatDateTime,
        },
        { title: t('sharing.usage.calls'), dataIndex: 'calls', key: 'calls', width: 90, align: 'right' },
      ]}
    />
  );
}
