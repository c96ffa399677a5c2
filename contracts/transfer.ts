// Transfer contract: registry import (.xlsx/.csv, all-or-nothing with a row-by-row error report) and
// export of every list (.csv/.xlsx). The import column table lives here so the web can show it.
import { ROLE_NAMES } from '../domain/access.js';
import { z } from 'zod';
import { QUEUES } from './cases.js';
import { ORGANISATION_TYPES, OrganisationType } from './registry.js';

export const IMPORT_KINDS = ['compounds', 'buildings', 'units', 'owners', 'organisations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const EXPORT_LISTS = ['compounds', 'organisations', 'users', 'audit', 'owners', 'cases'] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const MAX_IMPORT_ROWS = 50_000;
export const MAX_EXPORT_ROWS = 100_000;
/** At most this many row errors are returned (the count covers all of them). */
export const MAX_REPORTED_ERRORS = 1_000;

/**
 * One import column. A header cell is recognised by its Chinese label, its key, its English label or an
 * alias — compared after NFKC, lower-casing and removing spaces, `_`, `-`, `*` and a trailing `(…)`
 * (so `建筑面积（㎡）`, `建筑面积(m²)`, `建筑面积` and `Building area (m²)` are the same column).
 */
export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** The value in the template's example row. */
  example: string;
  aliases?: readonly string[];
}

const col = (
  key: string,
  zh: string,
  en: string,
  required: boolean,
  example: string,
  aliases?: readonly string[],
): ImportColumn => ({ key, zh, en, required, example, ...(aliases ? { aliases } : {}) });

/** Unit use: Chinese label → stored code. */
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
};

/** The import columns of each kind, in template order. */
export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  compounds: [
    col('code', '小区编码', 'Code', true, 'PD-HM-0001', ['compoundCode']),
    col('name', '小区名称', 'Name', true, '锦绣花园'),
    col('address', '地址', 'Address', true, '浦东新区锦绣路1000弄'),
    col('streetCode', '街镇代码', 'Street code', true, '310115016'),
    col('residentsCommittee', '居委会', 'Residents committee', false, ''),
    col('buildingArea', '建筑面积(㎡)', 'Building area (m²)', false, '52340.50'),
    col('firstDeliveryOn', '首次交付日期', 'First delivery on', false, '2005-06-30'),
    col('lat', '纬度', 'Latitude', false, '31.215', ['lat']),
    col('lng', '经度', 'Longitude', false, '121.545', ['lng', 'lon']),
    col('managementAreaName', '物业管理区域', 'Management area', false, '', ['managementAreaName']),
  ],
  buildings: [
    col('compoundCode', '小区编码', 'Compound code', true, 'PD-HM-0001'),
    col('name', '楼栋', 'Building', true, '1号楼', ['buildingName']),
    col('floors', '层数', 'Floors', true, '18'),
  ],
  units: [
    col('compoundCode', '小区编码', 'Compound code', true, 'PD-HM-0001'),
    col('building', '楼栋', 'Building', true, '1号楼', ['buildingName']),
    col('number', '房号', 'Number', true, '1201', ['unit', 'unitNumber']),
    col('use', '用途', 'Use', true, '住宅'),
    col('registeredArea', '登记面积', 'Registered area', false, '89.50'),
    col('surveyedArea', '实测面积', 'Surveyed area', false, ''),
    col('contractArea', '合同面积', 'Contract area', false, ''),
    col('deliveredOn', '交付日期', 'Delivered on', false, '2005-06-30'),
  ],
  owners: [
    col('compoundCode', '小区编码', 'Compound code', true, 'PD-HM-0001'),
    col('building', '楼栋', 'Building', true, '1号楼', ['buildingName']),
    col('number', '房号', 'Number', true, '1201', ['unit', 'unitNumber']),
    col('name', '业主姓名', 'Name', true, '王伟', ['ownerName', '姓名']),
    col('kind', '类型', 'Kind', false, '个人', ['业主类型']),
    col('phone', '手机', 'Phone', false, '13800000000', ['电话', '手机号码', '联系电话']),
    col('idNumber', '证件号码', 'ID number', false, '310115199001011234', ['身份证号', '身份证号码']),
  ],
  organisations: [
    col('type', '类型', 'Type', true, '居委会', ['组织类型']),
    col('kind', '专业类别', 'Kind', false, ''),
    col('name', '名称', 'Name', true, '花木街道锦绣第1居民委员会', ['组织名称']),
    col('divisionCode', '行政区划代码', 'Division code', true, '310115016', ['区划代码']),
    col('parentName', '上级组织', 'Parent name', false, '', ['parent']),
    col('creditCode', '统一社会信用代码', 'Credit code', false, ''),
    col('phone', '电话', 'Phone', false, '021-58880000'),
    col('address', '地址', 'Address', false, '浦东新区锦绣路1000弄1号'),
    col('coverage', '覆盖街镇', 'Coverage', false, '', ['服务街镇', '管辖街镇']),
  ],
};

export const ImportKindParams = z.object({ kind: z.enum(IMPORT_KINDS) });

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
});
export type ExportFilters = z.infer<typeof ExportQuery>;
