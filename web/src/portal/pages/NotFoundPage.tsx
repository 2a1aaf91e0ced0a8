import { Link } from 'react-router';
import { usePageTitle } from '../components/States.tsx';
import { usePortalI18n } from '../i18n/index.tsx';

/** An address the portal does not have. */
export default function NotFoundPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('notFound.title'));
  return (
    <div className="pt-wrap pt-narrow pt-stack">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link> · <Link to="/open/datasets">{t('nav.datasets')}</Link>
      </p>
    </div>
  );
}
