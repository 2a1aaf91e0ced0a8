import { Link } from 'react-router';
import { usePortalI18n } from '../i18n/index.tsx';

/** The page numbers to offer: the first, the last and two either side of the current one. */
export function pagesToShow(page: number, last: number): (number | 'gap')[] {
  const shown: (number | 'gap')[] = [];
  for (let n = 1; n <= last; n++) {
    if (n === 1 || n === last || Math.abs(n - page) <= 2) shown.push(n);
    else if (shown[shown.length - 1] !== 'gap') shown.push('gap');
  }
  return shown;
}

/** Pages of a list as links (each page has its own address), with previous and next. */
export function Pager({
  page,
  pageSize,
  total,
  hrefOf,
}: {
  page: number;
  pageSize: number;
  total: number;
  hrefOf(page: number): string;
}) {
  const { t } = usePortalI18n();
  const last = Math.max(1, Math.ceil(total / pageSize));
  if (last <= 1) return null;
  return (
    <nav className="pt-pager" aria-label={t('pager.label')} data-testid="pager">
      {page > 1 && (
        <Link to={hrefOf(page - 1)} rel="prev">
          {t('pager.previous')}
        </Link>
      )}
      {pagesToShow(page, last).map((n, index) =>
        n === 'gap' ? (
          <span key={`gap-${index}`} aria-hidden="true">
            …
          </span>
        ) : (
          <Link
            key={n}
            to={hrefOf(n)}
            aria-current={n === page ? 'page' : undefined}
            aria-label={t('pager.page', { page: n })}
          >
            {n}
          </Link>
        ),
      )}
      {page < last && (
        <Link to={hrefOf(page + 1)} rel="next">
          {t('pager.next')}
        </Link>
      )}
    </nav>
  );
}
