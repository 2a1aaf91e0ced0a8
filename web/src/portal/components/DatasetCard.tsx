import { Link } from 'react-router';
import type { DatasetCard as Card } from '../api.ts';
import { usePortalI18n } from '../i18n/index.tsx';
import { OpenTypeBadge } from './Badges.tsx';

/** A dataset in a list: name (the link), what it is, who provides it, how open, how used. */
export function DatasetCard({ dataset }: { dataset: Card }) {
  const { t, num, date } = usePortalI18n();
  return (
    <article className="pt-card" data-testid="dataset-card">
      <h3 className="pt-card-title">
        <Link to={`/open/datasets/${dataset.id}`}>{dataset.name}</Link>
      </h3>
      <p className="pt-card-abstract">{dataset.abstract}</p>
      <p className="pt-card-meta">
        <span>{dataset.provider.name}</span>
        <OpenTypeBadge type={dataset.openType} />
        {dataset.formats.length > 0 && <span>{dataset.formats.join(' · ')}</span>}
      </p>
      <p className="pt-card-meta pt-muted">
        <span>{t('dataset.updatedOn', { date: date(dataset.modifiedAt) })}</span>
        <span>{t('dataset.downloadsCount', { count: num(dataset.downloads) })}</span>
        <span>{t('dataset.apiCallsCount', { count: num(dataset.apiCalls) })}</span>
      </p>
    </article>
  );
}

/** A list of dataset cards, or a line saying there are none. */
export function DatasetCards({ datasets, empty }: { datasets: Card[]; empty: string }) {
  if (datasets.length === 0) return <p className="pt-muted">{empty}</p>;
  return (
    <div className="pt-cards">
      {datasets.map((dataset) => (
        <DatasetCard key={dataset.id} dataset={dataset} />
      ))}
    </div>
  );
}
