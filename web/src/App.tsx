import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { Locale } from 'antd/es/locale/index.js';
import enUSModule from 'antd/locale/en_US.js';
import zhCNModule from 'antd/locale/zh_CN.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from './api/client.ts';
import { RequireAuth, RequirePermission } from './auth/guards.tsx';
import { SessionProvider } from './auth/session.tsx';
import { ConsoleLayout, SIDER_BG } from './console/ConsoleLayout.tsx';
import { NAVIGATION, type FutureModule } from './console/navigation.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { FullPageSpin } from './components/FullPageSpin.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';

// The locale modules are CommonJS as TypeScript sees them and ES modules as Vite bundles them.
function unwrapDefault<T>(module: unknown): T {
  return (module && typeof module === 'object' && 'default' in module ? module.default : module) as T;
}
const antdLocales = { 'zh-CN': unwrapDefault<Locale>(zhCNModule), en: unwrapDefault<Locale>(enUSModule) };

// Each page is its own chunk, loaded when first opened.
const LoginPage = lazy(() => import('./console/pages/LoginPage.tsx'));
const DashboardPage = lazy(() => import('./console/pages/DashboardPage.tsx'));
const RegionsPage = lazy(() => import('./console/pages/RegionsPage.tsx'));
const DepartmentsPage = lazy(() => import('./console/pages/DepartmentsPage.tsx'));
const UsersPage = lazy(() => import('./console/pages/UsersPage.tsx'));
const ApiKeysPage = lazy(() => import('./console/pages/ApiKeysPage.tsx'));
const AuditPage = lazy(() => import('./console/pages/AuditPage.tsx'));
const SettingsPage = lazy(() => import('./console/pages/SettingsPage.tsx'));
const CatalogResourcesPage = lazy(() => import('./console/pages/catalog/ResourcesPage.tsx'));
const CatalogEditorPage = lazy(() => import('./console/pages/catalog/ResourceEditorPage.tsx'));
const CatalogReviewPage = lazy(() => import('./console/pages/catalog/ReviewPage.tsx'));
const CatalogVersionsPage = lazy(() => import('./console/pages/catalog/VersionsPage.tsx'));
const CatalogSearchPage = lazy(() => import('./console/pages/catalog/SearchPage.tsx'));
const CatalogDemandsPage = lazy(() => import('./console/pages/catalog/demands/DemandsPage.tsx'));
const CatalogDutiesPage = lazy(() => import('./console/pages/catalog/duties/DutiesPage.tsx'));
const CatalogQualityPage = lazy(() => import('./console/pages/catalog/duties/QualityPage.tsx'));
const SecurityReviewsPage = lazy(() => import('./console/pages/security/ReviewsPage.tsx'));
const CatalogUpdatesPage = lazy(() => import('./console/pages/catalog/updates/UpdateRequestsPage.tsx'));
const CatalogSupplementsPage = lazy(() => import('./console/pages/catalog/updates/SupplementsPage.tsx'));
const CatalogProjectsPage = lazy(() => import('./console/pages/catalog/projects/ProjectsPage.tsx'));
const CatalogProjectPage = lazy(() => import('./console/pages/catalog/projects/ProjectDetailPage.tsx'));
const PoolTablesPage = lazy(() => import('./console/pages/pools/PoolTablesPage.tsx'));
const PoolTablePage = lazy(() => import('./console/pages/pools/PoolTablePage.tsx'));
const PoolQualityPage = lazy(() => import('./console/pages/pools/QualityPage.tsx'));
const MaskingPage = lazy(() => import('./console/pages/security/MaskingPage.tsx'));
const EncryptionPage = lazy(() => import('./console/pages/security/EncryptionPage.tsx'));
const SigningPage = lazy(() => import('./console/pages/security/SigningPage.tsx'));
const BaseDatabasesPage = lazy(() => import('./console/pages/pools/BaseDatabasesPage.tsx'));
const SecurityIncidentsPage = lazy(() => import('./console/pages/security/IncidentsPage.tsx'));
const SecurityPlansPage = lazy(() => import('./console/pages/security/PlansPage.tsx'));
const SecurityAssessmentsPage = lazy(() => import('./console/pages/security/AssessmentsPage.tsx'));
const ShareRequestsPage = lazy(() => import('./console/pages/sharing/RequestsPage.tsx'));
const ShareGrantsPage = lazy(() => import('./console/pages/sharing/GrantsPage.tsx'));
const ShareDisputesPage = lazy(() => import('./console/pages/sharing/DisputesPage.tsx'));
const ShareAlertsPage = lazy(() => import('./console/pages/sharing/AlertsPage.tsx'));
const OpenApplicationsPage = lazy(() => import('./console/pages/opening/ApplicationsPage.tsx'));
const OpenAgreementsPage = lazy(() => import('./console/pages/opening/AgreementsPage.tsx'));
const OpenStatisticsPage = lazy(() => import('./console/pages/opening/StatisticsPage.tsx'));
const OpenObjectionsPage = lazy(() => import('./console/pages/opening/ObjectionsPage.tsx'));
const OpenEmergenciesPage = lazy(() => import('./console/pages/opening/EmergenciesPage.tsx'));
const OpenBreachesPage = lazy(() => import('./console/pages/opening/BreachesPage.tsx'));
const OpenRequestsPage = lazy(() => import('./console/pages/opening/ParticipationRequestsPage.tsx'));
const OpenCommentsPage = lazy(() => import('./console/pages/opening/CommentsPage.tsx'));
const OpenShowcasePage = lazy(() => import('./console/pages/opening/ShowcaseReviewPage.tsx'));
const OpenContributionsPage = lazy(() => import('./console/pages/opening/ContributionsReviewPage.tsx'));
const ComingSoonPage = lazy(() => import('./console/pages/ComingSoonPage.tsx'));
const NotFoundPage = lazy(() => import('./console/pages/NotFoundPage.tsx'));

