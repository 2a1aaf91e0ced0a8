import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import type { Review } from '../../../api/security-reviews.ts';
import type { Page } from '../../../api/types.ts';
import { useSession } from '../../../auth/session.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { ReviewDrawer } from './ReviewDrawer.tsx';
import { ReviewStateTag } from './ReviewStateTag.tsx';

/** A published resource's latest secrecy review (保密审查) on its page: state, due date or reasons. */
export function ResourceReviewState({ resourceId }: { resourceId: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [open, setOpen] = useState(false);
  const allowed = can('security.review.read');
  const latest = useQuery({
    queryKey: ['security/reviews', 'resource', resourceId],
    queryFn: ({ signal }) =>
      api.get<Page<Review>>('/security/reviews', { resourceId, pageSize: 1 }, { signal }),
    enabled: allowed,
  });
  const review = latest.data?.items[0];
  if (!allowed || !review) return null;
  const type = review.state === 'passed' ? 'success' : review.state === 'not_passed' ? 'error' : 'warning';
  return (
    <>
      <Alert
        type={type}
        showIcon
        data-testid="resource-review-state"
        title={
          <>
            {t('security.reviews.resourceState')}：<ReviewStateTag state={review.state} />
            {review.state === 'pending' &&
              review.dueOn &&
              `${t('security.reviews.dueOn')} ${formatDate(review.dueOn)}`}
          </>
        }
        description={review.reasons ?? undefined}
        action={
          <Button size="small" onClick={() => setOpen(true)}>
            {t('security.reviews.open')}
          </Button>
        }
      />
      <ReviewDrawer id={open ? review.id : null} onClose={() => setOpen(false)} />
    </>
  );
}
