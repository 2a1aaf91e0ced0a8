import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../auth/session.tsx';
import { Loading } from './components/States.tsx';
import { usePortalI18n } from './i18n/index.tsx';

/** 中文 ⇄ English: one button naming the other language in that language. */
function LanguageButton() {
  const { lang, setLang, t } = usePortalI18n();
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    <button
      type="button"
      className="pt-link-button"
      data-testid="portal-language"
      aria-label={t('nav.switchLanguage')}
      lang={other}
      onClick={() => setLang(other)}
    >
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}

/** Signed in: the account and sign-out; otherwise sign-in and registration. */
function AccountLinks() {
  const { t } = usePortalI18n();
  const session = useSession();
  const navigate = useNavigate();
  if (session.state.status === 'loading') return null;
  if (session.info) {
    return (
      <>
        <NavLink to="/open/account" className="pt-nav-link" data-testid="portal-account-link">
          {session.info.user.displayName || session.info.user.username}
        </NavLink>
        <button
          type="button"
          className="pt-link-button"
          data-testid="portal-sign-out"
          // Home first, then sign out: a page that needs a session (the account) would otherwise
          // send the signed-out visitor to the sign-in page before the navigation home.
          onClick={() => {
            navigate('/');
            void session.logout();
          }}
        >
          {t('nav.signOut')}
        </button>
      </>
    );
  }
  return (
    <>
      <NavLink to="/open/login" className="pt-nav-link" data-testid="portal-sign-in-link">
        {t('nav.signIn')}
      </NavLink>
      <NavLink to="/open/register" className="pt-button pt-button-small">
        {t('nav.register')}
      </NavLink>
    </>
  );
}

/**
 * The frame of every portal page: a skip link, the header (site, sections, language, account), the
 * page and the footer. After a move to another page, focus goes to the page's main region so that
 * screen readers and keyboards start there, as on a full page load.
 */
export function PortalLayout() {
  const { t } = usePortalI18n();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    main.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className="pt-page">
      <a className="pt-skip" href="#main">
        {t('nav.skip')}
      </a>
      <header className="pt-header">
        <div className="pt-wrap pt-header-row">
          <Link to="/" className="pt-brand" aria-label={t('site.homeLabel')}>
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>{t('site.name')}</span>
          </Link>
          <nav className="pt-nav" aria-label={t('nav.label')}>
            <NavLink to="/" end className="pt-nav-link">
              {t('nav.home')}
            </NavLink>
            <NavLink to="/open/datasets" className="pt-nav-link">
              {t('nav.datasets')}
            </NavLink>
            <NavLink to="/open/showcase" className="pt-nav-link">
              {t('nav.showcase')}
            </NavLink>
            <NavLink to="/open/contributions" className="pt-nav-link">
              {t('nav.contributions')}
            </NavLink>
            <NavLink to="/open/suggest" className="pt-nav-link" data-testid="portal-suggest-link">
              {t('nav.suggest')}
            </NavLink>
          </nav>
          <div className="pt-header-tools">
            <LanguageButton />
            <AccountLinks />
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="pt-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="pt-footer">
        <div className="pt-wrap pt-footer-row">
          <span>{t('footer.about')}</span>
          <span className="pt-footer-links">
            <a href="/api/docs">{t('footer.apiDocs')}</a>
            <a href="/login">{t('footer.staff')}</a>
          </span>
        </div>
      </footer>
    </div>
  );
}
