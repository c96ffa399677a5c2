// Roles (PRODUCT.md "Users"), the data scopes they are bound to, and the ONE permission table that server and
// web read: a role grants permissions; a grant binds a role to a scope; `covers(grant, place)` says whether a
// grant's scope reaches a place. Module policies (server/modules/*/*.policy.ts) are short declarations over
// these; the web derives its menu, routes and buttons from the same table. Pure data + rules; no I/O.

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
  'cases.queue', // open the case work queue (every staff role; residents follow cases on /track)
  'cases.intake.hotline', // record hotline calls (12345, 962121, 12319)
  'cases.intake.grid', // record what a grid inspection found (网格巡查)
  'cases.intake.property', // a property company reports a problem it cannot solve itself
  'cases.intake.referral', // a department or utility refers a case (部门转办)
  'cases.intake.media', // record a problem found in online media (网络舆情) with its source link
  'cases.dispatch', // 派遣方: accept, dispatch, close … cases located in the grant's place
  'cases.supervise', // 督办方: one level above the street
  'cases.verify', // 网格员: verify the handler's feedback on site
  'cases.handle', // 主办/协办单位: cases routed to the grant's organisation (or a unit beneath it, or the street's offices)
  'cases.read', // read the cases of the grant's compound or street (居委会, 业委会)
  'cases.own', // an owner's own reports: report a problem at one of the account's units, follow what it reported
  'kpis.read', // offices: the places they cover; departments, utilities, companies: the cases they lead
  'campaigns.read', // 集中整治 campaigns of the grant's division
  'campaigns.manage', // create campaigns and add cases (joint-meeting offices)
  'governance.view', // a compound's self-governance: formation, committee, decisions, results, tasks
  'governance.manage', // run decisions and the committee's own records (业委会, the street office)
  'governance.street', // the street's business: formations, elections, filings, 换届, trainings
  'governance.notices', // the owners' notice board of compounds where the account owns a unit
  'governance.vote', // vote as the account (no invitation code) on open decisions where it owns a unit
  'governance.arrears', // record owners' unpaid property fees (the serving company, 民法典 Art 944)
  'notifications.read', // the in-app inbox of the grant's organisation (or its street's offices)
  'fund.view', // a compound's maintenance fund (专项维修资金): account, building and unit ledgers, payments
  'fund.manage', // open a compound's fund account and record deposits, interest, top-ups (区房管 / 维修资金管理中心)
  'fund.pay', // record a disbursement on a passed use decision (the owners' committee instructs the bank, Art 69)
  'fund.own', // an owner's own unit ledgers and shares
  'fund.report', // report an emergency repair (《规定》第七十三条) and apply to use the fund (the property company)
  'fund.housing', // approve an emergency use before the assembly is formed (房管机构, 第七十三条第三款(一))
  'fund.consult', // consult the owners on a fund use before the assembly exists (居民委员会, 第七十一条第二款)
  'mediation.view', // disputes (矛盾纠纷) of the grant's street: parties masked, sessions, outcomes, statistics
  'mediation.manage', // register disputes, record sessions and outcomes, reveal a party's phone (audited)
  'industry.view', // property-service industry: company profiles, managers, contracts and filing, credit reports
  'industry.record', // enter a credit record (信用记录) for the district to confirm (street and district offices)
  'industry.manage', // the district (区房管): profiles, filing (备案), confirm records, decide objections and corrections
  'industry.respond', // the company itself: register its managers and postings, object (异议), apply for correction (修正)
  'coordination.view', // joint meetings (联席会议) at and below the grant's level; member units: their own action items
  'coordination.manage', // run the joint meeting of the grant's own level: meetings, agenda, decisions, 督办
  'plan.view', // the action plan (三年行动计划): offices of the plan's area; departments: plans they lead or cooperate in
  'plan.manage', // the plan of the grant's own level (city office; a district office its district's plan), import, 督办
  'plan.report', // progress reports: the lead department (牵头部门) and the implementing units (实施部门)
  'assessment.view', // 考核: offices the periods of their division; an assessed unit its own published result
  'assessment.manage', // the city/district office: indicator systems, periods, manual scores, compute, publish
  'assessment.rate', // two-way supervision (条与块、条与条): departments and streets rate each other
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES = [
  'city_office',
  'district_office',
  'street_office',
  'residents_committee',
  'department',
  'utility',
  'property_company',
  'owners_committee_member',
  'owner',
  'hotline_operator',
  'grid_inspector',
  'mediator',
  'admin',
] as const;
/** The closed set of roles: a typo does not compile. */
export type Role = (typeof ROLE_NAMES)[number];

