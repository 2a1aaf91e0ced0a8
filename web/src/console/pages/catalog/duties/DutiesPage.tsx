import { Card, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { DutyKind } from '../../../../api/catalog-duties.ts';
import { useSession } from '../../../../auth/session.tsx';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { DutyChangesPanel } from './DutyChangesPanel.tsx';
import { DutyList } from './DutyList.tsx';

type Tab = DutyKind | 'changes';
const TABS: readonly Tab[] = ['collect', 'open', 'changes'];

// Roles that read the lists of many departments (the server gives them their regions, or all).
const REGIONAL_ROLES = ['platform_admin', 'authority_officer', 'auditor'];

/**
 * 责任清单: a department's collection duties (采集责任清单, CQ19 §13) and open duties (开放责任清单,
 * CQO §16), derived from the published catalog, and what each catalog version changed in them. A
 * department sees its own lists; authorities and auditors pick a department of their regions or see all.
 */
export default function DutiesPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((candidate) => candidate === params.get('tab')) ?? 'collect';
  const regional = REGIONAL_ROLES.includes(info?.user.role ?? '');
  const [departmentId, setDepartmentId] = useState<string | undefined>();

  const toolbar = regional ? (
    <Space>
      <label htmlFor="duty-department">{t('catalog.duties.department')}</label>
      <DepartmentSelect
        id="duty-department"
        value={departmentId}
        onChange={setDepartmentId}
        placeholder={t('catalog.duties.allDepartments')}
        style={{ width: 280 }}
      />
    </Space>
  ) : (
    // Users of no department (e.g. experts) have no list of their own: the server answers an empty one.
    info?.user.departmentName && (
      <Space>
        <Typography.Text type="secondary">{t('catalog.duties.ownDepartment')}</Typography.Text>
        <Typography.Text strong data-testid="duty-own-department">
          {info.user.departmentName}
        </Typography.Text>
      </Space>
    )
  );
  // A new department starts its list again from the first page (the list keeps its filters otherwise).
  const list = (kind: DutyKind) => (
    <DutyList
      key={`${kind}:${departmentId ?? ''}`}
      kind={kind}
      departmentId={departmentId}
      grouped={regional && !departmentId}
      toolbar={toolbar}
    />
  );

  return (
    <>
      <PageHeader title={t('catalog.duties.title')} description={t('catalog.duties.description')} />
      <Card>
        <Tabs
          activeKey={tab}
          // One pane at a time: the lists share the department picker, whose id must be unique.
          destroyOnHidden
          onChange={(next) => setParams(next === 'collect' ? {} : { tab: next }, { replace: true })}
          items={TABS.map((key) => ({
            key,
            label: t(`catalog.duties.tab.${key}`),
            children: key === 'changes' ? <DutyChangesPanel /> : list(key),
          }))}
        />
      </Card>
    </>
  );
}
