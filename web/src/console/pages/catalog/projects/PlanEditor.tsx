import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { NamePath } from 'antd/es/form/interface.js';
import { Alert, App, Button, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import type { FormListFieldData } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ACCESS_TYPES, type CatalogProfile, type Vocabulary } from '../../../../api/catalog.ts';
import { projectKeys, projectsApi, type ProjectDetail } from '../../../../api/catalog-projects.ts';
import { ApiError } from '../../../../api/client.ts';
import { useI18n } from '../../../../i18n/index.tsx';
import { errorText } from '../../../../lib/problems.ts';
import { invalidateCatalog, useCatalogLabels } from '../meta.tsx';
import { ClassSelect } from './ClassSelect.tsx';
import { blankRow, formOf, groupByField, plannedOf, type PlanForm, type PlanRow } from './planModel.ts';
import { PlanRowDetails } from './PlanRowDetails.tsx';
import { problemPlace } from './projectMeta.tsx';

const CELL = { margin: 0 };

/**
 * 预编目录清单 editor (the owner department, while the project is registered): the planned resources
 * in an editable table, each row opening onto its information items, legal bases and note. An
 * incomplete plan may be saved; what approval still misses shows beside its cell (in yellow), what
 * the server refuses when saving beside its cell (in red).
 */
