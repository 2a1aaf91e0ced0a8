import { ArrowLeftOutlined, CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { projectKeys, projectsApi, type ProjectDetail } from '../../../../api/catalog-projects.ts';
import { ApiError } from '../../../../api/client.ts';
import { useSession } from '../../../../auth/session.tsx';
import { FullPageSpin } from '../../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';
import { invalidateCatalog, useCatalogProfile, useVocabulary } from '../meta.tsx';
import { AcceptancePanel } from './AcceptancePanel.tsx';
import { RejectModal } from './DecisionModals.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanView } from './PlanView.tsx';
import { formatBudget, problemPlace, ProjectStateTag, useProject } from './projectMeta.tsx';

// Roles that see every project of their region, and so its acceptance report (as the server decides).
const OVERSEERS = ['authority_officer', 'auditor', 'platform_admin'];

/** A list of problems, each with where it is in the plan. */
function ProblemList({ problems, project }: { problems: ApiError['errors']; project: ProjectDetail }) {
  const { t } = useI18n();
  const names = project.plannedResources.map((row) => row.name);
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {problems.map((problem, i) => {
        const place = problemPlace(t, problem.path, names);
        return <li key={i}>{place ? `${place}：${problem.message}` : problem.message}</li>;
      })}
    </ul>
  );
}

/**
 * 项目详情: one IT project — its facts and decisions, the pre-compiled catalog (edited by the owner
 * while registered, read-only after), what approval still misses, the authority's approve / reject,
 * and after approval the acceptance check with links and acceptance.
 */
export default function ProjectDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { info, can } = useSession();
  const { modal, message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const project = useProject(id);
  const vocabulary = useVocabulary();
  const profile = useCatalogProfile();
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [rejecting, setRejecting] = useState(false);

  const failed = [project, vocabulary, profile].find((query) => query.isError);
  if (failed) return <QueryError error={failed.error} onRetry={() => failed.refetch()} />;
  if (!project.data || !vocabulary.data || !profile.data) return <FullPageSpin fullHeight={false} />;
  const p = project.data;
  const role = info?.user.role ?? '';
  const owner =
    can('catalog.compile') && !!info?.user.departmentId && info.user.departmentId === p.department.id;
  const authority = can('catalog.project.manage');
  const registered = p.state === 'registered';
  const published = p.state === 'approved' || p.state === 'accepted';
  const rule = p.catalogRule;

  const approve = () =>
    modal.confirm({
      title: t('catalog.projects.approve.title', { name: p.name }),
      content: t('catalog.projects.approve.content'),
      okText: t('catalog.projects.approve.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'approve-confirm' } as Record<string, string>,
      onOk: async () => {
        setRefusal(null);
        try {
          const next = await projectsApi.approve(p.id);
          queryClient.setQueryData(projectKeys.detail(p.id), next);
          await invalidateCatalog(queryClient);
          message.success(t('catalog.projects.approve.done'));
        } catch (error) {
          // The refusal (e.g. the catalog is incomplete, citing the profile's article) stays on the page.
          setRefusal(
            error instanceof ApiError ? error : new ApiError({ status: 0, code: 'network', detail: '' }),
          );
        }
      },
    });

  return (
    <>
      <PageHeader
        title={p.name}
        description={t('catalog.projects.detail.description')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/catalog/projects')}>
              {t('common.back')}
            </Button>
            {authority && registered && (
              <>
                <Button
                  danger
                  icon={<CloseOutlined />}
                  onClick={() => setRejecting(true)}
                  data-testid="project-reject"
                >
                  {t('catalog.projects.reject')}
                </Button>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={approve}
                  data-testid="project-approve"
                >
                  {t('catalog.projects.approve')}
                </Button>
              </>
            )}
          </>
        }
      />
      {refusal && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          style={{ marginBottom: 16 }}
          title={errorText(refusal, t)}
          description={refusal.errors.length > 0 && <ProblemList problems={refusal.errors} project={p} />}
          data-testid="decision-problem"
        />
      )}
      {p.rejection && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.projects.rejected', {
            at: formatDateTime(p.rejection.at),
            by: p.rejection.byName,
          })}
          description={t('catalog.projects.rejectedReason', { reason: p.rejection.reason })}
          data-testid="project-rejection"
        />
      )}
      <Card title={t('catalog.projects.detail.facts')} style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={t('catalog.projects.field.code')}>
            <Typography.Text code data-testid="project-code">
              {p.code}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.state')}>
            <ProjectStateTag state={p.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.projects.field.kind')}>
            {t(`catalog.projects.kind.${p.kind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.projects.field.department')}>
            {p.department.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.projects.field.budget')}>
            {p.budget === null ? '—' : `${formatBudget(p.budget, lang)} ${t('catalog.projects.yuan')}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.projects.registered')}>
            {`${formatDateTime(p.createdAt)} · ${p.registeredByName}`}
          </Descriptions.Item>
          {p.approval && (
            <Descriptions.Item label={t('catalog.projects.approved')}>
              {`${formatDateTime(p.approval.at)} · ${p.approval.byName}`}
            </Descriptions.Item>
          )}
          {p.acceptance && (
            <Descriptions.Item label={t('catalog.projects.accepted')}>
              {`${formatDateTime(p.acceptance.at)} · ${p.acceptance.byName}`}
            </Descriptions.Item>
          )}
          {p.description && (
            <Descriptions.Item label={t('catalog.projects.field.description')} span="filled">
              {p.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('catalog.projects.plan.title')}
        extra={
          <Typography.Text type="secondary">
            {rule.required
              ? t('catalog.projects.plan.rule', { article: rule.article ?? '' })
              : t('catalog.projects.plan.noRule')}
          </Typography.Text>
        }
        style={{ marginBottom: 16 }}
      >
        {registered && rule.required && (
          <Alert
            type={p.catalogProblems.length > 0 ? 'warning' : 'success'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              p.catalogProblems.length > 0
                ? t('catalog.projects.plan.missing', { count: p.catalogProblems.length })
                : t('catalog.projects.plan.complete')
            }
            description={
              p.catalogProblems.length > 0 && <ProblemList problems={p.catalogProblems} project={p} />
            }
            data-testid="plan-readiness"
          />
        )}
        {published && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('catalog.projects.plan.frozen')}
            data-testid="plan-frozen"
          />
        )}
        {owner && registered ? (
          <PlanEditor key={p.id} project={p} vocabulary={vocabulary.data} profile={profile.data} />
        ) : (
          <PlanView rows={p.plannedResources} />
        )}
      </Card>
      {published && (owner || OVERSEERS.includes(role) || info?.user.departmentId === p.department.id) && (
        <AcceptancePanel project={p} mayLink={owner} mayAccept={authority} />
      )}
      {rejecting && <RejectModal project={p} onClose={() => setRejecting(false)} />}
    </>
  );
}
