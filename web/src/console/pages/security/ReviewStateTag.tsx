import { Tag } from 'antd';
import type { ReviewState } from '../../../api/security-reviews.ts';
import { useI18n } from '../../../i18n/index.tsx';

const COLOURS: Record<ReviewState, string> = {
  pending: 'gold',
  passed: 'green',
  not_passed: 'red',
  superseded: 'default',
};

/** A secrecy review's state as a coloured tag. */
export function ReviewStateTag({ state }: { state: ReviewState }) {
  const { t } = useI18n();
  return <Tag color={COLOURS[state]}>{t(`security.reviews.state.${state}`)}</Tag>;
}
