import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  DATA_TYPES,
  OPEN_METHODS,
  UPDATE_CYCLES,
} from '../../../../server/src/modules/catalog/catalog.vocabulary.ts';
import { portalApi, type DatasetPage as Dataset, type PublicQuality } from '../api.ts';
import { OpenTypeBadge } from '../components/Badges.tsx';
import { DatasetCards } from '../components/DatasetCard.tsx';
import { Empty, ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { Table } from '../components/Table.tsx';
import { usePortalI18n, type Lang } from '../i18n/index.tsx';
import { ApiDocs } from './dataset/ApiDocs.tsx';
import { ApplySection } from './dataset/ApplySection.tsx';
import { DatasetChartSection, useDatasetChart } from './dataset/DatasetChart.tsx';
import { Downloads, Preview } from './dataset/DatasetData.tsx';
import { DatasetNotices } from './dataset/DatasetNotices.tsx';
import { FeedbackSection } from './dataset/FeedbackSection.tsx';
import { ReportSection } from './dataset/ReportSection.tsx';
import { ShowcaseSection } from './dataset/ShowcaseSection.tsx';

/** The name of a coded value of the catalog's vocabulary in a language (the code if unknown). */
function termName(
  terms: readonly { code: string; name: { 'zh-CN': string; en: string } }[],
  code: string,
  lang: Lang,
) {
  return terms.find((term) => term.code === code)?.name[lang] ?? code;
}

const QUALITY_DIMENSIONS = ['completeness', 'validity', 'uniqueness', 'consistency', 'timeliness'] as const;

/** A titled section of the dataset page, reachable from the page's contents list. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="pt-section" data-testid={`section-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** The facts about a dataset, as a description list. */
function Facts({ dataset }: { dataset: Dataset }) {
  const { t, lang, num, date } = usePortalI18n();
  const contact = [dataset.contact.name, dataset.contact.phone, dataset.contact.email]
    .filter(Boolean)
    .join(' · ');
  const rows: [string, ReactNode][] = [
    [t('dataset.code'), dataset.code],
    [t('dataset.provider'), dataset.provider.name],
    [t('dataset.class'), dataset.classPath.map((node) => node.name).join(' / ')],
    [t('dataset.openType'), <OpenTypeBadge key="type" type={dataset.openType} />],
    [t('dataset.openMethods'), dataset.openMethods.map((m) => termName(OPEN_METHODS, m, lang)).join('、')],
    [t('dataset.formats'), dataset.formats.join(' · ') || '—'],
    [
      t('dataset.updateCycle'),
      [termName(UPDATE_CYCLES, dataset.updateCycle, lang), dataset.updateCycleNote]
        .filter(Boolean)
        .join('，'),
    ],
    [t('dataset.publishedAt'), date(dataset.publishedAt)],
    [t('dataset.modifiedAt'), date(dataset.modifiedAt)],
    [
      t('dataset.usage'),
      t('dataset.usageValue', {
        downloads: num(dataset.usage.downloads),
        apiCalls: num(dataset.usage.apiCalls),
      }),
    ],
    [t('dataset.keywords'), dataset.keywords.join('、') || '—'],
    [t('dataset.contact'), contact || '—'],
  ];
  const optional: [string, string | null][] = [
    [t('dataset.openCondition'), dataset.openCondition],
    [t('dataset.openBasis'), dataset.openBasis],
    [t('dataset.usageRequirements'), dataset.usageRequirements],
    [
      t('dataset.temporal'),
      dataset.temporalStart || dataset.temporalEnd
        ? `${dataset.temporalStart ?? '…'} — ${dataset.temporalEnd ?? '…'}`
        : null,
    ],
  ];
  rows.splice(4, 0, ...optional.filter((row): row is [string, string] => Boolean(row[1])));
  return (
    <dl className="pt-facts" data-testid="dataset-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The quality score out of 100 as a meter with its number, and its measured dimensions. */
function Quality({ quality }: { quality: PublicQuality | null }) {
  const { t, date } = usePortalI18n();
  if (!quality) return <p className="pt-muted">{t('dataset.qualityNone')}</p>;
  const dimensions = QUALITY_DIMENSIONS.filter((name) => quality[name] !== null);
  return (
    <div className="pt-quality" data-testid="dataset-quality">
      <meter
        min={0}
        max={100}
        low={60}
        high={85}
        optimum={100}
        value={quality.score}
        aria-label={t('dataset.quality')}
      />
      <span className="pt-quality-score">{t('dataset.qualityValue', { score: quality.score })}</span>
      {dimensions.length > 0 && (
        <span className="pt-muted pt-small">
          {dimensions.map((name) => `${t(`quality.${name}`)} ${Math.round(quality[name] ?? 0)}%`).join(' · ')}
          {' · '}
          {t('dataset.qualityMeasured', { date: date(quality.measuredAt) })}
        </span>
      )}
    </div>
  );
}

/** The dataset's items (columns): name, field, type and what it means. */
function Items({ dataset }: { dataset: Dataset }) {
  const { t, lang } = usePortalI18n();
  if (dataset.items.length === 0) return <Empty>{t('dataset.noItems')}</Empty>;
  return (
    <Table
      label={t('dataset.items')}
      testId="dataset-items"
      headers={[
        t('dataset.item.name'),
        t('dataset.item.field'),
        t('dataset.item.type'),
        t('dataset.item.description'),
      ]}
    >
      {dataset.items.map((item) => (
        <tr key={item.fieldName}>
          <th scope="row">{item.name}</th>
          <td>
            <code>{item.fieldName}</code>
          </td>
          <td>
            {termName(DATA_TYPES, item.dataType, lang)}
            {item.length ? ` (${item.length})` : ''}
          </td>
          <td>{item.description ?? ''}</td>
        </tr>
      ))}
    </Table>
  );
}

/** When the data was loaded: the pool's batches (newest first), with the current record count. */
function History({ dataset }: { dataset: Dataset }) {
  const { t, num, date } = usePortalI18n();
  const { history } = dataset;
  const summary = t('dataset.historySummary', {
    records: num(history.records),
    versions: num(history.versions),
    date: history.dataUpdatedAt ? date(history.dataUpdatedAt) : '—',
  });
  if (history.batches.length === 0) return <Empty>{t('dataset.noHistory')}</Empty>;
  return (
    <>
      <p data-testid="dataset-history-summary">{summary}</p>
      <Table
        label={t('dataset.history')}
        testId="dataset-history"
        headers={[
          t('dataset.history.at'),
          t('dataset.history.version'),
          t('dataset.history.mode'),
          t('dataset.history.rows'),
        ]}
      >
        {history.batches.map((batch) => (
          <tr key={batch.version}>
            <td>{date(batch.loadedAt, true)}</td>
            <td>{batch.version}</td>
            <td>{t(batch.mode === 'upsert' ? 'dataset.history.upsert' : 'dataset.history.replace')}</td>
            <td>{num(batch.rows)}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/**
 * A dataset's page (/open/datasets/:id): what it is (with a suspension or emergency opening said at
 * the top), its items, chart, data, API and history, then what the public does about it: ratings
 * and comments, the applications built on it, and reporting a problem.
 */
export default function DatasetPage() {
  const { t } = usePortalI18n();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['open', 'dataset', id], queryFn: () => portalApi.dataset(id) });
  const dataset = query.data;
  const hasChart = (useDatasetChart(id).data?.series.length ?? 0) > 0;
  usePageTitle(dataset?.name ?? t('dataset.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="pt-wrap pt-stack">
        <h1>{t(missing ? 'dataset.notFound' : 'dataset.title')}</h1>
        {missing ? <p>{t('dataset.notFoundText')}</p> : <ErrorMessage error={query.error} />}
        <p>
          <Link to="/open/datasets">{t('nav.datasets')}</Link>
        </p>
      </div>
    );
  }
  if (!dataset) return null;
  const conditional = dataset.openType === 'conditional';
  const sections: [string, string][] = [
    ['items', t('dataset.items')],
    ...(hasChart ? [['chart', t('dataset.chart')] as [string, string]] : []),
    ...(conditional ? [['apply', t('apply.title')] as [string, string]] : []),
    ['data', t('dataset.data')],
    ['api', t('dataset.api')],
    ['history', t('dataset.history')],
    ['feedback', t('feedback.title')],
    ['showcase', t('showcase.title')],
    ['report', t('report.title')],
    ['related', t('dataset.related')],
  ];
  return (
    <div className="pt-wrap pt-stack" data-testid="dataset-page">
      <nav aria-label={t('nav.breadcrumb')} className="pt-breadcrumb">
        <ol>
          <li>
            <Link to="/">{t('nav.home')}</Link>
          </li>
          <li>
            <Link to="/open/datasets">{t('nav.datasets')}</Link>
          </li>
          <li aria-current="page">{dataset.name}</li>
        </ol>
      </nav>
      <header className="pt-dataset-head">
        <h1 data-testid="dataset-name">{dataset.name}</h1>
        <DatasetNotices dataset={dataset} />
        <p className="pt-lead">{dataset.abstract}</p>
        <Quality quality={dataset.quality} />
      </header>
      <nav aria-label={t('dataset.contents')} className="pt-contents">
        <ul>
          {sections.map(([anchor, title]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="pt-dataset-layout">
        <div className="pt-dataset-main">
          <Section id="items" title={t('dataset.items')}>
            <Items dataset={dataset} />
          </Section>
          <DatasetChartSection id={dataset.id} />
          {conditional && (
            <Section id="apply" title={t('apply.title')}>
              <ApplySection dataset={dataset} />
            </Section>
          )}
          <Section id="data" title={t('dataset.data')}>
            <Downloads dataset={dataset} />
            <Preview dataset={dataset} />
          </Section>
          <Section id="api" title={t('dataset.api')}>
            <ApiDocs dataset={dataset} />
          </Section>
          <Section id="history" title={t('dataset.history')}>
            <History dataset={dataset} />
          </Section>
          <Section id="feedback" title={t('feedback.title')}>
            <FeedbackSection datasetId={dataset.id} />
          </Section>
          <Section id="showcase" title={t('showcase.title')}>
            <ShowcaseSection datasetId={dataset.id} />
          </Section>
          <Section id="report" title={t('report.title')}>
            <ReportSection dataset={dataset} />
          </Section>
          <Section id="related" title={t('dataset.related')}>
            <DatasetCards datasets={dataset.related} empty={t('dataset.noRelated')} />
          </Section>
        </div>
        <aside className="pt-dataset-side" aria-label={t('dataset.facts')}>
          <Facts dataset={dataset} />
        </aside>
      </div>
    </div>
  );
}
