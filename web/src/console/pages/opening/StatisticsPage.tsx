import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Flex, Form, Row, Segmented, Spin, Statistic, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { addDays, daysBetween, todayInChina } from '../../../api/opening.ts';
import { oversightApi, type OpenStatistics } from '../../../api/opening-oversight.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { isMessageKey, useI18n, type Translate } from '../../../i18n/index.tsx';
import { CHART_COLORS, OversightChart, type ChartOption } from './OversightChart.tsx';

const QUICK = [7, 30, 90, 365] as const;
/** Datasets the bar chart shows: more would not fit as readable bars. */
const TOP_DATASETS = 15;

interface Period {
  from: string;
  to: string;
}

const lastDays = (days: number): Period => {
  const to = todayInChina();
  return { from: addDays(to, 1 - days), to };
};

/** Every day of the period with its use (the server leaves out days without use). */
function dailyOption(data: OpenStatistics, t: Translate): ChartOption {
  const byDay = new Map(data.daily.map((day) => [day.day, day]));
  const days = Array.from({ length: daysBetween(data.period.from, data.period.to) + 1 }, (_, n) =>
    addDays(data.period.from, n),
  );
  const line = (key: 'downloads' | 'apiCalls', color: string) => ({
    name: t(`oversight.stats.${key}`),
    type: 'line',
    showSymbol: days.length <= 31,
    itemStyle: { color },
    areaStyle: { opacity: 0.08 },
    data: days.map((day) => byDay.get(day)?.[key] ?? 0),
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', boundaryGap: false, data: days.map((day) => day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [line('downloads', CHART_COLORS[0]!), line('apiCalls', CHART_COLORS[1]!)],
  };
}

/** The most used datasets as horizontal bars (most used on top), with their distinct users. */
function datasetsOption(data: OpenStatistics, t: Translate): ChartOption {
  const used = data.datasets
    .filter((dataset) => dataset.downloads + dataset.apiCalls > 0)
    .slice(0, TOP_DATASETS)
    .reverse();
  const bar = (key: 'downloads' | 'apiCalls' | 'users', color: string, stack?: string) => ({
    name: t(`oversight.stats.${key}`),
    type: 'bar',
    stack,
    barMaxWidth: 18,
    itemStyle: { color },
    data: used.map((dataset) => dataset[key]),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: used.map((dataset) => dataset.name),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      bar('downloads', CHART_COLORS[0]!, 'use'),
      bar('apiCalls', CHART_COLORS[1]!, 'use'),
      bar('users', CHART_COLORS[2]!),
    ],
  };
}

/** Use per provider department (region scope), stacked downloads and calls. */
function departmentsOption(data: OpenStatistics, t: Translate): ChartOption {
  // Departments without use would only crowd the axis.
  const rows = data.departments
    .filter((department) => department.downloads + department.apiCalls > 0)
    .sort((a, b) => b.downloads + b.apiCalls - (a.downloads + a.apiCalls));
  const bar = (key: 'downloads' | 'apiCalls', color: string) => ({
    name: t(`oversight.stats.${key}`),
    type: 'bar',
    stack: 'use',
    barMaxWidth: 32,
    itemStyle: { color },
    data: rows.map((department) => department[key]),
  });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((department) => department.name),
      axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [bar('downloads', CHART_COLORS[0]!), bar('apiCalls', CHART_COLORS[1]!)],
  };
}

/** Counts by state as a ring; state names come from the opening pages' texts. */
function statesOption(
  counts: Record<string, number>,
  prefix: 'opening.state' | 'opening.status',
  t: Translate,
) {
  const name = (state: string) => {
    const key = `${prefix}.${state}`;
    return isMessageKey(key) ? t(key) : state;
  };
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    color: CHART_COLORS,
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c}' },
        data: Object.entries(counts)
          .filter(([, count]) => count > 0)
          .map(([state, count]) => ({ name: name(state), value: count })),
      },
    ],
  } satisfies ChartOption;
}

/**
 * 开放统计: the use of the caller's open data over a period as charts — per day, per dataset, per
 * department (the authority's region) — with totals, distinct users, and applications and
 * agreements by state.
 */
