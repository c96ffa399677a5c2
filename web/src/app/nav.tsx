import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BankOutlined,
  AuditOutlined,
  BarChartOutlined,
  CompassOutlined,
  DashboardOutlined,
  ClusterOutlined,
  CommentOutlined,
  FlagOutlined,
  InteractionOutlined,
  HomeOutlined,
  SmileOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Permission, Role } from '../api/types';

export interface NavEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  /** The permission (domain/access.ts) that opens the page; the same check guards its route. */
  permission: Permission;
  /** A staff list: not in the menu of an owner-only account (it reads its own units on its home instead). */
  staffList?: boolean;
}

/** Left-navigation entries; each is shown only to users holding its permission, and its routes need it too. */
export const NAV: NavEntry[] = [
  // The owner's own home (their units, votes, reports, notices): owners land here.
  { path: '/me', labelKey: 'owner.nav', icon: <SmileOutlined />, permission: 'cases.own' },
  // The staff home (what needs me today) comes first: staff land on it (owners hold no case queue).
  { path: '/home', labelKey: 'home.nav', icon: <DashboardOutlined />, permission: 'cases.queue' },
  { path: '/cases', labelKey: 'nav.cases', icon: <SolutionOutlined />, permission: 'cases.queue' },
  { path: '/kpis', labelKey: 'nav.kpis', icon: <BarChartOutlined />, permission: 'kpis.read' },
  { path: '/map', labelKey: 'map.nav', icon: <CompassOutlined />, permission: 'kpis.read' },
  { path: '/governance', labelKey: 'gov.nav', icon: <FlagOutlined />, permission: 'governance.view' },
  {
    path: '/mediation',
    labelKey: 'mediation.nav',
    icon: <InteractionOutlined />,
    permission: 'mediation.view',
  },
  { path: '/industry', labelKey: 'industry.nav', icon: <BankOutlined />, permission: 'industry.view' },
  {
    path: '/coordination',
    labelKey: 'coord.nav',
    icon: <CommentOutlined />,
    permission: 'coordination.view',
  },
  { path: '/plans', labelKey: 'plan.nav', icon: <ScheduleOutlined />, permission: 'plan.view' },
  {
    path: '/notices',
    labelKey: 'gov.notices.nav',
    icon: <NotificationOutlined />,
    permission: 'governance.notices',
  },
  {
    path: '/compounds',
    labelKey: 'nav.compounds',
    icon: <HomeOutlined />,
    permission: 'registry.read',
    staffList: true,
  },
  {
    path: '/organisations',
    labelKey: 'nav.organisations',
    icon: <ClusterOutlined />,
    permission: 'registry.read',
    staffList: true,
  },
  {
    path: '/divisions',
    labelKey: 'nav.divisions',
    icon: <ApartmentOutlined />,
    permission: 'registry.read',
    staffList: true,
  },
  { path: '/imports', labelKey: 'nav.imports', icon: <UploadOutlined />, permission: 'registry.import' },
  { path: '/accounts', labelKey: 'nav.accounts', icon: <TeamOutlined />, permission: 'users.manage' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

/** The menu of an account: the entries its permissions open, without staff lists for an owner-only account. */
export function menuEntries(roles: readonly Role[], can: (permission: Permission) => boolean): NavEntry[] {
  const ownerOnly = roles.length > 0 && roles.every((r) => r === 'owner');
  return NAV.filter((n) => can(n.permission) && !(ownerOnly && n.staffList));
}

/** The permission a path needs: that of the navigation entry it lies under (none for pages outside the menu). */
export function permissionFor(path: string): Permission | null {
  return NAV.find((n) => path === n.path || path.startsWith(`${n.path}/`))?.permission ?? null;
}

/** Roles whose day starts somewhere other than the first menu entry: hotline operators take calls, owners at home. */
const ROLE_HOMES: Partial<Record<Role, string>> = { hotline_operator: '/cases/new', owner: '/me' };

/**
 * Where a user lands after signing in: the home of their role when all their roles share one (a hotline
 * operator lands on the intake form), else the first menu entry they may open.
 */
export function homePath(roles: readonly Role[], can: (permission: Permission) => boolean): string | null {
  const homes = new Set(roles.map((r) => ROLE_HOMES[r] ?? null));
  const [only] = [...homes];
  if (homes.size === 1 && only) return only;
  return NAV.find((n) => can(n.permission))?.path ?? null;
}
