import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { isWebAddress, participationApi, type ShowcaseEntry } from '../../participation.ts';
import '../../participation.css';

/** One showcased product: what it is, who made it, how it cites the data, and the way to it. */
function Entry({ entry, datasetId }: { entry: ShowcaseEntry; datasetId: string }) {
  const { t, date } = usePortalI18n();
  const others = entry.datasets.filter((dataset) => dataset.id !== datasetId);
  return (
    <li className="pt-card pt-showcase" data-testid="showcase-entry">
      <h3 className="pt-card-title">
        {entry.name} <span className="pt-badge">{t(`showcase.kind.${entry.kind}`)}</span>
      </h3>
      <p className="pt-comment-text">{entry.description}</p>
      <p className="pt-small pt-muted">{t('showcase.citation', { citation: entry.citation })}</p>
      {others.length > 0 && (
        <p className="pt-small">
          {t('showcase.alsoUses', { names: '' })}
          {others.map((dataset, index) => (
            <span key={dataset.id}>
              {index > 0 && '、'}
              <Link to={`/open/datasets/${dataset.id}`}>{dataset.name}</Link>
            </span>
          ))}
        </p>
      )}
      <p className="pt-small pt-muted">
        {t('showcase.by', { name: entry.submitter.name, date: date(entry.createdAt) })}
      </p>
      {isWebAddress(entry.url) && (
        // Another site: a new window that cannot reach this page (noopener) nor learn where it came from.
        <p>
          <a href={entry.url} target="_blank" rel="noopener noreferrer" data-testid="showcase-link">
            {t('showcase.open')}
          </a>{' '}
          <span className="pt-muted pt-small pt-break">{entry.url}</span>
        </p>
      )}
    </li>
  );
}

/** 应用展示: the approved showcase entries that use this dataset (public). */
export function ShowcaseSection({ datasetId }: { datasetId: string }) {
  const { t } = usePortalI18n();
  const showcase = useQuery({
    queryKey: ['open', 'showcase', datasetId],
    queryFn: () => participationApi.showcase(datasetId),
  });
  return (
    <div className="pt-stack-tight" data-testid="showcase">
      <p className="pt-muted pt-small">{t('showcase.lead')}</p>
      {showcase.isPending ? (
        <Loading />
      ) : showcase.isError ? (
        <ErrorMessage error={showcase.error} />
      ) : showcase.data.items.length === 0 ? (
        <Empty>{t('showcase.none')}</Empty>
      ) : (
        <ul className="pt-showcase-list">
          {showcase.data.items.map((entry) => (
            <Entry key={entry.id} entry={entry} datasetId={datasetId} />
          ))}
        </ul>
      )}
    </div>
  );
}