export default function StatisticsPage() {
  const { t } = useI18n();
  const [period, setPeriod] = useState<Period>(() => lastDays(30));
  const stats = useQuery({
    queryKey: ['open/statistics', period],
    queryFn: ({ signal }) => oversightApi.statistics(period, signal),
  });
  const data = stats.data;
  // A refused period names its field (`/from`, `/to`): shown under the picker, not as a banner.
  const periodProblem =
    stats.error instanceof ApiError && stats.error.errors.length > 0
      ? stats.error.errors.map((problem) => problem.message).join('；')
      : null;
  const quick = QUICK.find((days) => {
    const last = lastDays(days);
    return last.from === period.from && last.to === period.to;
  });
  const noUse = data ? data.totals.downloads + data.totals.apiCalls === 0 : true;
  const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

  const chartCard = (
    title: string,
    testId: string,
    option: ChartOption | null,
    empty: 'oversight.stats.noUse' | 'oversight.stats.noCases',
    height?: number,
  ) => (
    <Card size="small" title={title} style={{ height: '100%' }}>
      {option ? (
        <OversightChart
          option={option}
          height={height}
          label={t('oversight.stats.chartLabel', { title })}
          testId={testId}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(empty)} data-testid={`${testId}-empty`} />
      )}
    </Card>
  );

  return (
    <>
      <PageHeader title={t('oversight.stats.title')} description={t('oversight.stats.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap align="flex-start" justify="space-between">
          <Form layout="inline">
            <Form.Item
              label={t('oversight.stats.period')}
              htmlFor="stats-period"
              validateStatus={periodProblem ? 'error' : undefined}
              help={periodProblem ?? undefined}
            >
              <DatePicker.RangePicker
                id="stats-period"
                allowClear={false}
                value={[dayjs(period.from), dayjs(period.to)]}
                disabledDate={(current: Dayjs) => current.isAfter(dayjs(), 'day')}
                onChange={(range) => {
                  const [from, to] = range ?? [];
                  if (from && to) setPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
                }}
                data-testid="stats-period"
              />
            </Form.Item>
            <Form.Item>
              <Segmented
                value={quick ?? 0}
                onChange={(days) => setPeriod(lastDays(Number(days)))}
                options={QUICK.map((days) => ({
                  value: days,
                  label: t('oversight.stats.lastDays', { days }),
                }))}
                data-testid="stats-quick"
              />
            </Form.Item>
          </Form>
          {data && <Tag color="blue">{t(`oversight.stats.scope.${data.scope}`)}</Tag>}
        </Flex>
      </Card>
      {stats.isError && !periodProblem && <QueryError error={stats.error} onRetry={() => stats.refetch()} />}
      {!data ? (
        stats.isPending && <Spin />
      ) : (
        <Flex vertical gap={16} data-testid="statistics">
          <Card>
            <Flex gap={40} wrap data-testid="stats-totals">
              {(['datasets', 'downloads', 'apiCalls', 'rows', 'users'] as const).map((key) => (
                <Statistic key={key} title={t(`oversight.stats.${key}`)} value={data.totals[key]} />
              ))}
            </Flex>
          </Card>
          {chartCard(
            t('oversight.stats.daily'),
            'chart-daily',
            noUse ? null : dailyOption(data, t),
            'oversight.stats.noUse',
          )}
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={data.scope === 'region' ? 12 : 24}>
              {chartCard(
                t('oversight.stats.byDataset', { count: TOP_DATASETS }),
                'chart-datasets',
                noUse ? null : datasetsOption(data, t),
                'oversight.stats.noUse',
                320,
              )}
            </Col>
            {data.scope === 'region' && (
              <Col xs={24} xl={12}>
                {chartCard(
                  t('oversight.stats.byDepartment'),
                  'chart-departments',
                  noUse ? null : departmentsOption(data, t),
                  'oversight.stats.noUse',
                  320,
                )}
              </Col>
            )}
            <Col xs={24} lg={12}>
              {chartCard(
                t('oversight.stats.applications'),
                'chart-applications',
                sum(data.applications) > 0 ? statesOption(data.applications, 'opening.state', t) : null,
                'oversight.stats.noCases',
              )}
            </Col>
            <Col xs={24} lg={12}>
              {chartCard(
                t('oversight.stats.agreements'),
                'chart-agreements',
                sum(data.agreements) > 0 ? statesOption(data.agreements, 'opening.status', t) : null,
                'oversight.stats.noCases',
              )}
            </Col>
          </Row>
        </Flex>
      )}
    </>
  );
}
