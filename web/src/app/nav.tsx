import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  ClusterOutlined,
  HomeOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { Permission } from '../api/types';

export interface NavEntry {
  path: string;
  labelKey: string;
  icon: ReactNode;
  permission: Permission;
}

/** Left-navigation entries; each is shown only to users holding its permission. */
export const NAV: NavEntry[] = [
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
