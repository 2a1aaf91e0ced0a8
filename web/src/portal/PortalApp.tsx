// The public open-data portal (数据开放门户): its own entry (web/portal.html), served at / and /open/*.
// It shares the API client, the language choice and the session provider with the console, and
// nothing of the console's shell or antd, so the first page stays small (docs/opening-web.md).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ApiError } from '../api/client.ts';
import { SessionProvider } from '../auth/session.tsx';
import { PortalI18nProvider } from './i18n/index.tsx';
import { PortalLayout } from './PortalLayout.tsx';
import HomePage from './pages/HomePage.tsx';

// The home page comes with the entry (no second round trip for the first page most people see);
// the others load when first opened.
const SearchPage = lazy(() => import('./pages/SearchPage.tsx'));
const DatasetPage = lazy(() => import('./pages/DatasetPage.tsx'));
const RegisterPage = lazy(() => import('./pages/RegisterPage.tsx'));
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const AccountPage = lazy(() => import('./pages/AccountPage.tsx'));
const AgreementPage = lazy(() => import('./pages/AgreementPage.tsx'));
const ShowcasePage = lazy(() => import('./pages/ShowcasePage.tsx'));
const ContributionsPage = lazy(() => import('./pages/ContributionsPage.tsx'));
const ContributionPage = lazy(() => import('./pages/ContributionPage.tsx'));
const SuggestPage = lazy(() => import('./pages/SuggestPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

const router = createBrowserRouter([
  {
    element: <PortalLayout />,
    children: [
      { path: '/', element: <HomePage /> },
      { path: '/open', element: <Navigate to="/" replace /> },
      { path: '/open/datasets', element: <SearchPage /> },
      { path: '/open/datasets/:id', element: <DatasetPage /> },
      { path: '/open/register', element: <RegisterPage /> },
      { path: '/open/login', element: <LoginPage /> },
      { path: '/open/account', element: <AccountPage /> },
      { path: '/open/agreements/:id', element: <AgreementPage /> },
      { path: '/open/showcase', element: <ShowcasePage /> },
      { path: '/open/contributions', element: <ContributionsPage /> },
      { path: '/open/contributions/:id', element: <ContributionPage /> },
      { path: '/open/suggest', element: <SuggestPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

/** Retry only what may succeed on a second try: network failures and server faults. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
  return failureCount < 2;
}

/** Language, server state, session and the portal's routes. */
export function PortalApp() {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <PortalI18nProvider>
      <QueryClientProvider client={queryClient}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </QueryClientProvider>
    </PortalI18nProvider>
  );
}
