import { useEffect, useState } from 'react';
import { copyText } from '../../lib/clipboard.ts';
import { usePortalI18n } from '../i18n/index.tsx';

/** Copies a text; says "copied" (or that it failed) where a screen reader hears it. */
export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const { t } = usePortalI18n();
  const [outcome, setOutcome] = useState<'copied' | 'failed' | null>(null);
  useEffect(() => {
    if (!outcome) return;
    const timer = setTimeout(() => setOutcome(null), 3_000);
    return () => clearTimeout(timer);
  }, [outcome]);
  return (
    <span className="pt-copy">
      <button
        type="button"
        className="pt-button pt-button-small pt-button-quiet"
        data-testid={testId}
        onClick={() => void copyText(text).then((ok) => setOutcome(ok ? 'copied' : 'failed'))}
      >
        {label ?? t('common.copy')}
      </button>
      <span role="status" aria-live="polite" className="pt-copy-status">
        {outcome === 'copied' ? t('common.copied') : outcome === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </span>
  );
}

/** A block of code with a copy button above it. */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  const { t } = usePortalI18n();
  return (
    <figure className="pt-code" data-testid={testId}>
      <figcaption className="pt-code-head">
        <span>{label}</span>
        <CopyButton text={code} label={t('common.copyCode', { what: label })} />
      </figcaption>
      <pre tabIndex={0}>
        <code>{code}</code>
      </pre>
    </figure>
  );
}
