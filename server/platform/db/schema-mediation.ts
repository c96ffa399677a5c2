// Table types of dispute mediation (矛盾调解, migration 0024-mediation) for Kysely, joined into DB by schema.ts.
import type { DisputeStatus, DisputeType, PartySide } from '../../../domain/mediation.js';

export interface MediationDisputeTable {
  id: string;
  type: DisputeType;
  subject: string;
  facts: string;
  compound_id: string;
  district_code: string;
  street_code: string;
  committee_org_id: string;
  mediator_user_id: string | null;
  status: DisputeStatus;
  received_on: string;
  case_id: string | null;
  returned_case_id: string | null;
  agreement_json: string | null;
  agreed_on: string | null;
  effective_on: string | null;
  referral_json: string | null;
  confirmation_json: string | null;
  closed_on: string | null;
  close_note: string | null;
  session_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface MediationPartyTable {
  id: string;
  dispute_id: string;
  seq: number;
  side: PartySide;
  name: string;
  phone: string | null;
  owner_id: string | null;
}

export interface MediationSessionTable {
  id: string;
  dispute_id: string;
  held_on: string;
  place: string | null;
  notes: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface MediationTables {
  mediation_disputes: MediationDisputeTable;
  mediation_parties: MediationPartyTable;
  mediation_sessions: MediationSessionTable;
}
