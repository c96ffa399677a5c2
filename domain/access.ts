// Roles (PRODUCT.md "Users") and the data scopes they are bound to. Pure data + rules; no I/O.

export const SCOPE_TYPES = [
  'city',
  'district',
  'street',
  'compound',
  'company',
  'department',
  'own_units',
] as const;
export type ScopeType = (typeof SCOPE_TYPES)[number];

export const PERMISSIONS = [
  'registry.read', // browse divisions, organisations, compounds, buildings, units, owners
  'registry.write', // create and edit registry records
  'registry.import', // bulk import from .xlsx/.csv
  'registry.export',
  'pii.reveal', // see unmasked phone and ID numbers (audited)
  'users.read',
  'users.manage', // create accounts, assign roles, unlock
  'audit.read',
  'apikeys.manage',
  'cases.configure', // taxonomy, responsibility list, SLA policies, calendar (administrators)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface RoleDefinition {
  role: string;
  zh: string;
  en: string;
  scopes: readonly ScopeType[]; // scope types this role may be bound to
  permissions: readonly Permission[];
}

const READ: Permission[] = ['registry.read', 'registry.export'];
// Audit log and accounts are administrator business until they can be filtered by scope.
const OFFICE: Permission[] = [...READ, 'registry.write', 'registry.import'];

export const ROLES: readonly RoleDefinition[] = [
  {
    role: 'city_office',
    zh: '市联席会议办公室',
    en: 'City joint-meeting office',
    scopes: ['city'],
    permissions: [...OFFICE, 'pii.reveal'],
  },
  {
    role: 'district_office',
    zh: '区联席会议办公室',
    en: 'District office',
    scopes: ['district'],
    permissions: [...OFFICE, 'pii.reveal'],
  },
  {
    role: 'street_office',
    zh: '街镇 / 房管办',
    en: 'Street/town office',
    scopes: ['street'],
    permissions: [...OFFICE, 'pii.reveal'],
  },
  {
    role: 'residents_committee',
    zh: '居委会',
    en: "Residents' committee",
    scopes: ['compound', 'street'],
    permissions: READ,
  },
  {
    role: 'department',
    zh: '职能部门',
    en: 'Functional department',
    scopes: ['department'],
    permissions: READ,
  },
  { role: 'utility', zh: '专业服务单位', en: 'Utility', scopes: ['department'], permissions: READ },
  {
    role: 'property_company',
    zh: '物业服务企业 / 项目部',
    en: 'Property company',
    scopes: ['company'],
    permissions: READ,
  },
  {
    role: 'owners_committee_member',
    zh: '业委会委员',
    en: "Owners' committee member",
    scopes: ['compound'],
    permissions: READ,
  },
  {
    role: 'owner',
    zh: '业主 / 居民',
    en: 'Owner / resident',
    scopes: ['own_units'],
    permissions: ['registry.read'],
  },
  {
    role: 'hotline_operator',
    zh: '热线话务员',
    en: 'Hotline operator',
    scopes: ['city', 'district'],
    permissions: ['registry.read'],
  },
  {
    role: 'grid_inspector',
    zh: '网格巡查员',
    en: 'Grid inspector',
    scopes: ['street'],
    permissions: ['registry.read'],
  },
  { role: 'mediator', zh: '人民调解员', en: 'Mediator', scopes: ['street'], permissions: ['registry.read'] },
  {
    role: 'admin',
    zh: '系统管理员',
    en: 'System administrator',
    scopes: ['city'],
    permissions: [...PERMISSIONS],
  },
];

export const ROLE_NAMES = ROLES.map((r) => r.role);

export function roleDefinition(role: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.role === role);
}

export interface Grant {
  role: string;
  scopeType: ScopeType;
  scopeId: string;
}

/** A role may only be bound to the scope types its definition lists. */
export function isValidGrant(grant: Grant): boolean {
  const def = roleDefinition(grant.role);
  return !!def && def.scopes.includes(grant.scopeType) && grant.scopeId.length > 0;
}

/** The grants of a user that carry a permission. */
export function grantsWith(grants: readonly Grant[], permission: Permission): Grant[] {
  return grants.filter((g) => roleDefinition(g.role)?.permissions.includes(permission));
}

export function hasPermission(grants: readonly Grant[], permission: Permission): boolean {
  return grantsWith(grants, permission).length > 0;
}

/** Division-code containment: a district code (6 digits) contains its streets (9 digits starting with it). */
export function divisionContains(outer: string, inner: string): boolean {
  return inner.startsWith(outer);
}

/** Masks personal numbers (个人信息保护法): keep a few digits at each end. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 1)}${'*'.repeat(id.length - 2)}${id.slice(-1)}`;
}
