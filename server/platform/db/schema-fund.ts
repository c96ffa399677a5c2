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
  basis: 'decision' | 'emergency';
  decision_id: string | null;
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

export interface FundTables {
  fund_accounts: FundAccountTable;
  fund_building_ledgers: FundBuildingLedgerTable;
  fund_unit_ledgers: FundUnitLedgerTable;
  fund_payments: FundPaymentTable;
  fund_entries: FundEntryTable;
}
