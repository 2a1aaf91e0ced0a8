import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { portalApi, type DatasetChart } from '../../api.ts';
import { Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';

// ECharts (core, bar and line only) is the largest piece of the portal: it loads only when a
// dataset has a chart and the chart comes near the screen, after the page itself has shown.
const ChartCanvas = lazy(() => import('./ChartCanvas.tsx'));

/** The chart of a dataset (null when no item suits one); shared by the page's contents and the section. */
export function useDatasetChart(id: string) {
  return useQuery({ queryKey: ['open', 'chart', id], queryFn: () => portalApi.chart(id) });
}

/** The counts behind the chart as a table, for people who cannot see the chart. */
function ChartTable({ chart }: { chart: DatasetChart }) {
  const { t, num } = usePortalI18n();
  return (
    <details className="pt-chart-table">
      <summary>{t('chart.asTable')}</summary>
      <Table label={t('chart.asTable')} testId="chart-table" headers={[chart.item.name, t('chart.count')]}>
        {chart.series.map((point) => (
          <tr key={point.label}>
            <th scope="row">{point.label}</th>
            <td>{num(point.count)}</td>
          </tr>
        ))}
      </Table>
    </details>
  );
}

/** Whether an element is on or near the screen (once true, stays true). */
function useNear<T extends Element>() {
  const element = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && setNear(true),
      {
        rootMargin: '300px',
      },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [near]);
  return [element, near] as const;
}

/** The chart section of the dataset page; nothing at all when the dataset has no chart. */
export function DatasetChartSection({ id }: { id: string }) {
  const chart = useDatasetChart(id).data;
  if (!chart || chart.series.length === 0) return null;
  return <ChartSection chart={chart} />;
}

/** The chart's section: ECharts drawn once the section nears the screen, its table always. */
function ChartSection({ chart }: { chart: DatasetChart }) {
  const { t } = usePortalI18n();
  const [place, near] = useNear<HTMLDivElement>();
  const summary = t('chart.summary', { item: chart.item.name, count: chart.series.length });
  return (
    <section id="chart" aria-labelledby="chart-title" className="pt-section" data-testid="section-chart">
      <h2 id="chart-title">{t('chart.title', { item: chart.item.name })}</h2>
      <div ref={place} className="pt-chart-place">
        {near && (
          <Suspense fallback={<Loading label={t('chart.loading')} />}>
            <ChartCanvas chart={chart} label={summary} />
          </Suspense>
        )}
      </div>
      {chart.suppressedBelow > 1 && (
        <p className="pt-muted pt-small">{t('chart.suppressed', { k: chart.suppressedBelow })}</p>
      )}
      <ChartTable chart={chart} />
    </section>
  );
}
