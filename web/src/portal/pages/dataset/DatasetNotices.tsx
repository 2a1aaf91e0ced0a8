import type { DatasetPage, DatasetSuspension } from '../../api.ts';
import { usePortalI18n, type PortalKey } from '../../i18n/index.tsx';
import '../../participation.css';

type Source = DatasetSuspension['source'];

const SOURCE_KEY: Record<Source, PortalKey> = {
  objection: 'notice.suspended.objection',
  provider: 'notice.suspended.provider',
  authority: 'notice.suspended.authority',
  platform: 'notice.suspended.platform',
};

/**
 * What a visitor must know before reading on: the dataset is suspended (CQO §41: why and since
 * when; never the handler's reason, which the server keeps back) or withdrawn, or opened under a
 * declared emergency (CQO §27: which, and until when). Nothing when neither holds.
 */
export function DatasetNotices({ dataset }: { dataset: DatasetPage }) {
  const { t, date } = usePortalI18n();
  const { suspension, emergency } = dataset;
  if (!suspension && !emergency) return null;
  return (
    <div className="pt-notices">
      {suspension && (
        <div
          className="pt-notice pt-notice-stop"
          role="status"
          data-testid={suspension.withdrawn ? 'notice-withdrawn' : 'notice-suspended'}
        >
          <p className="pt-notice-title">
            {t(suspension.withdrawn ? 'notice.withdrawn' : 'notice.suspended', {
              since: date(suspension.since),
            })}
          </p>
          {suspension.withdrawn ? (
            <p>{t('notice.withdrawnText')}</p>
          ) : (
            <>
              <p>{t(SOURCE_KEY[suspension.source])}</p>
              <p>{t('notice.suspendedMeanwhile')}</p>
            </>
          )}
        </div>
      )}
      {emergency && (
        <div className="pt-notice pt-notice-emergency" role="status" data-testid="notice-emergency">
          <p className="pt-notice-title">{t('notice.emergency', { name: emergency.name })}</p>
          <p>{t('notice.emergencyText', { endsOn: date(emergency.endsOn) })}</p>
        </div>
      )}
    </div>
  );
}
