import { useEffect } from 'react';
import { ApiError } from '../../api/client.ts';
import { usePortalI18n, type PortalT } from '../i18n/index.tsx';

/** Sets the browser tab's title: the page, then the site. */
export function usePageTitle(title: string | undefined) {
  const { t } = usePortalI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t('site.name')}` : t('site.name');
  }, [title, t]);
}

/** A polite "loading" line (announced by screen readers, not stealing focus). */
export function Loading({ label }: { label?: string }) {
  const { t } = usePortalI18n();
  return (
    <p className="pt-muted pt-loading" role="status" aria-live="polite">
      {label ?? t('state.loading')}
    </p>
  );
}

/** The sentence for a failed call: the server's own (already in the caller's language) or a generic one. */
export function problemText(error: unknown, t: PortalT): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('state.networkError');
    if (error.code === 'open.identity_required') return t('state.identityRequired');
    if (error.status === 429) return t('state.rateLimited');
    if (error.detail) return error.detail;
    return t('state.failedStatus', { status: error.status });
  }
  return t('state.failed');
}

/** A refusal or failure, said as an alert. */
export function ErrorMessage({ error, testId }: { error: unknown; testId?: string }) {
  const { t } = usePortalI18n();
  return (
    <div className="pt-alert pt-alert-error" role="alert" data-testid={testId}>
      {problemText(error, t)}
    </div>
  );
}

/** Nothing to show, said plainly. */
export function Empty({ children }: { children: string }) {
  return <p className="pt-muted pt-empty">{children}</p>;
}
