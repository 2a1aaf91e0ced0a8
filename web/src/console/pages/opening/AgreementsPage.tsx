import { EyeOutlined } from '@ant-design/icons';
import { Card, Form, Select, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { AGREEMENT_STATUSES, type AgreementStatus, type OpenAgreement } from '../../../api/opening.ts';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { AgreementDrawer } from './AgreementDrawer.tsx';
import { AgreementStatusTag, FeedbackCell } from './shared.tsx';

interface Filters {
  status?: AgreementStatus;
  feedbackOverdue?: string;
  [key: string]: string | undefined;
}

/**
 * 数据利用协议: the agreements on the own department's data (or the region's, for the authority)
 * with their status and a flag where usage feedback is late; a row opens the detail.
 */
export default function AgreementsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const list = useList<OpenAgreement, Filters>('/open/agreements', {});
  const [filterForm] = Form.useForm<{ status?: AgreementStatus; feedbackOverdue?: 'true' | 'false' }>();
  const [openId, setOpenId] = useState<string | null>(params.get('agreement'));
  const close = () => {
    setOpenId(null);
    if (params.has('agreement')) setParams({}, { replace: true });
  };
  const columns: TableColumnsType<OpenAgreement> = [
    {
      title: t('opening.agreement.number'),
      key: 'number',
      width: 170,
      render: (_: unknown, row) => (
        <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="agreement-open">
          {row.number}
        </Typography.Link>
      ),
    },
    {
      title: t('opening.field.dataset'),
      key: 'dataset',
      render: (_: unknown, row) => (
        <div>
          <span>{row.resource.name}</span>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.code} · {row.provider.name}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<OpenAgreement>(t('opening.field.level')),
    {
      title: t('opening.field.applicant'),
      key: 'applicant',
      width: 160,
      render: (_: unknown, row) => row.applicant.name,
    },
    {
      title: t('opening.agreement.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, row) => <AgreementStatusTag status={row.status} />,
    },
    {
      title: t('opening.field.period'),
      key: 'period',
      width: 200,
      render: (_: unknown, row) => `${formatDate(row.validFrom)} ~ ${formatDate(row.validUntil)}`,
    },
    {
      title: t('opening.agreement.feedback'),
      key: 'feedback',
      width: 190,
      render: (_: unknown, row) => <FeedbackCell agreement={row} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Typography.Link onClick={() => setOpenId(row.id)}>
          <EyeOutlined /> {t('common.details')}
        </Typography.Link>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('opening.agreements.title')} description={t('opening.agreements.description')} />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({ status: values.status, feedbackOverdue: values.feedbackOverdue })
          }
        >
          <Form.Item name="status" label={t('opening.agreement.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 140 }}
              options={AGREEMENT_STATUSES.map((status) => ({
                value: status,
                label: t(`opening.status.${status}`),
              }))}
              onChange={() => filterForm.submit()}
              data-testid="filter-status"
            />
          </Form.Item>
          <Form.Item name="feedbackOverdue" label={t('opening.agreement.feedbackOverdue')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={[
                { value: 'true', label: t('common.yes') },
                { value: 'false', label: t('common.no') },
              ]}
              onChange={() => filterForm.submit()}
              data-testid="filter-feedback-overdue"
            />
          </Form.Item>
        </FilterBar>
        <ListTable<OpenAgreement>
          list={list}
          emptyText={t('opening.agreements.empty')}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="agreements-table"
        />
      </Card>
      {openId && <AgreementDrawer id={openId} onClose={close} />}
    </>
  );
}