export interface RoleDefinition {
  role: Role;
  zh: string;
  en: string;
  scopes: readonly ScopeType[]; // scope types this role may be bound to
  permissions: readonly Permission[];
}

const READ: Permission[] = ['registry.read', 'registry.export'];
// Audit log and accounts are administrator business until they can be filtered by scope.
const OFFICE: Permission[] = [...READ, 'registry.write', 'registry.import'];
/** Offices dispatch within their place: they take hotline calls, grid reports and referrals too. */
const DISPATCH: Permission[] = [
  'cases.queue',
  'cases.dispatch',
  'cases.intake.hotline',
  'cases.intake.grid',
  'cases.intake.referral',
  'cases.intake.media',
];
/** Organisations that handle cases routed to them (主办/协办) and measure those cases. */
const HANDLER: Permission[] = ['cases.queue', 'cases.handle', 'kpis.read', 'notifications.read'];
const GOV_VIEW: Permission[] = ['governance.view'];
/** City and district offices: dispatch and supervise (督办) the streets below, run campaigns, measure. */
const ABOVE_STREET: Permission[] = [
  ...OFFICE,
  'pii.reveal',
  ...DISPATCH,
  'cases.supervise',
  'kpis.read',
  'campaigns.read',
  'campaigns.manage',
  ...GOV_VIEW,
  'fund.view',
  'industry.view',
  'coordination.view',
  'coordination.manage',
  'plan.view',
  'plan.manage',
  'assessment.view',
  'assessment.manage',
];

