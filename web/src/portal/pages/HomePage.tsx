import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { portalApi, type HomeData } from '../api.ts';
import { DatasetCards } from '../components/DatasetCard.tsx';
import { SearchBox } from '../components/SearchBox.tsx';
import { ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { usePortalI18n, type PortalKey } from '../i18n/index.tsx';

const COUNTS: { key: keyof HomeData['counts']; label: PortalKey }[] = [
  { key: 'datasets', label: 'home.count.datasets' },
  { key: 'departments', label: 'home.count.departments' },
  { key: 'records', label: 'home.count.records' },
  { key: 'downloads', label: 'home.count.downloads' },
  { key: 'apiCalls', label: 'home.count.apiCalls' },
];

/** A titled list of links to the search filtered by one value (a theme's class, a department). */
function Chips({
  title,
  items,
}: {
  title: string;
  items: { key: string; name: string; count: number; to: string }[];
}) {
  const { num } = usePortalI18n();
  const id = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="pt-chips">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to} className="pt-chip">
              {item.name} <span className="pt-chip-count">{num(item.count)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The home page (/): search, the portal's counts, newest and most used datasets, themes, departments. */
export default function HomePage() {
  const { t, num } = usePortalI18n();
  usePageTitle(undefined);
  const home = useQuery({ queryKey: ['open', 'home'], queryFn: portalApi.home });
  const data = home.data;
  return (
    <>
      <section className="pt-hero">
        <div className="pt-wrap">
          <h1>{t('home.title')}</h1>
          <p className="pt-hero-lead">{t('home.lead')}</p>
          <SearchBox large />
        </div>
      </section>
      <div className="pt-wrap pt-stack">
        {home.isPending && <Loading />}
        {home.isError && <ErrorMessage error={home.error} />}
        {data && (
          <>
            <section aria-labelledby="home-counts">
              <h2 id="home-counts" className="pt-visually-hidden">
                {t('home.countsTitle')}
              </h2>
              <dl className="pt-counts" data-testid="home-counts">
                {COUNTS.map(({ key, label }) => (
                  <div key={key} className="pt-count">
                    <dt>{t(label)}</dt>
                    <dd data-testid={`count-${key}`}>{num(data.counts[key])}</dd>
                  </div>
                ))}
              </dl>
            </section>
            <div className="pt-columns">
              <section aria-labelledby="home-newest" data-testid="home-newest">
                <h2 id="home-newest">{t('home.newest')}</h2>
                <DatasetCards datasets={data.newest} empty={t('home.noDatasets')} />
              </section>
              <section aria-labelledby="home-popular" data-testid="home-popular">
                <h2 id="home-popular">{t('home.popular')}</h2>
                <DatasetCards datasets={data.popular} empty={t('home.noDatasets')} />
              </section>
            </div>
            <Chips
              title={t('home.themes')}
              items={data.themes.map((theme) => ({
                key: theme.code,
                name: theme.name,
                count: theme.count,
                to: `/open/datasets?classCode=${encodeURIComponent(theme.code)}`,
              }))}
            />
            <Chips
              title={t('home.departments')}
              items={data.departments.map((department) => ({
                key: department.id,
                name: department.name,
                count: department.count,
                to: `/open/datasets?departmentId=${encodeURIComponent(department.id)}`,
              }))}
            />
            <p>
              <Link to="/open/datasets" className="pt-button pt-button-quiet" data-testid="home-all-datasets">
                {t('home.allDatasets')}
              </Link>
            </p>
          </>
        )}
      </div>
    </>
  );
}
