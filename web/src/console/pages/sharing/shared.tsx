// Pieces the sharing pages share: the profile's sharing rules, state tags, due dates with the days
// left, the application field (suggesting the department's API-key applications), the items
// checkboxes, date fields and refreshing after a change.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AutoComplete, Button, Checkbox, Flex, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Item } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import type {
  GrantStatus,
  ShareDecision,
  ShareGrant,
  ShareRequest,
  ShareRequestState,
} from '../../../api/sharing.ts';
import type { ApiKey, Page } from '../../../api/types.ts';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';

/** The parts of GET /profile the sharing pages read. */
interface SharingProfile {
  procedures: Record<'conditionalShareAuthorityGrant' | 'conditionalShareConsent', { required: boolean }>;
  sharing: { requests: { maxValidityDays: number } };
}

/** The profile's sharing rules: whether the authority opens access, the longest grant period. */
export function useSharingProfile() {
  const profile = useQuery({
    queryKey: ['profile'],
    queryFn: ({ signal }) => api.get<SharingProfile>('/profile', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
  return {
    loaded: profile.data !== undefined,
    authorityOpens: profile.data?.procedures.conditionalShareAuthorityGrant.required ?? false,
    maxValidityDays: profile.data?.sharing.requests.maxValidityDays ?? 365,
  };
}

/** Reloads every sharing list and detail after a change (their keys start with `share`). */
export function useRefreshSharing() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('share') });
}

const STATE_COLORS: Record<ShareRequestState, string> = {
  submitted: 'processing',
  awaiting_authority: 'gold',
  granted: 'success',
  refused: 'error',
  withdrawn: 'default',
};

/** A request's state as a coloured tag; an approval in part says so beside it. */
export function RequestStateTag({
  state,
  decision,
}: {
  state: ShareRequestState;
  decision?: ShareDecision | null;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap data-testid="request-state">
      <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }}>
        {t(`sharing.state.${state}`)}
      </Tag>
      {decision === 'approve_in_part' && state !== 'refused' && (
        <Tag color="cyan" style={{ marginInlineEnd: 0 }}>
          {t('sharing.decision.approve_in_part')}
        </Tag>
      )}
    </Flex>
  );
}

const GRANT_COLORS: Record<GrantStatus, string> = {
  active: 'success',
  not_started: 'blue',
  expired: 'default',
  revoked: 'error',
};

/** A grant's standing: in force, not started, ended or revoked. */
export function GrantStateTag({ grant }: { grant: ShareGrant }) {
  const { t } = useI18n();
  return (
    <Tag color={GRANT_COLORS[grant.status]} data-testid="grant-status">
      {t(`sharing.grant.state.${grant.status}`)}
    </Tag>
  );
}

/** A code's text by key prefix, else the code itself (values the server may add later). */
export function useCodeText() {
  const { t } = useI18n();
  return (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    return isMessageKey(key) ? t(key) : code;
  };
}

/**
 * The due date of a request's waiting step and the working days left (counted by the server on the
 * profile's calendar); red once overdue. After the answer the date is shown plain (an overdue flag
 * then only says the answer came late).
 */
