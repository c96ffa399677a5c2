import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  FlagOutlined,
  HomeOutlined,
  NotificationOutlined,
  SolutionOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { MeDto, Permission } from '../api/types';
import { seesCases, seesKpis } from '../features/cases/roles';
import { ownsUnits, seesGovernance } from '../features/governance/roles';

export interface NavEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission?: Permission;
  /** For entries that follow roles rather than a permission. */
  visible?: (me: MeDto | null) => boolean;
}

/** Left-navigation entries; each is shown only to users holding its permission. */
export const NAV: NavEntry[] = [
  { path: '/cases', labelKey: 'nav.cases', icon: <SolutionOutlined />, visible: seesCases },
  { path: '/kpis', labelKey: 'nav.kpis', icon: <BarChartOutlined />, visible: seesKpis },
  { path: '/governance', labelKey: 'gov.nav', icon: <FlagOutlined />, visible: seesGovernance },
  { path: '/notices', labelKey: 'gov.notices.nav', icon: <NotificationOutlined />, visible: ownsUnits },
  { path: '/compounds', labelKey: 'nav.compounds', icon: <HomeOutlined />, permission: 'registry.read' },
  {
    path: '/organisations',
    labelKey: 'nav.organisations',
    icon: <ClusterOutlined />,
    permission: 'registry.read',
  },
  { path: '/divisions', labelKey: 'nav.divisions', icon: <ApartmentOutlined />, permission: 'registry.read' },
  { path: '/imports', labelKey: 'nav.imports', icon: <UploadOutlined />, permission: 'registry.import' },
  { path: '/accounts', labelKey: 'nav.accounts', icon: <TeamOutlined />, permission: 'users.manage' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];
