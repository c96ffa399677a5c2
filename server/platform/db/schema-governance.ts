// Table types of owners' self-governance (migrations 0003-governance, 0005-governance-records) for Kysely,
// joined into DB by schema.ts. Same rules as schema.ts: UUIDv7 ids, ISO-8601 UTC text, 0/1, fen, centi-m².
export interface DecisionTable {
  id: string;
  compound_id: string;
  scope: 'compound' | 'buildings'; // buildings = 部分共用部分 (《规定》 Art 69)
  building_ids_json: string;
  matter: string; // domain/vote-tally.ts MATTERS
  method: 'meeting' | 'written';
  title: string;
  description: string;
  opens_at: string;
  closes_at: string;
  status: 'draft' | 'open' | 'closed' | 'published' | 'cancelled';
  notice_posted_on: string | null;
  notice_days: number;
  unit_count: number;
  ballot_count: number;
  result_json: string | null;
  roll_json: string | null; // [[unit, owner, registered, surveyed, contract], …] frozen at opening
  ballots_json: string | null; // [[owner, choice, channel], …] frozen at closing
  opened_at: string | null;
  closed_at: string | null;
  publish_due_on: string | null;
  published_at: string | null;
  notice_ends_on: string | null;
  statute_clause: string | null; // 管理规约 clause providing for the repair (Art 28 ¶4 (三)), 0017
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DecisionUnitTable {
  decision_id: string;
  unit_id: string;
  building_id: string;
  label: string;
  owner_id: string; // vote owner key (区分所有权解释 Art 9)
  developer: number;
  registered_area: number | null; // centi-m², as on the day the decision opened
  surveyed_area: number | null;
  contract_area: number | null;
  invite_hash: string | null;
  invite_issued_at: string | null;
}

export interface BallotTable {
  id: string;
  decision_id: string;
  owner_id: string;
  unit_id: string;
  choice: 'yes' | 'no' | 'abstain';
  channel: 'web' | 'desk' | 'proxy';
  proxy_name: string | null;
  proxy_document: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  at: string;
}

export interface GovFormationTable {
  id: string;
  compound_id: string;
  status: 'in_progress' | 'completed' | 'cancelled';
  trigger_kind: 'area' | 'two_years' | 'owners_request';
  trigger_on: string;
  report_kind: 'developer' | 'owners_request' | null;
  report_on: string | null;
  group_formed_on: string | null;
  member_list_posted_on: string | null;
  meeting_planned_on: string | null;
  meeting_notice_posted_on: string | null;
  first_meeting_on: string | null;
  note: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface GovGroupTable {
  id: string;
  compound_id: string;
  kind: 'preparatory' | 'reelection';
  subject_id: string;
  formed_on: string;
  created_at: string;
}

export interface GovGroupMemberTable {
  group_id: string;
  seq: number;
  name: string;
  role: 'owner' | 'developer' | 'street' | 'residents_committee';
  owner_id: string | null;
  leader: number;
}

export interface GovObjectionTable {
  id: string;
  formation_id: string;
  received_on: string;
  from_name: string;
  content: string;
  answer: string | null;
  answered_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CommitteeTable {
  id: string;
  compound_id: string;
  term_no: number;
  seats: number;
  elected_on: string;
  term_years: number;
  term_ends_on: string;
  status: 'current' | 'succeeded';
  formation_id: string | null;
  election_decision_id: string | null;
  filing_status: 'none' | 'submitted' | 'accepted' | 'rejected';
  filing_submitted_on: string | null;
  filing_decided_on: string | null;
  filing_note: string | null;
  reelection_reported_on: string | null;
  filing_received_on: string | null; // 受理 (Art 34: the 20 days run from it), migration 0017
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CommitteeMemberTable {
  id: string;
  committee_id: string;
  owner_id: string;
  name: string;
  position: 'chair' | 'vice_chair' | 'member';
  undertaking_signed: number;
  employed_by_manager: number;
  trained_on: string | null;
  joined_on: string;
  by_election: number;
  ended_on: string | null;
  end_reason: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CommitteeMeetingTable {
  id: string;
  committee_id: string;
  held_on: string;
  kind: 'regular' | 'extraordinary';
  minutes: string;
  expected_count: number;
  present_count: number;
  quorate: number;
  resolutions_json: string;
  created_by: string | null;
  created_at: string;
  published_on: string | null; // Art 26 ¶3: posted within 3 days
  rc_informed_on: string | null; // … and the residents' committee informed
}

export interface CommitteeAttendanceTable {
  meeting_id: string;
  member_id: string;
  present: number;
}

export interface GovTaskTable {
  id: string;
  compound_id: string;
  district_code: string;
  street_code: string;
  subject_type:
    'compound' | 'formation' | 'committee' | 'decision' | 'meeting' | 'change' | 'member' | 'petition';
  subject_id: string;
  kind: string;
  responsible: 'developer' | 'street' | 'group' | 'committee';
  due_on: string;
  nominal_due_on: string;
  done_on: string | null;
  legal_ref: string;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 变更备案 (《规定》 Art 33). */
export interface CommitteeChangeTable {
  id: string;
  committee_id: string;
  compound_id: string;
  kind: 'members' | 'rules_of_procedure' | 'management_statute' | 'name' | 'area' | 'deregistration';
  summary: string;
  changed_on: string;
  source_type: 'member' | 'decision' | null;
  source_id: string | null;
  status: 'pending' | 'submitted' | 'accepted' | 'rejected';
  submitted_on: string | null;
  decided_on: string | null;
  note: string | null;
  received_on: string | null; // 受理 (Art 34), migration 0017
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Training given by the street to committee members (Arts 15, 23). */
export interface GovTrainingTable {
  id: string;
  compound_id: string;
  committee_id: string;
  held_on: string;
  topic: string;
  trainer: string;
  hours: number; // tenths of an hour
  attendee_ids_json: string;
  created_by: string | null;
  created_at: string;
}

/** 业主小组 (Art 35), one active group per building. */
export interface OwnerGroupTable {
  id: string;
  compound_id: string;
  building_id: string;
  formed_on: string;
  status: 'active' | 'dissolved';
  dissolved_on: string | null;
  entrance: string | null; // 单元 (Art 35); null = the whole building, migration 0017
  representatives_json: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** 欠交物业服务费或者专项维修资金 on a unit (amount in fen). */
export interface FeeArrearTable {
  id: string;
  compound_id: string;
  unit_id: string;
  kind: 'service_fee' | 'maintenance_fund';
  amount: number;
  period_from: string;
  period_to: string;
  recorded_on: string;
  settled_on: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Written notice of an assembly meeting to the 房管机构 / 居民委员会 (《规定》 Art 25 ¶2). */
export interface GovMeetingNoticeTable {
  id: string;
  decision_id: string;
  compound_id: string;
  recipient: 'housing_office' | 'residents_committee';
  recipient_name: string;
  notified_on: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

/** A proposal for an extraordinary assembly (Art 25 ¶1) or committee (Art 26 ¶1) meeting. */
export interface GovPetitionTable {
  id: string;
  compound_id: string;
  committee_id: string;
  kind: 'assembly' | 'committee';
  received_on: string;
  subject: string;
  proposers: number;
  base: number;
  proposer_member_ids_json: string;
  met: number;
  status: 'awaiting' | 'convened' | 'insufficient';
  convened_on: string | null;
  convened_ref_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** A region exempt from forming an assembly (Art 13 ¶2). */
export interface AssemblyExemptionTable {
  id: string;
  compound_id: string;
  reason: 'single_owner' | 'unanimous';
  agreed_on: string;
  owners_at_record: number;
  note: string | null;
  status: 'active' | 'revoked';
  revoked_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** One of the six documents of the committee's filing (Art 23 ¶1). */
export interface CommitteeFilingMaterialTable {
  id: string;
  committee_id: string;
  compound_id: string;
  material: string;
  provided_on: string;
  description: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** The governance tables; DB in schema.ts extends this. */
export interface GovernanceTables {
  decisions: DecisionTable;
  decision_units: DecisionUnitTable;
  ballots: BallotTable;
  gov_formations: GovFormationTable;
  gov_groups: GovGroupTable;
  gov_group_members: GovGroupMemberTable;
  gov_objections: GovObjectionTable;
  committees: CommitteeTable;
  committee_members: CommitteeMemberTable;
  committee_meetings: CommitteeMeetingTable;
  committee_attendance: CommitteeAttendanceTable;
  gov_tasks: GovTaskTable;
  committee_changes: CommitteeChangeTable;
  gov_trainings: GovTrainingTable;
  owner_groups: OwnerGroupTable;
  fee_arrears: FeeArrearTable;
  gov_meeting_notices: GovMeetingNoticeTable;
  gov_petitions: GovPetitionTable;
  assembly_exemptions: AssemblyExemptionTable;
  committee_filing_materials: CommitteeFilingMaterialTable;
  unit_violations: UnitViolationTable;
}

/** Art 20 ¶2 grounds found on a unit and not yet corrected (migration 0017). */
export interface UnitViolationTable {
  id: string;
  compound_id: string;
  unit_id: string;
  ground: 'load_bearing' | 'illegal_construction' | 'facade' | 'change_of_use' | 'illegal_renting';
  found_on: string;
  corrected_on: string | null;
  note: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}
