import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/index.tsx';
import { errorText } from '../lib/problems.ts';

/** A failed load, with the server's explanation and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 16 }}
      title={errorText(error, t)}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.refresh')}
          </Button>
        )
      }
    />
  );
}
