import { EyeOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { REVIEW_STATES, type Review, type ReviewState } from '../../../api/security-reviews.ts';
import { useSession } from '../../../auth/session.tsx';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { LevelLegend, LevelTag } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { fieldLabel } from '../catalog/DiffView.tsx';
import { AccessTag } from '../catalog/meta.tsx';
import { ReviewDrawer } from './ReviewDrawer.tsx';
import { ReviewStateTag } from './ReviewStateTag.tsx';

interface Filters {
  state?: ReviewState;
  departmentId?: string;
  overdue?: boolean;
  dueBy?: string;
  [key: string]: string | boolean | undefined;
}

interface FilterValues {
  state?: ReviewState;
  departmentId?: string;
  overdue?: 'yes' | 'no';
  dueBy?: Dayjs | null;
}

const REGIONAL_ROLES = ['authority_officer', 'auditor', 'platform_admin', 'security_officer'];

/**
 * 保密审查 (CQ19 §41, CQ18 §30): the queue of secrecy reviews — waiting ones first by default — with
 * the reviewer's form in the drawer. Share and open attributes take effect only once passed.
 */
export default function ReviewsPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const regional = REGIONAL_ROLES.includes(info?.user.role ?? '');
  const list = useList<Review, Filters>('/security/reviews', { state: 'pending' });
  const [filterForm] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(null);

  const columns: TableColumnsType<Review> = [
    {
      title: t('security.reviews.resource'),
      key: 'resource',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="review-open">
            {row.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.code} · v{row.revisionNumber}
          </Typography.Text>
        </div>
      ),
    },
    { title: t('security.reviews.department'), dataIndex: 'departmentName', width: 160 },
    {
      title: fieldLabel(t, 'securityLevel'),
      key: 'level',
      width: 140,
      render: (_: unknown, row) => <LevelTag level={row.attributes.effectiveLevel} />,
    },
    {
      title: `${fieldLabel(t, 'shareType')} / ${fieldLabel(t, 'openType')}`,
      key: 'types',
      width: 200,
      render: (_: unknown, row) => (
        <>
          <AccessTag kind="share" type={row.attributes.shareType} />
          <AccessTag kind="open" type={row.attributes.openType} />
        </>
      ),
    },
    {
      title: t('security.reviews.changed'),
      key: 'changed',
      width: 180,
      render: (_: unknown, row) =>
        row.changed.length
          ? row.changed.map((field) => fieldLabel(t, field)).join('、')
          : t('security.reviews.changedNone'),
    },
    {
      title: t('security.reviews.dueOn'),
      key: 'dueOn',
      width: 130,
      sorter: true,
      render: (_: unknown, row) => (
        <>
          {formatDate(row.dueOn)}
          {row.overdue && row.state === 'pending' && (
            <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
              {t('security.reviews.overdue')}
            </Typography.Text>
          )}
        </>
      ),
    },
    { title: t('security.reviews.createdAt'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    {
      title: t('security.reviews.state'),
      dataIndex: 'state',
      width: 110,
      render: (state: ReviewState) => <ReviewStateTag state={state} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpenId(row.id)}>
          {row.state === 'pending' ? t('security.reviews.decide') : t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('security.reviews.title')} description={t('security.reviews.description')} />
      <Card>
        <FilterBar<FilterValues>
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              state: values.state,
              departmentId: regional ? values.departmentId : undefined,
              overdue: values.overdue === undefined ? undefined : values.overdue === 'yes',
              dueBy: values.dueBy ? values.dueBy.format('YYYY-MM-DD') : undefined,
            })
          }
        >
          <Form.Item name="state" label={t('security.reviews.stateFilter')} initialValue="pending">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 150 }}
              options={REVIEW_STATES.map((state) => ({
                value: state,
                label: t(`security.reviews.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-state"
            />
          </Form.Item>
          {regional && (
            <Form.Item name="departmentId" label={t('security.reviews.department')}>
              <DepartmentSelect
                style={{ width: 200 }}
                placeholder={t('common.all')}
                onChange={() => filterForm.submit()}
              />
            </Form.Item>
          )}
          <Form.Item name="overdue" label={t('security.reviews.overdueFilter')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={[
                { value: 'yes', label: t('common.yes') },
                { value: 'no', label: t('common.no') },
              ]}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="dueBy" label={t('security.reviews.dueByFilter')}>
            <DatePicker onChange={() => filterForm.submit()} />
          </Form.Item>
        </FilterBar>
        <ListTable<Review>
          list={list}
          emptyText={
            list.filters.state === 'pending'
              ? t('security.reviews.emptyPending')
              : t('security.reviews.empty')
          }
          columns={columns}
          scroll={{ x: 1200 }}
          data-testid="reviews-table"
        />
        <div style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 8 }}>
            {t('security.level.legend')}
          </Typography.Text>
          <LevelLegend />
        </div>
      </Card>
      <ReviewDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
