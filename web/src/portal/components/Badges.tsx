import type { OpenType } from '../api.ts';
import { usePortalI18n } from '../i18n/index.tsx';

/** 无条件开放 / 有条件开放 as a small label (text, not colour alone, carries the meaning). */
export function OpenTypeBadge({ type }: { type: OpenType }) {
  const { t } = usePortalI18n();
  return (
    <span className={`pt-badge pt-badge-${type}`}>
      {t(type === 'conditional' ? 'openType.conditional' : 'openType.unconditional')}
    </span>
  );
}
