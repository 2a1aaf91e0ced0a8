import {
  AlertOutlined,
  AppstoreOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  CommentOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EyeInvisibleOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FileSearchOutlined,
  FormOutlined,
  FundOutlined,
  GlobalOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  IssuesCloseOutlined,
  KeyOutlined,
  LockOutlined,
  MessageOutlined,
  MonitorOutlined,
  OrderedListOutlined,
  PartitionOutlined,
  ProjectOutlined,
  RadarChartOutlined,
  SafetyOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  ExceptionOutlined,
  FileProtectOutlined,
  SearchOutlined,
  SendOutlined,
  SettingOutlined,
  ShareAltOutlined,
  SolutionOutlined,
  SyncOutlined,
  TableOutlined,
  TeamOutlined,
  UnlockOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/index.tsx';

/** Modules that are planned but not built yet; their menu entries lead to a "coming soon" page. */
export type FutureModule = 'catalog' | 'aggregation' | 'sharing' | 'opening' | 'security' | 'oversight';

export interface NavItem {
  /** Route path (also the menu key); groups use a key that is not a route. */
  key: string;
  label: MessageKey;
  icon: ReactNode;
  /** Needed to see the entry; undefined means every signed-in user. */
  permission?: string;
  /** Enough to see the entry: one of these (pages two rights reach). */
  anyPermission?: readonly string[];
  future?: FutureModule;
  /** Shown only where the profile requires this procedure (e.g. the authority opens shares, SC §25). */
  procedure?: string;
  children?: NavItem[];
}

// Government staff (anyone who can read the organisation) see the planned modules.
const STAFF = 'org.read';

export const NAVIGATION: NavItem[] = [
  { key: '/console', label: 'menu.home', icon: <HomeOutlined /> },
  {
    key: 'catalog',
    label: 'menu.catalog',
    icon: <BookOutlined />,
    children: [
      {
        key: '/console/catalog/resources',
        label: 'catalog.menu.resources',
        icon: <FormOutlined />,
        permission: 'catalog.compile',
      },
      {
        key: '/console/catalog/submissions',
        label: 'catalog.menu.submissions',
        icon: <SendOutlined />,
        permission: 'catalog.compile',
      },
      {
        key: '/console/catalog/review',
        label: 'catalog.menu.review',
        icon: <FileDoneOutlined />,
        permission: 'catalog.review',
      },
      {
        key: '/console/catalog/versions',
        label: 'catalog.menu.versions',
        icon: <HistoryOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/console/catalog/search',
        label: 'catalog.menu.search',
        icon: <SearchOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/console/catalog/demands',
        label: 'catalog.menu.demands',
        icon: <InboxOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/console/catalog/duties',
        label: 'catalog.menu.duties',
        icon: <OrderedListOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/console/catalog/updates',
        label: 'catalog.menu.updates',
        icon: <SyncOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/console/catalog/supplements',
        label: 'catalog.menu.supplements',
        icon: <PartitionOutlined />,
        permission: 'catalog.review',
      },
      {
        key: '/console/catalog/projects',
        label: 'catalog.menu.projects',
        icon: <ProjectOutlined />,
        permission: 'catalog.read',
      },
      {
        key: '/console/catalog/quality',
        label: 'catalog.menu.quality',
        icon: <DashboardOutlined />,
        permission: 'catalog.read',
      },
    ],
  },
  {
    key: 'aggregation',
    label: 'menu.aggregation',
    icon: <DatabaseOutlined />,
    children: [
      { key: '/console/pools', label: 'pools.menu.tables', icon: <TableOutlined />, permission: 'pool.read' },
      {
        key: '/console/pools/quality',
        label: 'poolQuality.menu',
        icon: <FundOutlined />,
        permission: 'pool.read',
      },
      {
        key: '/console/pools/base',
        label: 'pools.menu.base',
        icon: <ClusterOutlined />,
        permission: 'pool.read',
      },
    ],
  },
  {
    key: 'sharing',
    label: 'menu.sharing',
    icon: <ShareAltOutlined />,
    children: [
      {
        key: '/console/sharing/requests',
        label: 'sharing.menu.requests',
        icon: <SendOutlined />,
        permission: 'share.request',
      },
      {
        key: '/console/sharing/inbox',
        label: 'sharing.menu.inbox',
        icon: <InboxOutlined />,
        permission: 'share.answer',
      },
      {
        key: '/console/sharing/opening',
        label: 'sharing.menu.opening',
        icon: <UnlockOutlined />,
        permission: 'share.grant.open',
        procedure: 'conditionalShareAuthorityGrant',
      },
      {
        key: '/console/sharing/grants',
        label: 'sharing.menu.grants',
        icon: <SafetyOutlined />,
        permission: 'share.read',
      },
      {
        key: '/console/sharing/disputes',
        label: 'sharing.menu.disputes',
        icon: <IssuesCloseOutlined />,
        permission: 'share.read',
      },
      {
        key: '/console/sharing/alerts',
        label: 'sharing.menu.alerts',
        icon: <MonitorOutlined />,
        permission: 'share.read',
      },
    ],
  },
  {
    key: 'opening',
    label: 'menu.opening',
    icon: <GlobalOutlined />,
    children: [
      {
        key: '/console/opening/applications',
        label: 'opening.menu.applications',
        icon: <FileDoneOutlined />,
        permission: 'open.application.read',
      },
      {
        key: '/console/opening/agreements',
        label: 'opening.menu.agreements',
        icon: <FileProtectOutlined />,
        permission: 'open.application.read',
      },
      {
        key: '/console/opening/statistics',
        label: 'oversight.menu.statistics',
        icon: <FundOutlined />,
        permission: 'open.statistics.read',
      },
      {
        key: '/console/opening/objections',
        label: 'oversight.menu.objections',
        icon: <IssuesCloseOutlined />,
        permission: 'open.objection.read',
      },
      {
        key: '/console/opening/emergencies',
        label: 'oversight.menu.emergencies',
        icon: <AlertOutlined />,
        permission: 'open.emergency.read',
      },
      {
        key: '/console/opening/breaches',
        label: 'supervision.menu.breaches',
        icon: <ExceptionOutlined />,
        permission: 'open.application.read',
      },
      {
        key: '/console/opening/requests',
        label: 'participation.menu.requests',
        icon: <MessageOutlined />,
        anyPermission: ['open.participation.answer', 'open.participation.manage'],
      },
      {
        key: '/console/opening/comments',
        label: 'participation.menu.comments',
        icon: <CommentOutlined />,
        anyPermission: ['open.participation.answer', 'open.participation.manage'],
      },
      {
        key: '/console/opening/showcase',
        label: 'participation.menu.showcase',
        icon: <AppstoreOutlined />,
        permission: 'open.participation.manage',
      },
      {
        key: '/console/opening/contributions',
        label: 'participation.menu.contributions',
        icon: <CloudUploadOutlined />,
        permission: 'open.contribution.review',
      },
    ],
  },
  {
    key: 'security',
    label: 'menu.security',
    icon: <SafetyCertificateOutlined />,
    children: [
      {
        key: '/console/security/reviews',
        label: 'security.menu.reviews',
        icon: <FileProtectOutlined />,
        permission: 'security.review.read',
      },
      {
        key: '/console/security/masking',
        label: 'masking.menu',
        icon: <EyeInvisibleOutlined />,
        permission: 'security.masking.read',
      },
      {
        key: '/console/security/encryption',
        label: 'encryption.menu',
        icon: <LockOutlined />,
        permission: 'security.encryption.read',
      },
      {
        key: '/console/security/signing',
        label: 'signing.menu',
        icon: <SafetyOutlined />,
      },
      {
        key: '/console/security/incidents',
        label: 'security.menu.incidents',
        icon: <AlertOutlined />,
        permission: 'security.incident.read',
      },
      {
        key: '/console/security/plans',
        label: 'security.menu.plans',
        icon: <ScheduleOutlined />,
        permission: 'security.incident.read',
      },
      {
        key: '/console/security/assessments',
        label: 'security.menu.assessments',
        icon: <RadarChartOutlined />,
        permission: 'security.incident.read',
      },
      {
        key: '/console/security/expert',
        label: 'security.menu.expert',
        icon: <SolutionOutlined />,
        permission: 'security.assessment.opinion',
      },
    ],
  },
  {
    key: '/console/oversight',
    label: 'menu.oversight',
    icon: <AuditOutlined />,
    permission: STAFF,
    future: 'oversight',
  },
  {
    key: 'org',
    label: 'menu.org',
    icon: <ApartmentOutlined />,
    children: [
      {
        key: '/console/org/regions',
        label: 'menu.regions',
        icon: <EnvironmentOutlined />,
        permission: 'org.read',
      },
      {
        key: '/console/org/departments',
        label: 'menu.departments',
        icon: <BankOutlined />,
        permission: 'org.read',
      },
      {
        key: '/console/org/users',
        label: 'menu.users',
        icon: <TeamOutlined />,
        permission: 'org.user.manage',
      },
    ],
  },
  { key: '/console/api-keys', label: 'menu.apiKeys', icon: <KeyOutlined />, permission: 'apikey.manage' },
  { key: '/console/audit', label: 'menu.audit', icon: <FileSearchOutlined />, permission: 'audit.read' },
  { key: '/console/settings', label: 'menu.settings', icon: <SettingOutlined />, permission: 'self.manage' },
];

/**
 * The entries a user may see: a group shows when at least one of its children does; an entry of a
 * procedure only where `required` says the profile requires it.
 */
export function visibleNavigation(
  can: (permission: string) => boolean,
  items = NAVIGATION,
  required: (procedure: string) => boolean = () => false,
): NavItem[] {
  const visible: NavItem[] = [];
  for (const item of items) {
    if (item.children) {
      const children = visibleNavigation(can, item.children, required);
      if (children.length > 0) visible.push({ ...item, children });
    } else if (
      (!item.permission || can(item.permission)) &&
      (!item.anyPermission || item.anyPermission.some(can)) &&
      (!item.procedure || required(item.procedure))
    ) {
      visible.push(item);
    }
  }
  return visible;
}

/** The menu entry a path belongs to (longest matching route), with its group. */
export function findNavEntry(pathname: string): { item: NavItem; group?: NavItem } | undefined {
  let best: { item: NavItem; group?: NavItem } | undefined;
  const consider = (item: NavItem, group?: NavItem) => {
    const matches = pathname === item.key || pathname.startsWith(`${item.key}/`);
    if (matches && (!best || item.key.length > best.item.key.length)) best = { item, group };
  };
  for (const item of NAVIGATION) {
    if (item.children) item.children.forEach((child) => consider(child, item));
    else consider(item);
  }
  return best;
}
