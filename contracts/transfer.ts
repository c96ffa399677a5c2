// Transfer contract: registry import (.xlsx/.csv, all-or-nothing with a row-by-row error report) and
// export of every list (.csv/.xlsx). The import column table is in import-columns.ts (zod-free, for the web).
import { ROLE_NAMES } from '../domain/access.js';
import { z } from 'zod';
import { QUEUES } from './cases.js';
import { ORGANISATION_TYPES, OrganisationType } from './registry.js';
import { IMPORT_KINDS } from './import-columns.js';

export { IMPORT_COLUMNS, IMPORT_KINDS, type ImportColumn, type ImportKind } from './import-columns.js';

export const EXPORT_LISTS = [
  'compounds',
  'organisations',
  'users',
  'audit',
  'owners',
  'cases',
  'assessment',
] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_EXPORT_ROWS = 100_000;
/** At most this many row errors are returned (the count covers all of them). */
export const MAX_REPORTED_ERRORS = 1_000;

export const UNIT_USE_LABELS = {
  住宅: 'residential',
  商业: 'commercial',
  车位: 'parking',
  其他: 'other',
} as const;
/** Owner kind: Chinese label → stored code. */
export const OWNER_KIND_LABELS = { 个人: 'person', 单位: 'organisation', 建设单位: 'developer' } as const;
/** Organisation type: Chinese labels (several per type) → code of ORGANISATION_TYPES. */
export const ORGANISATION_TYPE_LABELS: Record<string, (typeof ORGANISATION_TYPES)[number]> = {
  联席会议办公室: 'joint_meeting_office',
  联席办: 'joint_meeting_office',
  房管局: 'housing_bureau',
  房屋管理局: 'housing_bureau',
  街镇: 'street_office',
  街道办事处: 'street_office',
  镇政府: 'street_office',
  镇人民政府: 'street_office',
  房管办: 'housing_office',
  房管办事处: 'housing_office',
  居委会: 'residents_committee',
  居民委员会: 'residents_committee',
  职能部门: 'department',
  专业服务单位: 'utility',
  物业服务企业: 'property_company',
  物业公司: 'property_company',
  分公司: 'company_branch',
  项目部: 'project_office',
  建设单位: 'developer',
  开发商: 'developer',
  人民调解委员会: 'mediation_committee',
  调委会: 'mediation_committee',
};
/** The label shown for each organisation type (first label above). */
export const ORGANISATION_TYPE_ZH: Record<(typeof ORGANISATION_TYPES)[number], string> = {
  joint_meeting_office: '联席会议办公室',
  housing_bureau: '房管局',
  street_office: '街镇',
  housing_office: '房管办',
  residents_committee: '居委会',
  department: '职能部门',
  utility: '专业服务单位',
  property_company: '物业服务企业',
  company_branch: '分公司',
  project_office: '项目部',
  developer: '建设单位',
  mediation_committee: '人民调解委员会',
};

export const ImportKindParams = z.object({ kind: z.enum(IMPORT_KINDS) });
export const ImportTemplateParams = z.object({ kind: z.enum(IMPORT_KINDS), format: z.enum(EXPORT_FORMATS) });

export const ImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('validate only; nothing is written'),
});

export const ImportResult = z.object({
  kind: z.enum(IMPORT_KINDS),
  rows: z.number().int().describe('data rows in the file'),
  imported: z.number().int().describe('records created (0 on a dry run)'),
  dryRun: z.boolean(),
});

/** One problem of one row: `row` is the spreadsheet row number (the header is row 1). */
export const RowError = z.object({
  row: z.number().int(),
  column: z.string().describe('the column label in the request language'),
  field: z.string().describe('the column key, e.g. streetCode'),
  message: z.string(),
});

/** `error.details` of `transfer.invalid_rows` (400): nothing was imported. */
export const InvalidRowsDetails = z.object({
  errors: z.array(RowError),
  count: z.number().int(),
  truncated: z.boolean(),
});

export const ExportParams = z.object({ list: z.enum(EXPORT_LISTS), format: z.enum(EXPORT_FORMATS) });

/** The filters of the list endpoints; each list reads its own (unknown ones are ignored). */
export const ExportQuery = z.object({
  // compounds
  district: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  // compounds, organisations, owners, users
  q: z.string().trim().max(50).optional(),
  // organisations
  type: OrganisationType.optional(),
  division: z
    .string()
    .regex(/^\d{6,9}$/)
    .optional(),
  // owners (required for them)
  compound: z.string().max(64).optional(),
  // users
  role: z.enum(ROLE_NAMES).optional(),
  // audit
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(64).optional(),
  actorId: z.string().max(80).optional(),
  action: z.string().max(80).optional(),
  // cases (the work queue: queue tab, organisation, street, status, category, q)
  queue: z.enum(QUEUES).optional(),
  orgId: z.string().max(64).optional(),
  status: z.string().max(20).optional(),
  category: z.string().max(60).optional(),
  // assessment (考核): the period (required for it) and the level (street | department; both when absent)
  period: z.string().max(64).optional(),
  level: z.enum(['street', 'department']).optional(),
});
export type ExportFilters = z.infer<typeof ExportQuery>;
