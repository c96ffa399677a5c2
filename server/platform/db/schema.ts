// Table types for Kysely. Rules: ids are UUIDv7 text, timestamps ISO-8601 UTC text, booleans 0/1,
// JSON as text, areas in integer centi-m² (0.01 m²), money in integer fen.
import type { Role, ScopeType } from '../../../domain/access.js';
import type { GovernanceTables } from './schema-governance.js';
import type { FundTables } from './schema-fund.js';
import type { CoordinationTables } from './schema-coordination.js';
import type { MediationTables } from './schema-mediation.js';
import type { IndustryTables } from './schema-industry.js';
import type { PlanTables } from './schema-plan.js';
import type { AssessmentTables } from './schema-assessment.js';

export type * from './schema-governance.js';

export interface DivisionTable {
  code: string; // GB/T 2260 (6 digits) or GB/T 10114 (9 digits)
  name: string;
  level: 'city' | 'district' | 'street' | 'town' | 'township' | 'statistical';
  parent_code: string | null;
  table_version: string; // which official code table this row comes from
}

export interface OrganisationTable {
  id: string;
  type: string; // see domain/organisations.ts ORGANISATION_TYPES
  kind: string | null; // department or utility speciality, e.g. urbanManagementEnforcement, water
  name: string;
  short_name: string | null;
  division_code: string; // the division the organisation belongs to
  parent_id: string | null;
  credit_code: string | null; // 统一社会信用代码
  phone: string | null;
  address: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OrganisationCoverageTable {
  organisation_id: string;
  division_code: string; // a street/town a department covers or a utility serves
}

export interface GridCellTable {
  id: string;
  code: string;
  name: string;
  street_code: string;
  created_at: string;
}

export interface CompoundTable {
  id: string;
  code: string;
  name: string;
  address: string;
  district_code: string;
  street_code: string;
  residents_committee_id: string | null;
  grid_cell_id: string | null;
  lat: number | null; // WGS-84
  lng: number | null;
  building_area: number; // centi-m², total floor area (建筑面积)
  first_delivery_on: string | null; // YYYY-MM-DD
  management_area_name: string | null; // 物业管理区域 when it differs from the compound
  created_at: string;
  updated_at: string;
  version: number;
}

export interface BuildingTable {
  id: string;
  compound_id: string;
  name: string;
  floors: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UnitTable {
  id: string;
  compound_id: string;
  building_id: string;
  number: string;
  use: string; // residential | commercial | parking | other
  registered_area: number | null; // 登记面积, centi-m²
  surveyed_area: number | null; // 实测面积
  contract_area: number | null; // 合同面积
  delivered_on: string | null;
  entrance: string | null; // 单元 (entrance), migration 0017
  created_at: string;
  updated_at: string;
  version: number;
}

export interface OwnerTable {
  id: string;
  kind: 'person' | 'organisation' | 'developer';
  name: string;
  phone: string | null;
  id_number: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UnitOwnerTable {
  unit_id: string;
  owner_id: string;
  compound_id: string;
}

export interface ServiceContractTable {
  id: string;
  compound_id: string;
  company_id: string; // property company organisation
  project_office_id: string | null;
  starts_on: string;
  ends_on: string | null;
  service_level: string; // 一级 … 五级 or 菜单式
  kind: 'preliminary' | 'regular'; // 前期物业服务合同 | 物业服务合同 (0022-industry)
  signed_on: string | null;
  fee_fen_per_m2_month: number | null; // 物业服务费, fen per m² of building area per month
  filed_on: string | null; // 备案 with the district (《规定》第四十四条)
  filed_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  locale: string;
  phone: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface UserRoleTable {
  id: string;
  user_id: string;
  role: Role; // see domain/access.ts ROLES (a closed set)
  scope_type: ScopeType; // city | district | street | compound | company | department | own_units
  scope_id: string; // division code, compound id, organisation id or owner id; 'all' for city
  created_at: string;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiKeyTable {
  id: string;
  name: string;
  channel: string;
  key_hash: string;
  key_prefix: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
  /** Open311 creates per minute for this key; null = OPEN311_KEY_RATE_LIMIT (migration 0007). */
  rate_limit_per_minute?: number | null;
}

export interface AuditLogTable {
  id: string;
  seq: number | null; // chain position, set when sealed
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string | null;
  hash: string | null;
  seal_version: number | null; // 2 = HMAC-SHA256 (migration 0007); null = plain SHA-256 before it
}

export interface JobTable {
  id: string;
  queue: string;
  payload: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
}

export interface CaseCategoryTable {
  code: string;
  name_zh: string;
  name_en: string;
  urgent: number;
  attributes_json: string;
  /** Words callers use for the category (检索词), a JSON array (migration 0013). */
  keywords_json: string;
  active: number;
  sort: number;
  updated_at: string;
  version: number;
}

export interface ResponsibilityListTable {
  version: number;
  note: string;
  active: number;
  created_by: string | null;
  created_at: string;
}

export interface ResponsibilityRuleTable {
  list_version: number;
  id: string;
  priority: number;
  category_code: string;
  conditions_json: string;
  district_code: string | null;
  org_type: string;
  org_kind: string | null;
  co_handlers_json: string;
  source: string;
}

export interface SlaPolicyTable {
  id: string;
  stage: string;
  category_code: string | null;
  channel: string | null;
  conditions_json: string;
  duration: string;
  warn_before_minutes: number;
  escalate_on_overdue: number;
  source_kind: string;
  source_ref: string;
  updated_at: string;
  version: number;
}

export interface CalendarDayTable {
  date: string;
  kind: 'holiday' | 'workday';
  source: string;
  year: number | null; // the year's schedule the day belongs to (0004)
}

export interface CaseTable {
  id: string;
  case_no: string;
  channel: string;
  external_ref: string | null;
  /** Whose external reference it is: `apikey:<id>`, or `staff:<channel family>` (0006). */
  idempotency_scope: string | null;
  /** sha256 of the intake request, to tell a retry from a reused key (0006). */
  request_hash: string | null;
  category_code: string;
  attributes_json: string;
  urgency: string;
  status: string;
  status_before_suspension: string | null;
  title: string;
  description: string;
  address: string | null;
  district_code: string;
  street_code: string;
  compound_id: string | null;
  building_id: string | null;
  unit_id: string | null;
  grid_cell_id: string | null;
  lat: number | null;
  lng: number | null;
  reporter_name: string | null;
  reporter_phone: string | null;
  reporter_email: string | null;
  /** The signed-in owner's account that reported the case (migration 0011); null for every other channel. */
  reporter_user_id?: string | null;
  /** 网络舆情: the address of the online post the case was found in (migration 0028); null otherwise. */
  source_url?: string | null;
  proactive: number;
  lead_org_id: string | null;
  suggested_org_id: string | null;
  routing_rule: string | null;
  routing_note: string | null;
  accept_due_at: string | null;
  sign_due_at: string | null;
  arrive_due_at: string | null;
  resolve_due_at: string | null;
  /** 反馈举报人 by (拆违规定 Art 5; migration 0014), from the dispatch; fed_back_at when done. */
  feedback_due_at: string | null;
  fed_back_at: string | null;
  /** 1: the lead is a property company and the category carries 《规定》 Art 59's report duty (migration 0014). */
  violation_duty: number;
  /** 24 h from the company's 劝阻、制止无效 record (《规定》 Art 59); violation_reported_at when reported. */
  violation_report_due_at: string | null;
  violation_reported_at: string | null;
  /** 1 on site by arrive_due_at, 0 late or the deadline passed first, null without an on-site clock (0014). */
  arrived_ontime: number | null;
  next_due_at: string;
  due_state: string;
  accepted_at: string | null;
  dispatched_at: string | null;
  signed_at: string | null;
  arrived_at: string | null;
  reported_at: string | null;
  closed_at: string | null;
  suspended_at: string | null;
  extension_pending: number;
  supervision_level: number;
  satisfaction: string | null;
  reopen_count: number;
  merged_into_id: string | null;
  duplicate_of_id: string | null;
  resolved: number | null;
  ontime: number | null;
  accepted_ontime: number | null;
  event_count: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CaseCohandlerTable {
  case_id: string;
  org_id: string;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string;
  actor_org_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  data_json: string;
}

export interface CasePhotoTable {
  id: string;
  case_id: string;
  event_seq: number;
  mime: string;
  bytes: number;
  content: Buffer | null;
  url: string | null;
  created_at: string;
}

export interface CampaignTable {
  id: string;
  name: string;
  category_code: string;
  division_code: string;
  target: number;
  starts_on: string;
  ends_on: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CampaignCaseTable {
  campaign_id: string;
  case_id: string;
}

export interface NotificationTable {
  id: string;
  org_id: string | null;
  user_id: string | null;
  case_id: string | null;
  kind: string;
  text_zh: string;
  text_en: string;
  created_at: string;
  read_at: string | null;
}

/** Messages "sent" by the adapter before migration 0010 (kept for history; resident_messages supersedes it). */
export interface NotificationLogTable {
  id: string;
  channel: string;
  recipient: string;
  text: string;
  case_id: string | null;
  created_at: string;
}

/** A request counter of one rate-limited key in one fixed window (platform/rate-limits.ts). */
export interface RateLimitTable {
  key: string;
  window_start: string;
  count: number;
  expires_at: string;
}

/** A message to a resident (outbox; migration 0010). */
export interface ResidentMessageTable {
  id: string;
  case_id: string;
  step: string;
  channel: string;
  recipient: string;
  text: string;
  status: 'pending' | 'sent' | 'failed';
  adapter: string | null;
  attempts: number;
  last_error: string | null;
  dedupe_key: string;
  created_at: string;
  sent_at: string | null;
}

export interface CaseCounterTable {
  key: string;
  value: number;
}

export interface DB
  extends
    GovernanceTables,
    FundTables,
    MediationTables,
    IndustryTables,
    CoordinationTables,
    PlanTables,
    AssessmentTables {
  divisions: DivisionTable;
  organisations: OrganisationTable;
  organisation_coverage: OrganisationCoverageTable;
  grid_cells: GridCellTable;
  compounds: CompoundTable;
  buildings: BuildingTable;
  units: UnitTable;
  owners: OwnerTable;
  unit_owners: UnitOwnerTable;
  service_contracts: ServiceContractTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  api_keys: ApiKeyTable;
  audit_log: AuditLogTable;
  jobs: JobTable;
  settings: SettingTable;
  case_categories: CaseCategoryTable;
  responsibility_lists: ResponsibilityListTable;
  responsibility_rules: ResponsibilityRuleTable;
  sla_policies: SlaPolicyTable;
  calendar_days: CalendarDayTable;
  cases: CaseTable;
  case_cohandlers: CaseCohandlerTable;
  case_events: CaseEventTable;
  case_photos: CasePhotoTable;
  campaigns: CampaignTable;
  campaign_cases: CampaignCaseTable;
  notifications: NotificationTable;
  notification_log: NotificationLogTable;
  case_counters: CaseCounterTable;
  rate_limits: RateLimitTable;
  resident_messages: ResidentMessageTable;
}
