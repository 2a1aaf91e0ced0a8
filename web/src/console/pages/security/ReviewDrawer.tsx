import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Drawer, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { api } from '../../../api/client.ts';
import type { ReviewDetail } from '../../../api/security-reviews.ts';
import { CategoryTag, LevelTag } from '../../../components/LevelTag.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { fieldLabel } from '../catalog/DiffView.tsx';
import { AccessTag, useCatalogLabels } from '../catalog/meta.tsx';
import { ReviewStateTag } from './ReviewStateTag.tsx';

interface DecisionForm {
  outcome?: 'passed' | 'not_passed';
  reasons?: string;
}

/** One secrecy review: the reviewed attributes, the decision form (for the reviewer), the resource's history. */
export function ReviewDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const labels = useCatalogLabels();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DecisionForm>();
  const detail = useQuery({
    queryKey: ['security/reviews', 'detail', id],
    queryFn: ({ signal }) => api.get<ReviewDetail>(`/security/reviews/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
  const decide = useMutation({
    mutationFn: (values: DecisionForm) =>
      api.post<ReviewDetail>(`/security/reviews/${id}/decision`, {
        outcome: values.outcome,
        reasons: values.reasons?.trim() || null,
      }),
    onSuccess: async () => {
      message.success(t('security.reviews.decided'));
      form.resetFields();
      await queryClient.invalidateQueries({
        predicate: (q) => String(q.queryKey[0]).startsWith('security/reviews'),
      });
    },
  });
  const review = detail.data;
  const f = (field: string) => fieldLabel(t, field);
  const list = (codes: string[], kind: 'shareMethods' | 'openMethods') =>
    codes.length ? codes.map((code) => labels.term(kind, code)).join('、') : '—';
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={review?.name} destroyOnHidden>
      {review && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions
            bordered
            size="small"
            column={2}
            items={[
              { key: 'code', label: f('code'), children: review.code },
              {
                key: 'state',
                label: t('security.reviews.state'),
                children: <ReviewStateTag state={review.state} />,
              },
              { key: 'department', label: t('security.reviews.department'), children: review.departmentName },
              {
                key: 'due',
                label: t('security.reviews.dueOn'),
                children: (
                  <>
                    {formatDate(review.dueOn)}{' '}
                    {review.overdue && (
                      <Typography.Text type="danger">{t('security.reviews.overdue')}</Typography.Text>
                    )}
                  </>
                ),
              },
              {
                key: 'level',
                label: f('securityLevel'),
                children: (
                  <LevelTag
                    level={review.attributes.securityLevel}
                    subLevel={review.attributes.securitySubLevel}
                  />
                ),
              },
              {
                key: 'effective',
                label: t('security.reviews.effectiveLevel'),
                children: <LevelTag level={review.attributes.effectiveLevel} />,
              },
              {
                key: 'category',
                label: f('category'),
                children: <CategoryTag category={review.attributes.category} />,
              },
              {
                key: 'changed',
                label: t('security.reviews.changed'),
                children: review.changed.length
                  ? review.changed.map((field) => fieldLabel(t, field)).join('、')
                  : t('security.reviews.changedNone'),
              },
              {
                key: 'shareType',
                label: f('shareType'),
                children: <AccessTag kind="share" type={review.attributes.shareType} />,
              },
              {
                key: 'shareMethods',
                label: f('shareMethods'),
                children: list(review.attributes.shareMethods, 'shareMethods'),
              },
              {
                key: 'shareCondition',
                label: f('shareCondition'),
                span: 2,
                children: review.attributes.shareCondition ?? '—',
              },
              {
                key: 'openType',
                label: f('openType'),
                children: <AccessTag kind="open" type={review.attributes.openType} />,
              },
              {
                key: 'openMethods',
                label: f('openMethods'),
                children: list(review.attributes.openMethods, 'openMethods'),
              },
              {
                key: 'openCondition',
                label: f('openCondition'),
                span: 2,
                children: review.attributes.openCondition ?? '—',
              },
              ...(review.reasons
                ? [
                    {
                      key: 'reasons',
                      label: t('security.reviews.reasons'),
                      span: 2,
                      children: review.reasons,
                    },
                  ]
                : []),
            ]}
          />
          <Table
            size="small"
            rowKey="fieldName"
            pagination={false}
            dataSource={review.attributes.items}
            columns={[
              { title: t('catalog.item.name'), dataIndex: 'name' },
              { title: t('catalog.item.fieldName'), dataIndex: 'fieldName' },
              {
                title: t('catalog.item.securityLevel'),
                key: 'level',
                render: (_: unknown, item) => (
                  <>
                    <LevelTag level={item.securityLevel} />
                    {item.category && <CategoryTag category={item.category} />}
                  </>
                ),
              },
              {
                title: t('catalog.item.sensitivity'),
                dataIndex: 'sensitivity',
                render: (code: string) => labels.term('sensitivities', code),
              },
            ]}
          />
          {review.canDecide && (
            <Form<DecisionForm> form={form} layout="vertical" onFinish={(values) => decide.mutate(values)}>
              <Form.Item
                name="outcome"
                label={t('security.reviews.outcome')}
                rules={[
                  {
                    required: true,
                    message: t('common.requiredSelect', { field: t('security.reviews.outcome') }),
                  },
                ]}
              >
                <Radio.Group data-testid="review-outcome">
                  <Radio value="passed">{t('security.reviews.outcome.passed')}</Radio>
                  <Radio value="not_passed">{t('security.reviews.outcome.not_passed')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item noStyle shouldUpdate={(a, b) => a.outcome !== b.outcome}>
                {({ getFieldValue }) => (
                  <Form.Item
                    name="reasons"
                    label={t('security.reviews.reasons')}
                    rules={
                      getFieldValue('outcome') === 'not_passed'
                        ? [
                            {
                              required: true,
                              whitespace: true,
                              message: t('security.reviews.reasonsRequired'),
                            },
                          ]
                        : []
                    }
                  >
                    <Input.TextArea
                      maxLength={2000}
                      autoSize={{ minRows: 2, maxRows: 6 }}
                      placeholder={t('security.reviews.reasonsPlaceholder')}
                    />
                  </Form.Item>
                )}
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={decide.isPending} data-testid="review-submit">
                {t('common.save')}
              </Button>
            </Form>
          )}
          <div>
            <Typography.Title level={5}>{t('security.reviews.history')}</Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={review.history}
              columns={[
                { title: 'v', dataIndex: 'revisionNumber', width: 50 },
                { title: t('security.reviews.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
                {
                  title: t('security.reviews.state'),
                  dataIndex: 'state',
                  render: (s) => <ReviewStateTag state={s} />,
                },
                {
                  title: t('security.reviews.decidedBy'),
                  dataIndex: 'decidedByName',
                  render: (v) => v ?? '—',
                },
                { title: t('security.reviews.reasons'), dataIndex: 'reasons', render: (v) => v ?? '—' },
              ]}
            />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
