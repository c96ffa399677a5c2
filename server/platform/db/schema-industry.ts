// Table types of the property-service industry (物业服务行业, migration 0022-industry) for Kysely, joined into DB by
// schema.ts. The filing columns of service_contracts are in schema.ts (ServiceContractTable).
import type { CreditKind, CreditSubject, RecordStatus } from '../../../domain/credit.js';

export interface IndustryCompanyProfileTable {
  id: string; // the organisation's id
  credit_code: string; // 统一社会信用代码 (GB 32100)
  registered_address: string;
  legal_representative: string;
  staff_count: number | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IndustryQualificationTable {
  id: string;
  company_id: string;
  grade: string; // 资质等级, a historical fact (abolished 2018)
  certificate_no: string | null;
  granted_on: string;
  ended_on: string | null;
  note: string | null;
  created_at: string;
}

export interface IndustryManagerTable {
  id: string;
  name: string;
  certificate_no: string;
  phone: string | null; // stored; shown masked
  company_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IndustryPostingTable {
  id: string;
  manager_id: string;
  compound_id: string;
  from_on: string;
  to_on: string | null;
  created_at: string;
}

export interface CreditRuleTable {
  code: string;
  subject: CreditSubject;
  kind: CreditKind;
  zh: string;
  en: string;
  points: number;
  expiry_months: number;
  correction_min_months: number | null;
  verified: number;
  source: string | null;
}

export interface CreditRecordTable {
  id: string;
  subject: CreditSubject;
  company_id: string;
  head_id: string;
  manager_id: string | null;
  rule_code: string;
  kind: CreditKind;
  points: number;
  facts: string;
  evidence: string;
  source: string;
  occurred_on: string;
  compound_id: string | null;
  district_code: string;
  street_code: string | null;
  status: RecordStatus;
  entered_on: string;
  entered_by: string | null;
  entered_by_name: string;
  confirmed_by: string | null;
  published_on: string | null;
  expires_on: string | null;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export type ObjectionStatus = 'pending' | 'upheld' | 'dismissed';
export interface CreditObjectionTable {
  id: string;
  record_id: string;
  reason: string;
  filed_on: string;
  filed_by: string | null;
  status: ObjectionStatus;
  decided_on: string | null;
  decided_by: string | null;
  decision_reasons: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export type CorrectionStatus = 'pending' | 'approved' | 'refused';
export interface CreditCorrectionTable {
  id: string;
  record_id: string;
  rectification: string;
  applied_on: string;
  due_on: string;
  applied_by: string | null;
  status: CorrectionStatus;
  decided_on: string | null;
  decided_by: string | null;
  decision_reasons: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface IndustryTables {
  industry_company_profiles: IndustryCompanyProfileTable;
  industry_qualifications: IndustryQualificationTable;
  industry_managers: IndustryManagerTable;
  industry_postings: IndustryPostingTable;
  credit_rules: CreditRuleTable;
  credit_records: CreditRecordTable;
  credit_objections: CreditObjectionTable;
  credit_corrections: CreditCorrectionTable;
}
