import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../../auth/session.tsx';
import { downloadDataset, portalApi, type DatasetPage } from '../../api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';

/** The formats the platform writes any dataset's rows in (GET …/download?format=). */
export const DOWNLOAD_FORMATS = ['CSV', 'XLSX', 'JSON'] as const;

/** The sign-in page that comes back to where one was. */
export function useSignInHref(): string {
  const location = useLocation();
  return `/open/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`;
}

/** The buttons greyed out while the dataset is suspended or withdrawn: the server refuses them then. */
function SuspendedDownloads({ withdrawn }: { withdrawn: boolean }) {
  const { t } = usePortalI18n();
  return (
    <div className="pt-downloads" data-testid="downloads">
      <h3>{t('download.title')}</h3>
      <p className="pt-alert pt-alert-warning" data-testid="download-suspended">
        {t(withdrawn ? 'download.withdrawn' : 'download.suspended')}
      </p>
      <div className="pt-button-row">
        {DOWNLOAD_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="pt-button"
            disabled
            data-testid={`download-${format.toLowerCase()}`}
          >
            {t('download.format', { format })}
          </button>
        ))}
      </div>
    </div>
  );
}

/**
 * Download buttons per format. Signed in, a click fetches the file (a refusal is shown here);
 * anonymous visitors are sent to sign in first, since only identity-verified users get data.
 */
export function Downloads({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const signIn = useSignInHref();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ saved: string } | { error: unknown } | null>(null);
  if (!dataset.openMethods.includes('download')) return <Empty>{t('download.notOffered')}</Empty>;
  if (dataset.suspension) return <SuspendedDownloads withdrawn={dataset.suspension.withdrawn} />;

  const start = async (format: string) => {
    setBusy(format);
    setOutcome(null);
    try {
      setOutcome({ saved: await downloadDataset(dataset.id, format.toLowerCase()) });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="pt-downloads" data-testid="downloads">
      <h3>{t('download.title')}</h3>
      {dataset.openType === 'conditional' && (
        <p className="pt-alert pt-alert-info">
          {t('download.conditional')} <a href="#apply">{t('apply.title')}</a>
        </p>
      )}
      <div className="pt-button-row">
        {DOWNLOAD_FORMATS.map((format) =>
          session.info ? (
            <button
              key={format}
              type="button"
              className="pt-button"
              disabled={busy !== null}
              aria-busy={busy === format}
              data-testid={`download-${format.toLowerCase()}`}
              onClick={() => void start(format)}
            >
              {busy === format ? t('download.busy') : t('download.format', { format })}
            </button>
          ) : (
            <Link
              key={format}
              to={signIn}
              className="pt-button"
              data-testid={`download-${format.toLowerCase()}`}
            >
              {t('download.format', { format })}
            </Link>
          ),
        )}
      </div>
      {!session.info && <p className="pt-muted pt-small">{t('download.signInFirst')}</p>}
      <div aria-live="polite">
        {outcome && 'saved' in outcome && (
          <p className="pt-alert pt-alert-success" data-testid="download-done">
            {t('download.started', { file: outcome.saved })}
          </p>
        )}
      </div>
      {outcome && 'error' in outcome && (
        <>
          <ErrorMessage error={outcome.error} testId="download-error" />
          <p className="pt-small">
            <Link to="/open/account">{t('download.seeAccount')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

/** A cell of the preview: text as is, other values as JSON, nothing as a dash. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The first rows of the data (masked as the open rules say), for signed-in users. */
export function Preview({ dataset }: { dataset: DatasetPage }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const signIn = useSignInHref();
  const signedIn = Boolean(session.info);
  const preview = useQuery({
    queryKey: ['open', 'preview', dataset.id],
    queryFn: () => portalApi.preview(dataset.id),
    enabled: signedIn && !dataset.suspension,
  });
  if (dataset.suspension)
    return (
      <div className="pt-preview" data-testid="preview">
        <h3>{t('preview.title')}</h3>
        <Empty>{t('preview.suspended')}</Empty>
      </div>
    );
  const rows = preview.data?.rows ?? [];
  const columns = preview.data?.items ?? [];
  return (
    <div className="pt-preview" data-testid="preview">
      <h3>{t('preview.title')}</h3>
      {!signedIn ? (
        <p>
          <Link to={signIn}>{t('preview.signIn')}</Link>
        </p>
      ) : preview.isPending ? (
        <Loading />
      ) : preview.isError ? (
        <ErrorMessage error={preview.error} testId="preview-error" />
      ) : rows.length === 0 ? (
        <Empty>{t('preview.empty')}</Empty>
      ) : (
        <>
          <p className="pt-muted pt-small">{t('preview.lead')}</p>
          <Table
            label={t('preview.title')}
            testId="preview-table"
            headers={columns.map((column) => (
              <>
                {column.name}
                {column.masked && <span className="pt-muted pt-small"> {t('preview.masked')}</span>}
              </>
            ))}
          >
            {rows.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.field}>{cellText(row[column.field])}</td>
                ))}
              </tr>
            ))}
          </Table>
        </>
      )}
    </div>
  );
}
