import {
  ArrowLeftOutlined,
  DashboardOutlined,
  DeleteOutlined,
  DiffOutlined,
  HistoryOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import type { NamePath } from 'antd/es/form/interface.js';
import {
  Affix,
  Alert,
  Anchor,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Modal,
  Popover,
  Row,
  Tooltip,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { classPathIds, type ClassRef, type Resource } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { useSession } from '../../../auth/session.tsx';
import { FullPageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';
import { fieldLabel, DiffView } from './DiffView.tsx';
import { AccessSection, needsBasisFor } from './editor/AccessSection.tsx';
import { BasicSection } from './editor/BasicSection.tsx';
import { formOf, inputOf, newForm, placeServerErrors, type ResourceForm } from './editor/formModel.ts';
import { ItemsEditor } from './editor/ItemsEditor.tsx';
import { HistoryDrawer } from './HistoryDrawer.tsx';
import {
  StateTag,
  useCatalogProfile,
  useClasses,
  useResource,
  useVocabulary,
  invalidateCatalog,
} from './meta.tsx';
import { QualityPanel } from './QualityPanel.tsx';
import { RevisionView } from './RevisionView.tsx';
import { ResourceReviewState } from '../security/ResourceReviewState.tsx';
import { SubmitModal } from './SubmitModal.tsx';

const SUBMITTABLE = ['draft', 'returned'];

/**
 * 目录资源编辑: create a resource or edit its draft (starting from the published revision when there
 * is no draft). Read-only while a change is under review or after the resource was withdrawn.
 */
export default function ResourceEditorPage() {
  const { id } = useParams();
  return <ResourceEditor key={id ?? 'new'} id={id} />;
}

function ResourceEditor({ id }: { id: string | undefined }) {
  const { t } = useI18n();
  const { info } = useSession();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const resource = useResource(id);
  const vocabulary = useVocabulary();
  const profile = useCatalogProfile();
  const classes = useClasses();
  const [form] = Form.useForm<ResourceForm>();
  const [cls, setCls] = useState<ClassRef | undefined>();
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [problem, setProblem] = useState<{ title: string; list: string[] } | null>(null);
  const [dialog, setDialog] = useState<'diff' | 'history' | 'submit' | null>(null);
  // Fields showing the server's last refusal: their errors go when the user edits them or saves again.
  const serverErrors = useRef<NamePath[]>([]);
  const clearServerErrors = (only?: (name: NamePath) => boolean) => {
    const cleared = serverErrors.current.filter((name) => !only || only(name));
    if (cleared.length === 0) return;
    form.setFields(cleared.map((name) => ({ name, errors: [] })));
    serverErrors.current = serverErrors.current.filter((name) => !cleared.includes(name));
  };

  const failed = [resource, vocabulary, profile, classes].find((query) => query.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  if (!vocabulary.data || !profile.data || !classes.data || (id && !resource.data))
    return <FullPageSpin fullHeight={false} />;

  const current = resource.data;
  const revision = current?.draft ?? current?.published ?? null;
  const selectedClass = cls ?? revision?.class;
  const needsBasis = needsBasisFor(profile.data);
  const back = () => navigate('/console/catalog/resources');
  const readOnly = current ? current.underReview || current.status === 'withdrawn' : false;
  const draftState = current?.draft?.state;
  const chooseDepartment = !id && info?.user.role === 'authority_officer';

  const initialValues: ResourceForm = revision
    ? formOf(revision, classPathIds(classes.tree, revision.class.id))
    : {
        ...newForm(profile.data.catalog.securityLevels[0]?.code),
        departmentId: search.get('departmentId') ?? undefined,
      };

  const save = async () => {
    clearServerErrors();
    let values: ResourceForm;
    try {
      values = await form.validateFields();
    } catch {
      message.error(t('common.formInvalid'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const input = inputOf(values, needsBasis);
      const saved = id
        ? await api.put<Resource>(`/catalog/resources/${id}/draft`, input)
        : await api.post<Resource>('/catalog/resources', {
            ...input,
            ...(values.code?.trim() ? { code: values.code.trim() } : {}),
            ...(values.departmentId ? { departmentId: values.departmentId } : {}),
          });
      message.success(id ? t('common.saved') : t('catalog.created', { code: saved.code }));
      queryClient.setQueryData(['catalog', 'resource', saved.id], saved);
      await invalidateCatalog(queryClient);
      setDirty(false);
      if (!id) navigate(`/console/catalog/resources/${saved.id}`, { replace: true });
    } catch (error) {
      const { fields, unplaced } = placeServerErrors(error);
      form.setFields(fields);
      serverErrors.current = fields.map((field) => field.name);
      if (fields.length > 0) form.scrollToField(fields[0]!.name, { block: 'center' });
      // Problems no field shows (e.g. "at least one item") are listed above the form with their field.
      const list = unplaced.map((p) => {
        const head = p.path.replace(/^\/body\/?/, '').split('/')[0];
        return head ? `${fieldLabel(t, head)}：${p.message}` : p.message;
      });
      setProblem({ title: fields.length > 0 ? t('common.formInvalid') : errorText(error, t), list });
    } finally {
      setBusy(false);
    }
  };

  const discard = () =>
    modal.confirm({
      title: t('catalog.discardTitle'),
      content: current?.published ? t('catalog.discardText') : t('catalog.discardNewText'),
      okText: t('catalog.discard'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await api.delete(`/catalog/resources/${id}/draft`);
          message.success(t('catalog.discarded'));
          await invalidateCatalog(queryClient);
          if (!current?.published) back();
        } catch (error) {
          message.error(errorText(error, t));
        }
      },
    });

  const title = id ? (revision?.name ?? current?.code ?? '') : t('catalog.newResource');
  const canSubmit = !!current?.draft && SUBMITTABLE.includes(draftState ?? '') && !readOnly;

  return (
    <>
      <PageHeader
        title={title}
        description={current ? `${current.code} · ${current.provider.name}` : t('catalog.editorDescription')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={back}>
              {t('common.back')}
            </Button>
            {current?.published && (
              <Popover
                trigger="click"
                placement="bottomRight"
                title={t('catalog.quality.title')}
                content={
                  <div style={{ width: 480 }}>
                    <QualityPanel resourceId={current.id} />
                  </div>
                }
              >
                <Button icon={<DashboardOutlined />}>{t('catalog.quality.show')}</Button>
              </Popover>
            )}
            {current?.published && (
              <Button icon={<HistoryOutlined />} onClick={() => setDialog('history')}>
                {t('catalog.history')}
              </Button>
            )}
            {current?.draftChanges && (
              <Button icon={<DiffOutlined />} onClick={() => setDialog('diff')} data-testid="show-diff">
                {t('catalog.showDiff')}
              </Button>
            )}
            {current?.draft && !readOnly && (
              <Button danger icon={<DeleteOutlined />} onClick={discard}>
                {t('catalog.discard')}
              </Button>
            )}
            {canSubmit && (
              <Tooltip title={dirty ? t('catalog.saveFirst') : undefined}>
                <Button
                  icon={<SendOutlined />}
                  disabled={dirty}
                  onClick={() => setDialog('submit')}
                  data-testid="editor-submit"
                >
                  {t('catalog.submit')}
                </Button>
              </Tooltip>
            )}
          </>
        }
      />
      {current && (
        <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
          <StateTag
            status={current.status}
            revisionState={current.draft?.state ?? current.published?.state ?? 'draft'}
          />
          {current.published && !current.draft && !readOnly && (
            <Typography.Text type="secondary">{t('catalog.editFromPublished')}</Typography.Text>
          )}
          {draftState === 'returned' && (
            <Typography.Text type="danger">{t('catalog.returnedHint')}</Typography.Text>
          )}
        </Flex>
      )}
      {current?.status === 'published' && <ResourceReviewState resourceId={current.id} />}
      {current && readOnly && revision ? (
        <Flex vertical gap={16}>
          <Alert
            type={current.underReview ? 'warning' : 'info'}
            showIcon
            title={current.underReview ? t('catalog.underReview') : t('catalog.withdrawnNote')}
            data-testid="read-only-note"
          />
          <Card>
            <RevisionView
              revision={revision}
              code={current.code}
              provider={current.provider}
              firstPublishedAt={current.firstPublishedAt}
            />
          </Card>
        </Flex>
      ) : (
        <Row gutter={16}>
          <Col xs={24} xxl={20}>
            {problem && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                title={problem.title}
                description={
                  problem.list.length > 0 ? (
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {problem.list.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : undefined
                }
                data-testid="form-problem"
              />
            )}
            <Form<ResourceForm>
              form={form}
              name="resource"
              layout="vertical"
              initialValues={initialValues}
              onValuesChange={(changed: Partial<ResourceForm>) => {
                setDirty(true);
                const keys = Object.keys(changed);
                clearServerErrors(
                  (name) =>
                    keys.includes(Array.isArray(name) ? String(name[0]) : String(name)) &&
                    !Array.isArray(name),
                );
              }}
              scrollToFirstError={{ block: 'center' }}
            >
              <Flex vertical gap={16}>
                <BasicSection
                  vocabulary={vocabulary.data}
                  classes={classes.data}
                  tree={classes.tree}
                  code={current?.code ?? null}
                  chooseDepartment={chooseDepartment}
                  onClassChange={(next) => {
                    setCls(next);
                    const rule = profile.data.catalog.baseResourcesUnconditionallyShared;
                    if (next?.kind === 'base' && rule.required)
                      form.setFieldValue('shareType', 'unconditional');
                  }}
                />
                <ItemsEditor vocabulary={vocabulary.data} />
                <AccessSection
                  profile={profile.data}
                  vocabulary={vocabulary.data}
                  baseClass={selectedClass?.kind === 'base'}
                />
              </Flex>
            </Form>
            <Affix offsetBottom={0}>
              <Card size="small" style={{ marginTop: 16, boxShadow: '0 -2px 8px rgba(0,0,0,0.06)' }}>
                <Flex justify="space-between" align="center" gap={16} wrap>
                  <Typography.Text type="secondary">
                    {dirty ? t('catalog.unsaved') : t('catalog.saveHint')}
                  </Typography.Text>
                  <Flex gap={8}>
                    <Button onClick={back}>{t('common.cancel')}</Button>
                    <Button
                      type="primary"
                      icon={<SaveOutlined />}
                      loading={busy}
                      onClick={save}
                      data-testid="resource-save"
                    >
                      {id ? t('catalog.saveDraft') : t('catalog.createDraft')}
                    </Button>
                  </Flex>
                </Flex>
              </Card>
            </Affix>
          </Col>
          <Col xs={0} xxl={4}>
            <Anchor
              offsetTop={80}
              items={[
                { key: 'basic', href: '#section-basic', title: t('catalog.section.basic') },
                { key: 'items', href: '#section-items', title: t('catalog.section.items') },
                { key: 'share', href: '#section-share', title: t('catalog.section.share') },
                { key: 'open', href: '#section-open', title: t('catalog.section.open') },
                { key: 'security', href: '#section-security', title: t('catalog.section.security') },
              ]}
            />
          </Col>
        </Row>
      )}
      {dialog === 'diff' && current?.draftChanges && (
        <Modal open width={860} title={t('catalog.diffTitle')} footer={null} onCancel={() => setDialog(null)}>
          <Typography.Paragraph type="secondary">{t('catalog.diffText')}</Typography.Paragraph>
          <DiffView diff={current.draftChanges} />
        </Modal>
      )}
      <HistoryDrawer
        resourceId={dialog === 'history' && id ? id : null}
        title={title}
        onClose={() => setDialog(null)}
      />
      {dialog === 'submit' && current && (
        <SubmitModal
          resources={[{ id: current.id, code: current.code, name: revision?.name ?? current.code }]}
          onClose={() => setDialog(null)}
          onDone={() => queryClient.invalidateQueries({ queryKey: ['catalog', 'resource', id] })}
        />
      )}
    </>
  );
}