export function DueCell({
  dueOn,
  overdue,
  workdaysLeft,
  waiting,
}: {
  dueOn: string | null;
  overdue: boolean;
  workdaysLeft: number | null;
  waiting: boolean;
}) {
  const { t } = useI18n();
  if (!dueOn) return <Typography.Text type="secondary">{waiting ? t('sharing.noDue') : '—'}</Typography.Text>;
  if (!waiting)
    return (
      <Flex gap={6} align="center" wrap>
        <span>{formatDate(dueOn)}</span>
        {overdue && <Tag color="orange">{t('sharing.answeredLate')}</Tag>}
      </Flex>
    );
  const left = workdaysLeft ?? 0;
  const late = overdue || left < 0;
  return (
    <Flex gap={6} align="center" wrap>
      <span>{formatDate(dueOn)}</span>
      {late ? (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="request-overdue">
          {t('sharing.overdueDays', { days: Math.max(1, -left) })}
        </Tag>
      ) : (
        <Tag color={left <= 2 ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {left === 0 ? t('sharing.dueToday') : t('sharing.daysLeft', { days: left })}
        </Tag>
      )}
    </Flex>
  );
}

/** The due cell of a request (its answer is due while it is submitted). */
export function RequestDue({ request }: { request: ShareRequest }) {
  return (
    <DueCell
      dueOn={request.dueOn}
      overdue={request.overdue}
      workdaysLeft={request.workdaysLeft}
      waiting={request.state === 'submitted'}
    />
  );
}

/** The application names of the own department's live API keys. */
function useApplicationNames() {
  return useQuery({
    queryKey: ['share', 'api-key-applications'],
    queryFn: async ({ signal }) => {
      const keys = await api.get<Page<ApiKey>>('/api-keys', { pageSize: 200 }, { signal });
      return [...new Set(keys.items.filter((key) => !key.revokedAt).map((key) => key.application))].sort();
    },
    staleTime: 60_000,
  });
}

/** The calling application: free text, suggesting the names the department's API keys carry. */
export function ApplicationInput({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const { t } = useI18n();
  const names = useApplicationNames();
  const typed = (value ?? '').trim();
  const options = (names.data ?? [])
    .filter((name) => !typed || name.includes(typed))
    .map((name) => ({ value: name, label: name }));
  return (
    <AutoComplete
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('sharing.form.applicationPlaceholder')}
      notFoundContent={names.isFetching ? t('app.loading') : undefined}
      maxLength={100}
    />
  );
}

/** The items of a resource as checkboxes with their names; "all" and "none" at the top. */
export function ItemsPicker({
  id,
  items,
  value,
  onChange,
  allowed,
}: {
  id?: string;
  items: Item[];
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Only these may be checked (a partial approval keeps a subset of what was asked). */
  allowed?: readonly string[];
}) {
  const { t } = useI18n();
  const offered = allowed ? items.filter((item) => allowed.includes(item.fieldName)) : items;
  return (
    <Flex vertical gap={6} id={id} data-testid="items-picker">
      <Flex gap={8}>
        <Button size="small" onClick={() => onChange?.(offered.map((item) => item.fieldName))}>
          {t('sharing.items.all')}
        </Button>
        <Button size="small" onClick={() => onChange?.([])}>
          {t('sharing.items.none')}
        </Button>
        <Typography.Text type="secondary">
          {t('sharing.items.count', { checked: value?.length ?? 0, total: offered.length })}
        </Typography.Text>
      </Flex>
      <Checkbox.Group
        value={value}
        onChange={(checked) => onChange?.(checked.map(String))}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 4 }}
        options={offered.map((item) => ({
          value: item.fieldName,
          label: (
            <span>
              <span>{item.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                {item.fieldName}
                {item.isKey ? ` · ${t('sharing.items.key')}` : ''}
              </Typography.Text>
            </span>
          ),
        }))}
      />
    </Flex>
  );
}

/** The names of items by field name, for lists of field names the API sends. */
export function itemNames(items: Item[] | undefined, fields: readonly string[]): string {
  const byField = new Map((items ?? []).map((item) => [item.fieldName, item.name]));
  return fields.map((field) => byField.get(field) ?? field).join('、');
}

/** A calendar date for the API. */
export const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** The period pickers' limits: not before today, not past the profile's longest grant. */
export function periodLimits(maxValidityDays: number, from?: Dayjs | null) {
  const start = (from ?? dayjs()).startOf('day');
  return {
    from: (current: Dayjs) => current.isBefore(dayjs(), 'day'),
    until: (current: Dayjs) =>
      !current.isAfter(start.subtract(1, 'day'), 'day') || current.isAfter(start.add(maxValidityDays, 'day')),
  };
}