export const ROLES: readonly RoleDefinition[] = [
  {
    role: 'city_office',
    zh: '市联席会议办公室',
    en: 'City joint-meeting office',
    scopes: ['city'],
    permissions: ABOVE_STREET,
  },
  {
    role: 'district_office',
    zh: '区联席会议办公室',
    en: 'District office',
    scopes: ['district'],
    // 区房屋行政管理部门 keeps the fund accounts (Art 66), pays directly and orders 代为维修 (第七十三条第三款)
    permissions: [
      ...ABOVE_STREET,
      'fund.manage',
      'fund.housing',
      'industry.record',
      'industry.manage', // 区房屋行政管理部门: 备案 (《规定》第四十四条), confirming credit records (第三十八条)
      'plan.report', // a district implementing a city task locally (实施部门)
    ],
  },
  {
    role: 'street_office',
    zh: '街镇 / 房管办',
    en: 'Street/town office',
    scopes: ['street'],
    permissions: [
      ...OFFICE,
      'pii.reveal',
      ...DISPATCH,
      'kpis.read',
      'campaigns.read',
      'campaigns.manage',
      ...GOV_VIEW,
      'governance.manage',
      'governance.street',
      'notifications.read',
      'cases.handle', // what is routed to the street's own offices (属地管理): street office, 房管办, 联席办
      'fund.view',
      'fund.housing', // the street's 房管办 is the 房管机构 of 第七十三条第三款(一)
      'mediation.view',
      'mediation.manage',
      'industry.view',
      'industry.record', // the street's 房管办 enters records; the district confirms them
      'coordination.view',
      'coordination.manage',
      'plan.view',
      'plan.report', // a street implementing a task locally (实施部门)
      'assessment.view', // its own published result (考核)
      'assessment.rate', // 块对条: rates the departments
    ],
  },
  {
    role: 'residents_committee',
    zh: '居委会',
    en: "Residents' committee",
    scopes: ['compound', 'street'],
    permissions: [...READ, 'cases.queue', 'cases.read', ...GOV_VIEW, 'fund.view', 'fund.consult'],
  },
  {
    role: 'department',
    zh: '职能部门',
    en: 'Functional department',
    scopes: ['department'],
    permissions: [
      ...READ,
      ...HANDLER,
      'cases.intake.referral',
      'coordination.view',
      'plan.view',
      'plan.report',
      'assessment.view', // its own published result (考核)
      'assessment.rate', // 条对块 and 条与条: rates the streets and the departments it co-handles with
    ],
  },
  {
    role: 'utility',
    zh: '专业服务单位',
    en: 'Utility',
    scopes: ['department'],
    permissions: [
      ...READ,
      ...HANDLER,
      'cases.intake.referral',
      'coordination.view',
      'plan.view',
      'plan.report',
    ],
  },
  {
    role: 'property_company',
    zh: '物业服务企业 / 项目部',
    en: 'Property company',
    scopes: ['company'],
    permissions: [
      ...READ,
      ...HANDLER,
      'cases.intake.property',
      'governance.arrears',
      'fund.report',
      'industry.view', // its own company tree only (industry.policy.ts)
      'industry.respond',
      'coordination.view',
    ],
  },
  {
    role: 'owners_committee_member',
    zh: '业委会委员',
    en: "Owners' committee member",
    scopes: ['compound'],
    permissions: [
      ...READ,
      'cases.queue',
      'cases.read',
      ...GOV_VIEW,
      'governance.manage',
      'fund.view',
      'fund.pay',
    ],
  },
  {
    role: 'owner',
    zh: '业主 / 居民',
    en: 'Owner / resident',
    scopes: ['own_units'],
    permissions: ['registry.read', 'governance.notices', 'governance.vote', 'cases.own', 'fund.own'],
  },
  {
    role: 'hotline_operator',
    zh: '热线话务员',
    en: 'Hotline operator',
    scopes: ['city', 'district'],
    permissions: ['registry.read', ...DISPATCH],
  },
  {
    role: 'grid_inspector',
    zh: '网格巡查员',
    en: 'Grid inspector',
    scopes: ['street'],
    permissions: ['registry.read', 'cases.queue', 'cases.intake.grid', 'cases.verify'],
  },
  {
    role: 'mediator',
    zh: '人民调解员',
    en: 'Mediator',
    scopes: ['street'],
    permissions: [
      'registry.read',
      'cases.queue',
      'cases.read', // the street's cases, to turn one into a dispute
      'cases.intake.referral', // a dispute that goes back to a case is referred to the street (decision 0009)
      'mediation.view',
      'mediation.manage',
    ],
  },
  {
    role: 'admin',
    zh: '系统管理员',
    en: 'System administrator',
    scopes: ['city'],
    // Everything but what belongs to another party: running campaigns (the joint-meeting offices), verifying
    // on site (the grid inspector), handling as an organisation, recording a company's fee arrears, an owner's
    // own reports and ballots.
    permissions: PERMISSIONS.filter(
      (p) =>
        ![
          'campaigns.manage',
          'cases.verify',
          'cases.handle',
          'cases.read',
          'governance.arrears',
          'governance.vote',
          'cases.own',
          'fund.pay',
          'fund.own',
          'fund.report',
          'fund.consult',
          'mediation.manage',
          'industry.respond',
          'coordination.manage',
          'plan.manage',
          'plan.report',
          'assessment.manage',
          'assessment.rate',
        ].includes(p),
    ),
  },
];

export function roleDefinition(role: string): RoleDefinition | undefined {
  return ROLES.find((r) => r.role === role);
}

export interface Grant {
  role: Role;
  scopeType: ScopeType;
  scopeId: string;
}

/** A role may only be bound to the scope types its definition lists. */
export function isValidGrant(grant: { role: string; scopeType: string; scopeId: string }): grant is Grant {
  const def = roleDefinition(grant.role);
  return !!def && def.scopes.includes(grant.scopeType as ScopeType) && grant.scopeId.length > 0;
}

export function roleHas(role: string, permission: Permission): boolean {
  return roleDefinition(role)?.permissions.includes(permission) ?? false;
}

/** The grants of a user that carry a permission. */
export function grantsWith(grants: readonly Grant[], permission: Permission): Grant[] {
  return grants.filter((g) => roleHas(g.role, permission));
}

export function hasPermission(grants: readonly Grant[], permission: Permission): boolean {
  return grants.some((g) => roleHas(g.role, permission));
}

/** Every permission the grants carry (what /auth/me reports and the web reads). */
export function permissionsOf(grants: readonly { role: string }[]): Permission[] {
  const out = new Set<Permission>();
  for (const g of grants) roleDefinition(g.role)?.permissions.forEach((p) => out.add(p));
  return PERMISSIONS.filter((p) => out.has(p));
}

/**
 * A place a grant may reach: where something is (its district, street, compound) and, for work owned by
 * organisations, the organisations responsible with their ancestors (a bureau reaches its squadrons' cases).
 */
