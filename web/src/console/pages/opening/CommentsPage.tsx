import { EyeInvisibleOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  PARTICIPATION_PATHS,
  participationApi,
  type HandledComment,
} from '../../../api/opening-participation.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { HANDLER_PERMISSIONS, ReasonModal, RequireAnyPermission } from './participation-shared.tsx';
import { OpenDatasetSelect } from './oversight-shared.tsx';
import { useRefreshOpening } from './shared.tsx';

interface Filters {
  hidden?: string;
  resourceId?: string;
  [key: string]: string | undefined;
}

/**
 * 评论管理: the comments on the own department's open data (provider staff) or the region's (the
 * authority), hidden ones included and marked; a visible one can be hidden with a reason.
 */
export default function CommentsPage() {
  return (
    <RequireAnyPermission permissions={HANDLER_PERMISSIONS}>
      <CommentsList />
    </RequireAnyPermission>
  );
}

function CommentsList() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshOpening();
  const list = useList<HandledComment, Filters>(PARTICIPATION_PATHS.comments, {});
  const [filterForm] = Form.useForm<{ hidden?: 'true' | 'false'; resourceId?: string }>();
  const [hiding, setHiding] = useState<HandledComment | null>(null);

  const columns: TableColumnsType<HandledComment> = [
    {
      title: t('participation.field.dataset'),
      key: 'dataset',
      width: 220,
      render: (_: unknown, row) => (
        <div>
          <Typography.Text strong>{row.resource.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.code}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('participation.comments.text'),
      key: 'text',
      render: (_: unknown, row) => (
        <Typography.Paragraph
          style={{ margin: 0, whiteSpace: 'pre-wrap' }}
          type={row.hidden ? 'secondary' : undefined}
          delete={Boolean(row.hidden)}
        >
          {row.text}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('participation.comments.author'),
      key: 'author',
      width: 130,
      render: (_: unknown, row) => row.author.name,
    },
    {
      title: t('participation.comments.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('participation.comments.status'),
      key: 'status',
      width: 220,
      render: (_: unknown, row) =>
        row.hidden ? (
          <div data-testid="comment-hidden">
            <Tag color="default">{t('participation.comments.hidden')}</Tag>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.hidden.byName
                ? t('participation.comments.hiddenBy', {
                    name: row.hidden.byName,
                    at: formatDateTime(row.hidden.at),
                    reason: row.hidden.reason,
                  })
                : t('participation.comments.hiddenAt', {
                    at: formatDateTime(row.hidden.at),
                    reason: row.hidden.reason,
                  })}
            </Typography.Text>
          </div>
        ) : (
          <Tag color="green">{t('participation.comments.visible')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, row) =>
        !row.hidden && (
          <Button
            size="small"
            danger
            icon={<EyeInvisibleOutlined />}
            onClick={() => setHiding(row)}
            data-testid="comment-hide"
          >
            {t('participation.comments.hide')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('participation.comments.title')}
        description={t('participation.comments.description')}
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) => list.setFilters({ hidden: values.hidden, resourceId: values.resourceId })}
        >
          <Form.Item name="hidden" label={t('participation.comments.filter')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={[
                { value: 'false', label: t('participation.comments.onlyVisible') },
                { value: 'true', label: t('participation.comments.onlyHidden') },
              ]}
              onChange={() => filterForm.submit()}
              data-testid="filter-hidden"
            />
          </Form.Item>
          <Form.Item name="resourceId" label={t('participation.field.dataset')}>
            <OpenDatasetSelect id="filter-dataset" width={260} onChange={() => filterForm.submit()} />
          </Form.Item>
        </FilterBar>
        <ListTable<HandledComment>
          list={list}
          emptyText={t('participation.comments.empty')}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="comments-table"
        />
      </Card>
      {hiding && (
        <ReasonModal
          name="comment-hide"
          title={t('participation.comments.hideTitle')}
          label={t('participation.comments.hideReason')}
          help={t('participation.comments.hideReasonHelp')}
          requiredText={t('participation.comments.hideReasonRequired')}
          okText={t('participation.comments.hideSubmit')}
          maxLength={500}
          subject={hiding.text}
          onClose={() => setHiding(null)}
          onSubmit={async (reason) => {
            await participationApi.hideComment(hiding.id, reason);
            message.success(t('participation.comments.hideDone'));
            await refresh();
          }}
        />
      )}
    </>
  );
}
