// Table types for Kysely. Rules: ids are UUIDv7 text, timestamps ISO-8601 UTC text, booleans 0/1,
// JSON as text, areas in integer centi-m² (0.01 m²), money in integer fen.
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
  role: string; // see domain/access.ts ROLES
  scope_type: string; // city | district | street | compound | company | department | own_units
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
}

export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  target_type: string;
  target_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
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

export interface DB {
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
}