function guarded(permission: string, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

const futureRoutes = NAVIGATION.filter((item) => item.future).map((item) => ({
  path: item.key.replace('/console/', ''),
  element: guarded(item.permission ?? 'self.manage', <ComingSoonPage module={item.future as FutureModule} />),
}));

const router = createBrowserRouter([
  { path: '/', element: <Navigate to="/console" replace /> },
  {
    path: '/login',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    path: '/console',
    element: <RequireAuth />,
    children: [
      {
        element: <ConsoleLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'catalog', element: <Navigate to="search" replace /> },
          { path: 'catalog/resources', element: guarded('catalog.compile', <CatalogResourcesPage />) },
          { path: 'catalog/resources/new', element: guarded('catalog.compile', <CatalogEditorPage />) },
          { path: 'catalog/resources/:id', element: guarded('catalog.compile', <CatalogEditorPage />) },
          {
            path: 'catalog/submissions',
            element: guarded('catalog.compile', <CatalogReviewPage key="records" mode="records" />),
          },
          {
            path: 'catalog/review',
            element: guarded('catalog.review', <CatalogReviewPage key="inbox" mode="inbox" />),
          },
          { path: 'catalog/versions', element: guarded('catalog.read', <CatalogVersionsPage />) },
          { path: 'catalog/search', element: guarded('catalog.read', <CatalogSearchPage />) },
          { path: 'catalog/demands', element: guarded('catalog.read', <CatalogDemandsPage />) },
          { path: 'catalog/duties', element: guarded('catalog.read', <CatalogDutiesPage />) },
          { path: 'catalog/quality', element: guarded('catalog.read', <CatalogQualityPage />) },
          { path: 'catalog/updates', element: guarded('catalog.read', <CatalogUpdatesPage />) },
          { path: 'security/reviews', element: guarded('security.review.read', <SecurityReviewsPage />) },
          { path: 'catalog/supplements', element: guarded('catalog.review', <CatalogSupplementsPage />) },
          { path: 'catalog/projects', element: guarded('catalog.read', <CatalogProjectsPage />) },
          { path: 'catalog/projects/:id', element: guarded('catalog.read', <CatalogProjectPage />) },
          { path: 'security', element: <Navigate to="incidents" replace /> },
          {
            path: 'security/incidents',
            element: guarded('security.incident.read', <SecurityIncidentsPage />),
          },
          { path: 'security/plans', element: guarded('security.incident.read', <SecurityPlansPage />) },
          {
            path: 'security/assessments',
            element: guarded('security.incident.read', <SecurityAssessmentsPage />),
          },
          {
            path: 'security/expert',
            element: guarded('security.assessment.opinion', <SecurityAssessmentsPage key="expert" expert />),
          },
          { path: 'pools', element: guarded('pool.read', <PoolTablesPage />) },
          { path: 'pools/:resourceId', element: guarded('pool.read', <PoolTablePage />) },
          { path: 'pools/quality', element: guarded('pool.read', <PoolQualityPage />) },
          { path: 'security/masking', element: guarded('security.masking.read', <MaskingPage />) },
          { path: 'security/encryption', element: guarded('security.encryption.read', <EncryptionPage />) },
          { path: 'security/signing', element: <SigningPage /> },
          { path: 'pools/base', element: guarded('pool.read', <BaseDatabasesPage />) },
          { path: 'sharing', element: <Navigate to="grants" replace /> },
          {
            path: 'sharing/requests',
            element: guarded('share.request', <ShareRequestsPage key="applicant" side="applicant" />),
          },
          {
            path: 'sharing/inbox',
            element: guarded('share.answer', <ShareRequestsPage key="provider" side="provider" />),
          },
          {
            path: 'sharing/opening',
            element: guarded('share.grant.open', <ShareRequestsPage key="authority" side="authority" />),
          },
          { path: 'sharing/grants', element: guarded('share.read', <ShareGrantsPage />) },
          { path: 'sharing/disputes', element: guarded('share.read', <ShareDisputesPage />) },
          { path: 'sharing/alerts', element: guarded('share.read', <ShareAlertsPage />) },
          { path: 'opening', element: <Navigate to="applications" replace /> },
          {
            path: 'opening/applications',
            element: guarded('open.application.read', <OpenApplicationsPage />),
          },
          { path: 'opening/agreements', element: guarded('open.application.read', <OpenAgreementsPage />) },
          { path: 'opening/statistics', element: guarded('open.statistics.read', <OpenStatisticsPage />) },
          { path: 'opening/objections', element: guarded('open.objection.read', <OpenObjectionsPage />) },
          { path: 'opening/emergencies', element: guarded('open.emergency.read', <OpenEmergenciesPage />) },
          { path: 'opening/breaches', element: guarded('open.application.read', <OpenBreachesPage />) },
          // Requests and comments: provider staff or the authority; the pages guard by either right.
          { path: 'opening/requests', element: <OpenRequestsPage /> },
          { path: 'opening/comments', element: <OpenCommentsPage /> },
          { path: 'opening/showcase', element: guarded('open.participation.manage', <OpenShowcasePage />) },
          {
            path: 'opening/contributions',
            element: guarded('open.contribution.review', <OpenContributionsPage />),
          },
          { path: 'org/regions', element: guarded('org.read', <RegionsPage />) },
          { path: 'org/departments', element: guarded('org.read', <DepartmentsPage />) },
          { path: 'org/users', element: guarded('org.user.manage', <UsersPage />) },
          { path: 'api-keys', element: guarded('apikey.manage', <ApiKeysPage />) },
          { path: 'audit', element: guarded('audit.read', <AuditPage />) },
          { path: 'settings', element: guarded('self.manage', <SettingsPage />) },
          ...futureRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  {
    path: '*',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <NotFoundPage />
      </Suspense>
    ),
  },
]);

/** Retry only what may succeed on a second try: network failures and server faults. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  useEffect(() => {
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <ConfigProvider
      locale={antdLocales[lang]}
      theme={{
        token: {
          colorPrimary: '#1d4f91',
          borderRadius: 6,
          fontFamily:
            '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif',
        },
        components: {
          Layout: { siderBg: SIDER_BG },
          Menu: {
            darkItemBg: SIDER_BG,
            darkSubMenuItemBg: '#0b2140',
            darkItemSelectedBg: '#1d4f91',
          },
        },
      }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** The console: language, theme, server state, session and routes. */
export function App() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache(),
        defaultOptions: {
          queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 5_000 },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <I18nProvider>
      <Themed>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <ErrorBoundary>
              <RouterProvider router={router} />
            </ErrorBoundary>
          </SessionProvider>
        </QueryClientProvider>
      </Themed>
    </I18nProvider>
  );
}
