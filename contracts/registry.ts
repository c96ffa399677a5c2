// Registry contract: divisions, organisations, compounds (小区 / 物业管理区域), buildings, units, owners.
import { z } from 'zod';
import { DistrictCode, PageQuery, StreetCode } from './common.js';

export const Division = z.object({
  code: z.string(),
  name: z.string(),
  level: z.string(),
  parentCode: z.string().nullable(),
});

export const DivisionQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{2,12}$/)
    .optional(),
  level: z.enum(['city', 'district', 'street', 'town', 'township', 'statistical']).optional(),
});

export const ORGANISATION_TYPES = [
  'joint_meeting_office', // 联席会议办公室 (city / district / street)
  'housing_bureau', // 房管局 (city / district)
  'street_office', // 街道办事处 / 镇政府
  'housing_office', // 房管办事处 (房管办)
  'residents_committee', // 居委会
  'department', // 职能部门
  'utility', // 专业服务单位
  'property_company', // 物业服务企业
  'company_branch', // 分公司
  'project_office', // 项目部
  'developer', // 建设单位
  'mediation_committee', // 人民调解委员会
] as const;
export const OrganisationType = z.enum(ORGANISATION_TYPES);

export const Organisation = z.object({
  id: z.string(),
  type: z.string(),
  kind: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  parentId: z.string().nullable(),
  creditCode: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  coverage: z.array(z.string()).optional(),
  version: z.number().int(),
});

export const OrganisationQuery = PageQuery.extend({
  type: OrganisationType.optional(),
  division: z
    .string()
    .regex(/^\d{6,9}$/)
    .optional(),
  parent: z.string().max(64).optional(),
  q: z.string().trim().max(50).optional(),
});

export const OrganisationInput = z.object({
  type: OrganisationType,
  kind: z.string().trim().max(50).nullable().default(null),
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().max(50).nullable().default(null),
  divisionCode: z.string().regex(/^\d{6,9}$/),
  parentId: z.string().max(64).nullable().default(null),
  creditCode: z
    .string()
    .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
    .nullable()
    .default(null),
  phone: z.string().trim().max(30).nullable().default(null),
  address: z.string().trim().max(200).nullable().default(null),
  coverage: z.array(StreetCode).max(400).default([]),
});

export const OrganisationPatch = OrganisationInput.partial().extend({ version: z.number().int().positive() });

export const CompoundListItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  streetCode: z.string(),
  streetName: z.string(),
  buildingArea: z.string().describe('m² with two decimals'),
  unitCount: z.number().int(),
  propertyCompanyName: z.string().nullable(),
});

export const Compound = CompoundListItem.extend({
  residentsCommitteeId: z.string().nullable(),
  residentsCommitteeName: z.string().nullable(),
  gridCellId: z.string().nullable(),
  gridCellName: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  firstDeliveryOn: z.string().nullable(),
  managementAreaName: z.string().nullable(),
  buildingCount: z.number().int(),
  ownerCount: z.number().int(),
  contracts: z.array(
    z.object({
      id: z.string(),
      companyId: z.string(),
      companyName: z.string(),
      projectOfficeName: z.string().nullable(),
      startsOn: z.string(),
      endsOn: z.string().nullable(),
      serviceLevel: z.string(),
    }),
  ),
  version: z.number().int(),
});

export const CompoundQuery = PageQuery.extend({
  district: DistrictCode.optional(),
  street: StreetCode.optional(),
  q: z.string().trim().max(50).optional(),
});

const areaM2 = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'm² with at most two decimals')
  .or(z.number().nonnegative().max(1e9));

export const CompoundInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(2).max(100),
  address: z.string().trim().min(2).max(200),
  streetCode: StreetCode,
  residentsCommitteeId: z.string().max(64).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lng: z.number().min(-180).max(180).nullable().default(null),
  buildingArea: areaM2.default('0'),
  firstDeliveryOn: z.iso.date().nullable().default(null),
  managementAreaName: z.string().trim().max(100).nullable().default(null),
});

export const CompoundPatch = CompoundInput.omit({ code: true })
  .partial()
  .extend({ version: z.number().int().positive() });

export const Building = z.object({
  id: z.string(),
  compoundId: z.string(),
  name: z.string(),
  floors: z.number().int(),
  unitCount: z.number().int(),
});

export const Unit = z.object({
  id: z.string(),
  buildingId: z.string(),
  number: z.string(),
  use: z.string(),
  registeredArea: z.string().nullable(),
  surveyedArea: z.string().nullable(),
  contractArea: z.string().nullable(),
  deliveredOn: z.string().nullable(),
  entrance: z
    .string()
    .nullable()
    .describe('单元 (entrance) of the building; owner groups may form per entrance (《规定》 Art 35)'),
  owners: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});

export const Owner = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  phone: z.string().nullable().describe('masked unless revealed'),
  idNumber: z.string().nullable().describe('masked unless revealed'),
  units: z.array(z.object({ id: z.string(), label: z.string() })),
});

export const OwnerQuery = PageQuery.extend({ q: z.string().trim().max(50).optional() });

export const RevealedOwner = z.object({
  id: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});

/**
 * The public compound directory (the resident report form, no account): a compound's name and where it is,
 * nothing else. Search by name (`q`, two characters at least) or by position (`lat` + `lng`: the nearest).
 */
export const PublicCompoundQuery = z
  .object({
    q: z.string().trim().min(2).max(30).optional(),
    lat: z.coerce.number().min(-90).max(90).optional(),
    lng: z.coerce.number().min(-180).max(180).optional(),
  })
  .refine((v) => !!v.q || (v.lat !== undefined && v.lng !== undefined), {
    message: 'q, or lat and lng',
  });

export const PublicCompound = z.object({
  id: z.string(),
  name: z.string(),
  streetName: z.string().nullable(),
  districtName: z.string().nullable(),
  distanceM: z.number().int().nullable().describe('from the position asked about; null for a name search'),
});

export const PublicBuilding = z.object({ id: z.string(), name: z.string() });
export const PublicUnit = z.object({ id: z.string(), number: z.string() });

/** One of the signed-in owner's own units (专有部分), with where it is: for "report a problem" and the home. */
export const OwnUnit = z.object({
  unitId: z.string(),
  unitNumber: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  streetName: z.string(),
  label: z.string().describe('e.g. 3号楼 1201'),
});
