// Table types of the maintenance fund (专项维修资金, migration 0021-fund) for Kysely, joined into DB by schema.ts.
// Same rules as schema.ts: UUIDv7 ids, ISO-8601 UTC text, integer fen, Shanghai dates as YYYY-MM-DD.
export type FundEntryKind =
  | 'initial_deposit' // 首期 by the buyer or seller (Art 64 ¶1)
  | 'developer_advance' // the seller's advance for unsold units before 首次登记 (Art 64 ¶2)
  | 'interest' // 利息, allocated by balance
  | 'top_up' // 补建 / 再次筹集 (Art 65)
  | 'disbursement' // a payment's share (Art 68)
  | 'refund';

export interface FundAccountTable {
  id: string;
  compound_id: string;
  bank_name: string;
  account_name: string;
  opened_on: string;
  balance_fen: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FundBuildingLedgerTable {
  building_id: string;
  account_id: string;
  balance_fen: number;
  updated_at: string;
}

export interface FundUnitLedgerTable {
  unit_id: string;
  account_id: string;
  building_id: string;
  initial_fen: number;
  balance_fen: number;
  updated_at: string;
}

export interface FundPaymentTable {
  id: string;
  account_id: string;
  reference: string;
  title: string;
  cost_fen: number;
  basis: 'decision' | 'emergency' | 'application';
  decision_id: string | null;
  emergency_id: string | null; // migration 0026: the emergency report it paid (第七十三条)
  application_id: string | null; // migration 0027: the pre-assembly application it paid (第七十一条第二款)
  scope: 'compound' | 'buildings';
  building_ids_json: string;
  unit_count: number;
  paid_on: string;
  created_by: string | null;
  created_at: string;
}

export interface FundEntryTable {
  id: string;
  account_id: string;
  building_id: string;
  unit_id: string;
  kind: FundEntryKind;
  amount_fen: number;
  entry_on: string;
  payment_id: string | null;
  memo: string;
  created_by: string | null;
  created_at: string;
}

/** 第七十三条 emergency report (migration 0026-fund-emergency). */
export interface FundEmergencyTable {
  id: string;
  compound_id: string;
  account_id: string;
  situation: 'pump_tank' | 'lift' | 'fire_system' | 'facade' | 'leak';
  title: string;
  plan: string;
  quotation_fen: number;
  document_issuer: string | null;
  document_number: string | null;
  scope: 'compound' | 'buildings';
  building_ids_json: string;
  safety_affected: number;
  stage: 'before_assembly' | 'assembly';
  status: 'reported' | 'approved' | 'district_ordered' | 'refused' | 'paid';
  reported_on: string;
  committee_due_on: string | null;
  decided_on: string | null;
  decision_note: string | null;
  reviewed_cost_fen: number | null;
  reviewer: string | null;
  review_report_no: string | null;
  reviewed_on: string | null;
  payment_id: string | null;
  case_id: string | null;
  reported_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 第七十一条第二款、第三款 use application before the assembly (migration 0027-fund-applications). */
export interface FundApplicationTable {
  id: string;
  compound_id: string;
  account_id: string;
  title: string;
  plan: string;
  quotation_fen: number;
  scope: 'compound' | 'buildings';
  building_ids_json: string;
  status: 'proposed' | 'consulted' | 'rejected' | 'paid';
  proposed_on: string;
  consulted_on: string | null;
  consultation_json: string | null;
  consultation_note: string | null;
  reviewed_cost_fen: number | null;
  reviewer: string | null;
  review_report_no: string | null;
  reviewed_on: string | null;
  payment_id: string | null;
  proposed_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface FundTables {
  fund_applications: FundApplicationTable;
  fund_emergencies: FundEmergencyTable;
  fund_accounts: FundAccountTable;
  fund_building_ledgers: FundBuildingLedgerTable;
  fund_unit_ledgers: FundUnitLedgerTable;
  fund_payments: FundPaymentTable;
  fund_entries: FundEntryTable;
}
