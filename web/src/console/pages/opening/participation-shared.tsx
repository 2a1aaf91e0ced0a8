// Pieces the public participation pages share: a guard for pages two rights reach, state and kind
// tags, links to outside sites, and the dialog that asks for a reason (hide, reject).
import { Form, Input, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { RequestKind, RequestState } from '../../../api/opening-participation.ts';
import { RequirePermission } from '../../../auth/guards.tsx';
import { useSession } from '../../../auth/session.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { useI18n } from '../../../i18n/index.tsx';

/** Who handles requests and comments: the provider's staff or the region's authority. */
export const HANDLER_PERMISSIONS = ['open.participation.answer', 'open.participation.manage'] as const;

/**
 * Shows a page to users holding one of the permissions (the server's routes say `authenticated`
 * and decide by either right); others get the console's usual 403 page.
 */
export function RequireAnyPermission({
  permissions,
  children,
}: {
  permissions: readonly string[];
  children: ReactNode;
}) {
  const { can } = useSession();
  const held = permissions.find((permission) => can(permission)) ?? permissions[0] ?? 'none';
  return <RequirePermission permission={held}>{children}</RequirePermission>;
}

const STATE_COLORS: Record<RequestState, string> = {
  submitted: 'processing',
  accepted: 'success',
  rejected: 'default',
};

/** A request's state as a tag. */
export function RequestStateTag({ state }: { state: RequestState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} data-testid="participation-state">
      {t(`participation.state.${state}`)}
    </Tag>
  );
}

const KIND_COLORS: Record<RequestKind, string> = {
  data_error: 'volcano',
  catalog_correction: 'geekblue',
  opinion: 'purple',
};

/** A request's kind as a tag. */
export function RequestKindTag({ kind }: { kind: RequestKind }) {
  const { t } = useI18n();
  return <Tag color={KIND_COLORS[kind]}>{t(`participation.kind.${kind}`)}</Tag>;
}

/**
 * An address the public gave, shown as its text; it opens in a new window without an opener (the
 * other site cannot reach back into the console). Only http(s) addresses become links.
 */
export function ExternalLink({ url }: { url: string }) {
  const { t } = useI18n();
  if (!/^https?:\/\//i.test(url)) return <Typography.Text>{url}</Typography.Text>;
  return (
    <Typography.Link
      href={url}
      target="_blank"
      rel="noopener noreferrer"
      title={t('participation.showcase.urlHelp')}
      data-testid="external-link"
      style={{ wordBreak: 'break-all' }}
    >
      {url}
    </Typography.Link>
  );
}

/** A dialog asking for a reason; the server's refusal of it shows beside the field. */
export function ReasonModal({
  name,
  title,
  label,
  help,
  requiredText,
  okText,
  maxLength,
  subject,
  onSubmit,
  onClose,
}: {
  name: string;
  title: string;
  label: string;
  help: string;
  requiredText: string;
  okText: string;
  maxLength: number;
  /** What the reason is about (the comment, the entry), shown above the field. */
  subject?: ReactNode;
  onSubmit(reason: string): Promise<unknown>;
  onClose(): void;
}) {
  return (
    <FormModal<{ reason: string }>
      name={name}
      title={title}
      okText={okText}
      fieldNames={['reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        await onSubmit(values.reason.trim());
        onClose();
      }}
    >
      {subject && (
        <Typography.Paragraph
          type="secondary"
          style={{ whiteSpace: 'pre-wrap', borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 12 }}
        >
          {subject}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="reason"
        label={label}
        extra={help}
        rules={[{ required: true, whitespace: true, message: requiredText }]}
      >
        <Input.TextArea rows={3} maxLength={maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}