export function PlanEditor({
  project,
  vocabulary,
  profile,
}: {
  project: ProjectDetail;
  vocabulary: Vocabulary;
  profile: CatalogProfile;
}) {
  const { t, lang } = useI18n();
  const labels = useCatalogLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PlanForm>();
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<{ title: string; list: string[] } | null>(null);
  // Rows are open unless folded by the user, so that every cell can show its message.
  const [folded, setFolded] = useState<Set<number>>(new Set());
  const marked = useRef<{ warnings: NamePath[]; errors: NamePath[] }>({ warnings: [], errors: [] });

  // What approval misses, beside each cell as a warning (yellow); renewed whenever the server answers.
  useEffect(() => {
    const { fields } = project.catalogRule.required ? groupByField(project.catalogProblems) : { fields: [] };
    form.setFields([
      ...marked.current.warnings.map((name) => ({ name, warnings: [] })),
      ...fields.map((field) => ({ name: field.name as NamePath, warnings: field.messages })),
    ]);
    marked.current.warnings = fields.map((field) => field.name);
  }, [form, project.catalogProblems, project.catalogRule.required]);

  const names = () =>
    ((form.getFieldValue('plannedResources') as PlanRow[] | undefined) ?? []).map((row) => row.name);

  const save = async () => {
    form.setFields(marked.current.errors.map((name) => ({ name, errors: [] })));
    marked.current.errors = [];
    let values: PlanForm;
    try {
      values = await form.validateFields();
    } catch {
      message.error(t('common.formInvalid'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const saved = await projectsApi.saveCatalog(project.id, plannedOf(values));
      queryClient.setQueryData(projectKeys.detail(project.id), saved);
      form.setFieldsValue(formOf(saved.plannedResources));
      await invalidateCatalog(queryClient);
      setDirty(false);
      message.success(t('common.saved'));
    } catch (error) {
      const problems = error instanceof ApiError ? error.errors : [];
      const { fields, unplaced } = groupByField(problems);
      form.setFields(fields.map((field) => ({ name: field.name as NamePath, errors: field.messages })));
      marked.current.errors = fields.map((field) => field.name);
      setFolded(new Set());
      setProblem({
        title: errorText(error, t),
        list: unplaced.map((p) => [problemPlace(t, p.path, names()), p.message].filter(Boolean).join('：')),
      });
    } finally {
      setBusy(false);
    }
  };

  const accessOptions = (kind: 'share' | 'open') =>
    ACCESS_TYPES.map((type) => ({ value: type, label: labels.access(kind, type) }));
  const cycleOptions = vocabulary.updateCycles.map((term) => ({
    value: term.code,
    label: term.name?.[lang] ?? term.code,
  }));

  return (
    <Form<PlanForm>
      form={form}
      name="plan"
      layout="vertical"
      initialValues={formOf(project.plannedResources)}
      onValuesChange={() => setDirty(true)}
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblem(null) }}
          style={{ marginBottom: 12 }}
          title={problem.title}
          description={
            problem.list.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problem.list.map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            )
          }
          data-testid="plan-problem"
        />
      )}
      <Form.List name="plannedResources">
        {(fields, { add, remove }) => (
          <>
            <Table<FormListFieldData>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 980 }}
              locale={{ emptyText: t('catalog.projects.plan.empty') }}
              data-testid="plan-table"
              expandable={{
                expandedRowKeys: fields.map((field) => field.key).filter((key) => !folded.has(key)),
                onExpand: (open, field) =>
                  setFolded((before) => {
                    const next = new Set(before);
                    if (open) next.delete(field.key);
                    else next.add(field.key);
                    return next;
                  }),
                expandedRowRender: (field) => (
                  <PlanRowDetails row={field.name} vocabulary={vocabulary} profile={profile} />
                ),
              }}
              columns={[
                { title: '#', key: 'index', width: 40, render: (_: unknown, __, index) => index + 1 },
                {
                  title: t('catalog.field.name'),
                  key: 'name',
                  width: 220,
                  render: (_: unknown, field) => (
                    <Form.Item
                      name={[field.name, 'name']}
                      style={CELL}
                      rules={[
                        {
                          validator: async (_, value: string | null | undefined) => {
                            const name = value?.trim();
                            const first = names().findIndex((other) => other?.trim() === name);
                            if (name && first >= 0 && first < field.name)
                              throw new Error(t('catalog.projects.plan.nameTaken', { row: first + 1 }));
                          },
                        },
                      ]}
                    >
                      <Input maxLength={200} placeholder={t('catalog.projects.plan.namePlaceholder')} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.field.class'),
                  key: 'classCode',
                  width: 220,
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'classCode']} style={CELL}>
                      <ClassSelect />
                    </Form.Item>
                  ),
                },
                ...(['share', 'open'] as const).map((kind) => ({
                  title: t(kind === 'share' ? 'catalog.field.shareType' : 'catalog.field.openType'),
                  key: `${kind}Type`,
                  width: 140,
                  render: (_: unknown, field: FormListFieldData) => (
                    <Form.Item name={[field.name, `${kind}Type`]} style={CELL}>
                      <Select
                        allowClear
                        options={accessOptions(kind)}
                        popupMatchSelectWidth={false}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  ),
                })),
                {
                  title: t('catalog.field.updateCycle'),
                  key: 'updateCycle',
                  width: 110,
                  render: (_: unknown, field) => (
                    <Form.Item name={[field.name, 'updateCycle']} style={CELL}>
                      <Select
                        allowClear
                        options={cycleOptions}
                        popupMatchSelectWidth={false}
                        showSearch={{ optionFilterProp: 'label' }}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('catalog.field.items'),
                  key: 'items',
                  width: 80,
                  render: (_: unknown, field) => (
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const count = (
                          (form.getFieldValue(['plannedResources', field.name, 'items']) as unknown[]) ?? []
                        ).length;
                        return <Tag color={count > 0 ? 'blue' : 'default'}>{count}</Tag>;
                      }}
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  key: 'actions',
                  width: 44,
                  fixed: 'right',
                  render: (_: unknown, field) => (
                    <Button
                      type="text"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('catalog.projects.plan.remove')}
                      onClick={() => remove(field.name)}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              style={{ marginTop: 12 }}
              onClick={() => add(blankRow())}
              data-testid="plan-add"
            >
              {t('catalog.projects.plan.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex gap={12} align="center" justify="flex-end" style={{ marginTop: 16 }}>
        {dirty && <Typography.Text type="warning">{t('catalog.projects.plan.unsaved')}</Typography.Text>}
        <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={save} data-testid="plan-save">
          {t('catalog.projects.plan.save')}
        </Button>
      </Flex>
    </Form>
  );
}
