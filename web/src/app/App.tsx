import { App as AntApp, ConfigProvider, theme } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { AuthProvider, useAuth } from './auth';
import { homePath, permissionFor } from './nav';
import type { Permission } from '../api/types';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from './guards';
import { useLang } from './i18n';
import { queryClient } from './queryClient';
import { LoginPage } from '../features/auth/LoginPage';
import { CompoundsPage } from '../features/compounds/CompoundsPage';
import { CompoundPage } from '../features/compounds/CompoundPage';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage';
import { DivisionsPage } from '../features/divisions/DivisionsPage';
import { ImportPage } from '../features/imports/ImportPage';
import { UsersPage } from '../features/users/UsersPage';
import { AuditPage } from '../features/audit/AuditPage';
import { CaseQueuePage } from '../features/cases/CaseQueuePage';
import { CasePage } from '../features/cases/CasePage';
import { IntakePage } from '../features/cases/IntakePage';
import { KpisPage } from '../features/kpis/KpisPage';
import { HomePage } from '../features/home/HomePage';
import { MapPage } from '../features/map/MapPage';
import { ReportPage } from '../features/report/ReportPage';
import { TrackPage } from '../features/report/TrackPage';
import { OverviewPage as GovernanceOverviewPage } from '../features/governance/OverviewPage';
import { CompoundGovernancePage } from '../features/governance/CompoundGovernancePage';
import { DecisionPage } from '../features/governance/DecisionPage';
import { VotePage } from '../features/governance/VotePage';
import { NoticesPage } from '../features/governance/NoticesPage';
import { OwnerHomePage } from '../features/owner/OwnerHomePage';
import { FundPage } from '../features/fund/FundPage';
import { DisputePage } from '../features/mediation/DisputePage';
import { DisputesPage } from '../features/mediation/DisputesPage';
import { CompaniesPage } from '../features/industry/CompaniesPage';
import { CompanyPage as IndustryCompanyPage } from '../features/industry/CompanyPage';
import { PublicCompanyCreditPage, PublicCreditPage } from '../features/industry/PublicCreditPage';
import { CoordinationPage } from '../features/coordination/CoordinationPage';
import { BodyPage } from '../features/coordination/BodyPage';
import { MeetingPage } from '../features/coordination/MeetingPage';
import { PlanPage } from '../features/plan/PlanPage';
import { TaskPage as PlanTaskPage } from '../features/plan/TaskPage';
import { PublicPlanPage } from '../features/plan/PublicPlanPage';
import { DeniedResult } from '../shared/DeniedResult';

/** Every page under a menu entry needs that entry's permission (web/src/app/nav.tsx), so no entry leads to 403. */
function guarded(routes: { path: string; element: ReactNode; anyOf?: Permission[] }[]) {
  return routes.map(({ path, element, anyOf }) => {
    const needed = anyOf ?? [permissionFor(`/${path}`)].filter((p): p is Permission => !!p);
    return {
      path,
      element: needed.length ? <RequirePermission anyOf={needed}>{element}</RequirePermission> : element,
    };
  });
}

/** The home page is the first menu entry the account may open. */
function HomeRedirect() {
  const { me, can } = useAuth();
  const home = homePath(me?.roles.map((g) => g.role) ?? [], can);
  return home ? <Navigate to={home} replace /> : <DeniedResult status={403} />;
}

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Resident pages: no account needed (case number + phone check), outside the staff shell.
  { path: '/report', element: <ReportPage /> },
  { path: '/track', element: <TrackPage /> },
  { path: '/vote', element: <VotePage /> },
  { path: '/credit', element: <PublicCreditPage /> },
  { path: '/credit/:id', element: <PublicCompanyCreditPage /> },
  // The action plan's progress, published (行动计划推进情况): no account needed.
  { path: '/plan-progress', element: <PublicPlanPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      ...guarded([
        { path: 'me', element: <OwnerHomePage /> },
        { path: 'home', element: <HomePage /> },
        { path: 'map', element: <MapPage /> },
        { path: 'cases', element: <CaseQueuePage /> },
        { path: 'cases/new', element: <IntakePage /> },
        { path: 'cases/:id', element: <CasePage /> },
        { path: 'kpis', element: <KpisPage /> },
        { path: 'governance', element: <GovernanceOverviewPage /> },
        { path: 'governance/compounds/:id', element: <CompoundGovernancePage /> },
        { path: 'fund/compounds/:id', element: <FundPage /> },
        { path: 'mediation', element: <DisputesPage /> },
        { path: 'mediation/disputes/:id', element: <DisputePage /> },
        { path: 'industry', element: <CompaniesPage /> },
        { path: 'industry/companies/:id', element: <IndustryCompanyPage /> },
        { path: 'coordination', element: <CoordinationPage /> },
        { path: 'coordination/bodies/:id', element: <BodyPage /> },
        { path: 'coordination/meetings/:id', element: <MeetingPage /> },
        { path: 'plans', element: <PlanPage /> },
        { path: 'plans/tasks/:id', element: <PlanTaskPage /> },
        // Owners open published decisions from their notice board.
        {
          path: 'governance/decisions/:id',
          element: <DecisionPage />,
          anyOf: ['governance.view', 'governance.notices'],
        },
        { path: 'notices', element: <NoticesPage /> },
        { path: 'compounds', element: <CompoundsPage /> },
        { path: 'compounds/:id', element: <CompoundPage /> },
        { path: 'organisations', element: <OrganisationsPage /> },
        { path: 'divisions', element: <DivisionsPage /> },
        { path: 'imports', element: <ImportPage /> },
        { path: 'accounts', element: <UsersPage /> },
        { path: 'audit', element: <AuditPage /> },
      ]),
      { path: '*', element: <DeniedResult status={404} /> },
    ],
  },
]);

const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    fontFamily:
      '-apple-system, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
  },
  components: {
    Table: { headerBg: '#f5f7fa', cellPaddingBlockSM: 6 },
    Layout: { siderBg: '#0f2747', triggerBg: '#0b1e37' },
    Menu: { darkItemBg: '#0f2747', darkSubMenuItemBg: '#0b1e37', darkItemSelectedBg: '#1f5fbf' },
  },
};

export function App() {
  const lang = useLang();
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