export interface Place {
  districtCode?: string | null;
  streetCode?: string | null;
  compoundId?: string | null;
  /** Organisations answerable for the thing, each with its ancestors (company → branch → project office). */
  orgIds?: readonly string[];
}

/** The place of a division code: a district (6 digits) or a street/town (9 digits, or finer). */
export function placeOfDivision(code: string): Place {
  return { districtCode: code.slice(0, 6), streetCode: code.length >= 9 ? code.slice(0, 9) : null };
}

/** Whether the grant's scope reaches the place — the one containment rule every module uses. */
export function covers(grant: Grant, place: Place): boolean {
  switch (grant.scopeType) {
    case 'city':
      return true;
    case 'district':
      return !!place.districtCode && place.districtCode === grant.scopeId;
    case 'street':
      return !!place.streetCode && place.streetCode === grant.scopeId;
    case 'compound':
      return !!place.compoundId && place.compoundId === grant.scopeId;
    case 'company':
    case 'department':
      return !!place.orgIds && place.orgIds.includes(grant.scopeId);
    case 'own_units':
      return false; // owners reach compounds through ownership, which only the database knows
  }
}

/** Whether some grant carrying the permission covers the place. */
export function allows(grants: readonly Grant[], permission: Permission, place: Place): boolean {
  return grants.some((g) => roleHas(g.role, permission) && covers(g, place));
}

/**
 * Whether a location grant's area and a filtered area (a district, a street, or none = the whole city) share
 * any place: a district grant reaches into its streets, a street grant into its district.
 */
export function overlaps(grant: Grant, area: { district?: string; street?: string }): boolean {
  if (grant.scopeType === 'city') return true;
  if (grant.scopeType !== 'district' && grant.scopeType !== 'street') return false;
  if (area.street) return area.street.startsWith(grant.scopeId);
  if (area.district)
    return grant.scopeId.startsWith(area.district) || area.district.startsWith(grant.scopeId);
  return true;
}

export const isLocationGrant = (g: Grant): boolean =>
  g.scopeType === 'city' || g.scopeType === 'district' || g.scopeType === 'street';

/** Organisations the grants act for (department/company scopes), for queues and handler checks. */
export function organisationIdsOf(grants: readonly Grant[], permission?: Permission): string[] {
  return [
    ...new Set(
      grants
        .filter(
          (g) =>
            (g.scopeType === 'department' || g.scopeType === 'company') &&
            (!permission || roleHas(g.role, permission)),
        )
        .map((g) => g.scopeId),
    ),
  ];
}

/** Owner records an owner-scoped account stands for (own_units grants). */
export function ownerIdsOf(grants: readonly Grant[]): string[] {
  return grants.filter((g) => g.scopeType === 'own_units').map((g) => g.scopeId);
}

/** Division-code containment: a district code (6 digits) contains its streets (9 digits starting with it). */
export function divisionContains(outer: string, inner: string): boolean {
  return inner.startsWith(outer);
}

/** Intake channels and the permission each needs (residents use the public form; integrations their key). */
export const HOTLINE_CHANNELS = ['hotline12345', 'hotline962121', 'hotline12319'] as const;
export const INTAKE_CHANNEL_PERMISSION: Record<string, Permission> = {
  hotline12345: 'cases.intake.hotline',
  hotline962121: 'cases.intake.hotline',
  hotline12319: 'cases.intake.hotline',
  gridInspection: 'cases.intake.grid',
  propertyCompany: 'cases.intake.property',
  departmentReferral: 'cases.intake.referral',
  onlineMedia: 'cases.intake.media',
};

/** The intake channels a signed-in account may record on. */
export function intakeChannelsOf(permissions: readonly Permission[]): string[] {
  return Object.entries(INTAKE_CHANNEL_PERMISSION)
    .filter(([, p]) => permissions.includes(p))
    .map(([channel]) => channel);
}

/** Masks personal numbers (个人信息保护法): keep a few digits at each end. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 7) return '*'.repeat(phone.length);
  // At least four characters stay hidden: 3 + 4 shown for a mobile number, fewer for a short landline.
  const shown = phone.length - 4;
  const head = Math.min(3, Math.floor(shown / 2));
  const tail = Math.min(4, shown - head);
  return `${phone.slice(0, head)}****${phone.slice(phone.length - tail)}`;
}

export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length <= 4) return '*'.repeat(id.length);
  return `${id.slice(0, 1)}${'*'.repeat(id.length - 2)}${id.slice(-1)}`;
}
