import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Empty, Form, Input, Modal, Select, Table, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ResourceSummary } from '../../../../api/catalog.ts';
import type { UpdateRequest } from '../../../../api/catalog-updates.ts';
import { api, ApiError } from '../../../../api/client.ts';
import type { Page } from '../../../../api/types.ts';
import { useI18n, type Translate } from '../../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';
import { useDebounced } from '../../../../lib/useDebounced.ts';
import { invalidateCatalog, StateTag } from '../meta.tsx';
import { ruleText, useUpdatesProfile } from './shared.tsx';

interface Values {
  removalIds?: string[];
  removalNote?: string;
  note?: string;
}

/** Every message of a refusal: each field problem (they name the resource), or the detail. */
function problemsOf(error: unknown, t: Translate): string[] {
  if (error instanceof ApiError && error.errors.length > 0) return error.errors.map((p) => p.message);
  return [errorText(error, t)];
}

/** The department's resources in one revision state (drafts or returned ones), up to a page of 200. */
function useResources(departmentId: string, revisionState: string) {
  return useQuery({
    queryKey: ['catalog', 'resources', 'answer', departmentId, revisionState],
    queryFn: ({ signal }) =>
      api.get<Page<ResourceSummary>>(
        '/catalog/resources',
        { departmentId, revisionState, pageSize: 200, sort: 'code' },
        { signal },
      ),
  });
}

/**
 * 提交更新清单: the department answers an update request by submitting the drafts it changed (and,
 * if its duties shrank, asking to withdraw published resources) with `updateCaseId`
 * (POST /catalog/submissions). That closes the request as filed and opens the authority's review
 * with the profile's update-review deadline.
 */
export function AnswerModal({ request, onClose }: { request: UpdateRequest; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const review = useUpdatesProfile().data?.deadlines.catalogUpdateReview;
  const departmentId = request.department.id;
  const drafts = useResources(departmentId, 'draft');
  const returned = useResources(departmentId, 'returned');
  const candidates = [...(drafts.data?.items ?? []), ...(returned.data?.items ?? [])].filter(
    (row) => row.status !== 'withdrawn',
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [form] = Form.useForm<Values>();
  const removalIds = Form.useWatch('removalIds', form) ?? [];
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const published = useQuery({
    queryKey: ['catalog', 'resources', 'answer', departmentId, 'published', q],
    queryFn: ({ signal }) =>
      api.get<Page<ResourceSummary>>(
        '/catalog/resources',
        { departmentId, status: 'published', q, pageSize: 50, sort: 'code' },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
  // Keep the names of chosen resources while the search shows other ones.
  const labels = useRef(new Map<string, string>());
  for (const row of published.data?.items ?? []) labels.current.set(row.id, `${row.code} ${row.name}`);
  const removalOptions = [
    ...removalIds
      .filter((id) => !published.data?.items.some((row) => row.id === id))
      .map((id) => ({ value: id, label: labels.current.get(id) ?? id })),
    ...(published.data?.items ?? []).map((row) => ({ value: row.id, label: `${row.code} ${row.name}` })),
  ];
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (selected.length === 0 && (values.removalIds ?? []).length === 0) {
      setProblems([t('catalog.updates.answerNothing')]);
      return;
    }
    setBusy(true);
    setProblems([]);
    try {
      const note = values.note?.trim();
      await api.post('/catalog/submissions', {
        resourceIds: selected,
        removals: (values.removalIds ?? []).map((resourceId) => ({
          resourceId,
          note: values.removalNote!.trim(),
        })),
        ...(note ? { note } : {}),
        updateCaseId: request.id,
      });
      message.success(t('catalog.updates.answered'));
      await invalidateCatalog(queryClient);
      onClose();
    } catch (error) {
      setProblems(problemsOf(error, t));
    } finally {
      setBusy(false);
    }
  };

  const loading = drafts.isLoading || returned.isLoading;
  const loadError = drafts.error ?? returned.error;
  return (
    <Modal
      open
      title={t('catalog.updates.answerTitle', { department: request.department.name })}
      okText={t('catalog.updates.answerOk')}
      okButtonProps={{ 'data-testid': 'answer-confirm' } as Record<string, string>}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      mask={{ closable: false }}
      width={780}
    >
      <Typography.Paragraph type="secondary">
        {t('catalog.updates.answerText', {
          basis: request.basis ?? request.reason,
          due: formatDate(request.dueOn) || t('catalog.updates.noDeadline'),
        })}
        {review && ` ${t('catalog.updates.answerReview', { rule: ruleText(t, review) ?? '' })}`}
      </Typography.Paragraph>
      {(problems.length > 0 || loadError) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            loadError
              ? errorText(loadError, t)
              : problems.length === 1
                ? problems[0]
                : t('catalog.submitRefused')
          }
          description={
            !loadError && problems.length > 1 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="answer-problem"
        />
      )}
      <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
        {t('catalog.updates.answerDrafts')}
      </Typography.Text>
      <Table<ResourceSummary>
        size="small"
        rowKey="id"
        bordered
        pagination={false}
        loading={loading}
        scroll={{ y: 240 }}
        style={{ marginBottom: 16 }}
        dataSource={candidates}
        data-testid="answer-drafts"
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => {
            setSelected(keys.map(String));
            setProblems([]);
          },
        }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.updates.answerNoDrafts')}>
              <Button icon={<EditOutlined />} onClick={() => navigate('/console/catalog/resources')}>
                {t('catalog.updates.toResources')}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: t('catalog.field.code'),
            dataIndex: 'code',
            width: 130,
            render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
          },
          { title: t('catalog.field.name'), dataIndex: 'name' },
          {
            title: t('catalog.state'),
            key: 'state',
            width: 90,
            render: (_: unknown, row) => <StateTag status={row.status} revisionState={row.revisionState} />,
          },
          {
            title: t('catalog.field.updatedAt'),
            dataIndex: 'updatedAt',
            width: 140,
            render: formatDateTime,
          },
        ]}
      />
      {candidates.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: -8 }}>
          {t('catalog.updates.answerEditHint')}{' '}
          <Typography.Link onClick={() => navigate('/console/catalog/resources')}>
            {t('catalog.updates.toResources')}
          </Typography.Link>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" name="answer" initialValues={{ note: request.basis ?? '' }}>
        <Form.Item
          name="removalIds"
          label={`${t('catalog.updates.answerRemovals')}（${t('common.optional')}）`}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
            loading={published.isFetching}
            placeholder={t('catalog.updates.answerRemovalsPlaceholder')}
            notFoundContent={published.isFetching ? t('app.loading') : t('common.empty')}
            options={removalOptions}
          />
        </Form.Item>
        {removalIds.length > 0 && (
          <Form.Item
            name="removalNote"
            label={t('catalog.removalReason')}
            rules={[{ required: true, whitespace: true, message: t('catalog.removalReasonRequired') }]}
          >
            <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 4 }} />
          </Form.Item>
        )}
        <Form.Item name="note" label={`${t('catalog.submitNote')}（${t('common.optional')}）`}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
