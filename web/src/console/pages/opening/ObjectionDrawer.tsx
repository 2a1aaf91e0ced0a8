import { DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, List, Spin, Typography } from 'antd';
import { useState } from 'react';
import { evidenceUrl, oversightApi, type ObjectionDetail } from '../../../api/opening-oversight.ts';
import { useSession } from '../../../auth/session.tsx';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { download } from '../../../lib/download.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { ObjectionStateTag, useSourceName } from './oversight-shared.tsx';
import { DecideModal, SuspendModal, type SuspensionTarget } from './SuspensionModals.tsx';

/** Bytes in the unit a person reads. */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * One objection: the statement, the evidence files (each download audited), the dataset's
 * suspension, the outcome, and the acts of those who handle it (suspend at once, decide).
 */
export function ObjectionDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [acting, setActing] = useState<'suspend' | 'decide' | null>(null);
  const detail = useQuery({
    queryKey: ['open/objections', 'detail', id],
    queryFn: ({ signal }) => oversightApi.objection(id, signal),
  });
  const objection = detail.data;
  const open = objection && (objection.state === 'received' || objection.state === 'suspended');
  const manage = can('open.suspension.manage');
  const name = objection ? (objection.resourceName ?? objection.resourceCode) : '';
  const target: SuspensionTarget | null = objection ? { kind: 'objection', id: objection.id, name } : null;
  return (
    <Drawer
      open
      size={760}
      onClose={onClose}
      title={objection ? name : t('app.loading')}
      data-testid="objection-drawer"
    >
      {detail.isError && <QueryError error={detail.error} onRetry={() => detail.refetch()} />}
      {!objection ? (
        detail.isPending && <Spin />
      ) : (
        <Flex vertical gap={16}>
          {open && manage && (
            <Flex gap={8} wrap>
              {objection.state === 'received' && !objection.suspension && (
                <Button
                  danger
                  type="primary"
                  onClick={() => setActing('suspend')}
                  data-testid="objection-suspend"
                >
                  {t('oversight.action.suspend')}
                </Button>
              )}
              <Button type="primary" onClick={() => setActing('decide')} data-testid="objection-decide">
                {t('oversight.action.decide')}
              </Button>
            </Flex>
          )}
          {open && !manage && (
            <Alert type="info" showIcon title={t('oversight.readOnly')} data-testid="objection-read-only" />
          )}
          {!open && <Alert type="success" showIcon title={t('oversight.closed')} />}
          <Facts objection={objection} />
          <SuspensionFacts objection={objection} />
          <Evidence objection={objection} />
          {objection.decidedAt && <Outcome objection={objection} />}
        </Flex>
      )}
      {acting === 'suspend' && target && <SuspendModal target={target} onClose={() => setActing(null)} />}
      {acting === 'decide' && target && <DecideModal target={target} onClose={() => setActing(null)} />}
    </Drawer>
  );
}

function Facts({ objection }: { objection: ObjectionDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions column={2} size="small" bordered data-testid="objection-facts">
      <Descriptions.Item label={t('oversight.field.state')}>
        <ObjectionStateTag state={objection.state} />
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.ground')}>
        {t(`oversight.ground.${objection.ground}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.dataset')}>
        {objection.resourceName ?? '—'}（{objection.resourceCode}）{' '}
        <LevelTag level={objection.securityLevel} subLevel={objection.securitySubLevel} />
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.provider')}>{objection.provider.name}</Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.objector')}>
        {objection.objector?.name ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.createdAt')}>
        {formatDateTime(objection.createdAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.statement')} span={2}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="objection-statement">
          {objection.statement}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}

function SuspensionFacts({ objection }: { objection: ObjectionDetail }) {
  const { t } = useI18n();
  const sourceName = useSourceName();
  const suspension = objection.suspension;
  return (
    <div data-testid="objection-suspension">
      <Typography.Title level={5}>{t('oversight.suspension.title')}</Typography.Title>
      {!suspension ? (
        <Typography.Text type="secondary">{t('oversight.suspension.none')}</Typography.Text>
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            title={
              suspension.outcome === 'withdrawn'
                ? t('oversight.suspension.withdrawnInForce')
                : t('oversight.suspension.inForce', { since: formatDateTime(suspension.suspendedAt) })
            }
          />
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('oversight.suspension.source')}>
              {sourceName(suspension.source)}
            </Descriptions.Item>
            <Descriptions.Item label={t('oversight.suspension.since')}>
              {formatDateTime(suspension.suspendedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('oversight.suspension.reason')} span={2}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{suspension.reason}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </div>
  );
}

function Evidence({ objection }: { objection: ObjectionDetail }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Title level={5}>{t('oversight.field.evidence')}</Typography.Title>
      {objection.evidence.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('oversight.evidence.none')} />
      ) : (
        <>
          <List
            size="small"
            bordered
            data-testid="objection-evidence"
            dataSource={objection.evidence}
            renderItem={(file) => (
              <List.Item
                actions={[
                  <Button
                    key="download"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => download(evidenceUrl(objection.id, file.id))}
                    aria-label={`${t('oversight.evidence.download')} ${file.name}`}
                    data-testid="evidence-download"
                  >
                    {t('oversight.evidence.download')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  avatar={<PaperClipOutlined />}
                  title={file.name}
                  description={
                    <>
                      {file.mediaType} · {size(file.size)} · {formatDateTime(file.createdAt)}
                      <br />
                      {t('oversight.evidence.digest')}{' '}
                      <Typography.Text code copyable style={{ fontSize: 12 }}>
                        {file.digest}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('oversight.evidence.audited')}
          </Typography.Text>
        </>
      )}
    </div>
  );
}

function Outcome({ objection }: { objection: ObjectionDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions column={2} size="small" bordered data-testid="objection-outcome">
      <Descriptions.Item label={t('oversight.field.decidedBy')}>
        {objection.decidedBy ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.decidedAt')}>
        {formatDateTime(objection.decidedAt)}
      </Descriptions.Item>
      <Descriptions.Item label={t('oversight.field.outcomeNote')} span={2}>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
          {objection.outcomeNote ?? '—'}
        </Typography.Paragraph>
      </Descriptions.Item>
    </Descriptions>
  );
}
