import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import {
  isLate,
  type DeadlineRule,
  type UpdateRequest,
  type UpdateState,
  type UpdatesProfile,
} from '../../../../api/catalog-updates.ts';
import { api } from '../../../../api/client.ts';
import { useI18n, type Translate } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';

/**
 * GET /profile, the parts these pages read. Same query key as the catalog's `useCatalogProfile`:
 * both read the whole profile, so one fetch serves every page.
 */
export function useUpdatesProfile() {
  return useQuery({
    queryKey: ['profile'],
    queryFn: ({ signal }) => api.get<UpdatesProfile>('/profile', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** "10 个工作日（CQ19 §14）", or null when the profile fixes no deadline. */
export function ruleText(t: Translate, rule: DeadlineRule | null | undefined): string | null {
  return rule ? t('catalog.updates.ruleText', { workdays: rule.workdays, article: rule.article }) : null;
}

const STATE_COLORS: Record<UpdateState, string> = {
  open: 'processing',
  filed: 'success',
  cancelled: 'default',
};

/** 待更新 / 已提交 / 已撤销. */
export function UpdateStateTag({ state }: { state: UpdateState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid="update-state">
      {t(`catalog.updates.state.${state}`)}
    </Tag>
  );
}

/**
 * Where the deadline stands, as a tag: working days left (orange in the last two), due today, or
 * late (red); for a closed request whether it was late when it closed.
 */
export function DeadlineTag({ request }: { request: UpdateRequest }) {
  const { t } = useI18n();
  const left = request.workdaysLeft;
  if (request.state !== 'open') {
    return request.overdue ? (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        {t('catalog.updates.wasOverdue')}
      </Tag>
    ) : null;
  }
  if (!request.dueOn) return null;
  if (isLate(request))
    return (
      <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="deadline-tag">
        {left !== null && left < 0
          ? t('catalog.updates.overdueBy', { days: -left })
          : t('catalog.updates.overdue')}
      </Tag>
    );
  if (left === null) return null;
  return (
    <Tag color={left <= 2 ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid="deadline-tag">
      {left === 0 ? t('catalog.updates.dueToday') : t('catalog.updates.daysLeft', { days: left })}
    </Tag>
  );
}

/** The due date with its tag and, below, the rule it comes from. */
export function DueCell({ request }: { request: UpdateRequest }) {
  const { t } = useI18n();
  return (
    <div>
      <Flex gap={6} align="center" wrap>
        <span>{formatDate(request.dueOn) || t('catalog.updates.noDeadline')}</span>
        <DeadlineTag request={request} />
      </Flex>
      {request.rule && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ruleText(t, request.rule)}
        </Typography.Text>
      )}
    </div>
  );
}
