import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from '../lib/problems.ts';
import { useSession } from './session.tsx';

/** Where to go after signing in: `next` if it is a path of this site, else the console home. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
    ? next
    : '/console';
}

/**
 * Lets signed-in users through; sends anyone else to /login, remembering where they were
 * (unless they signed out on purpose).
 */
export function RequireAuth() {
  const { state, retry } = useSession();
  const location = useLocation();
  const { t } = useI18n();
  if (state.status === 'loading') return <FullPageSpin />;
  if (state.status === 'error') {
    return (
      <Result
        status="warning"
        title={t('error.title')}
        subTitle={errorText(state.error, t)}
        extra={
          <Button type="primary" onClick={retry}>
            {t('error.reload')}
          </Button>
        }
      />
    );
  }
  if (state.status === 'anonymous') {
    const here = `${location.pathname}${location.search}`;
    const target = state.reason === 'logout' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

/** Shows a page only to users with the permission (the menu hides it too; the server refuses anyway). */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (!can(permission)) {
    return (
      <Result
        status="403"
        title={t('forbidden.title')}
        subTitle={t('forbidden.text')}
        extra={
          <Button type="primary" onClick={() => navigate('/console')}>
            {t('comingSoon.backHome')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}
