// Table types of joint meetings (联席会议, migration 0023-coordination) for Kysely, joined into DB by schema.ts.
import type { Attendance, MeetingLevel } from '../../../domain/coordination.js';

export interface CoordBodyTable {
  id: string;
  division_code: string;
  level: MeetingLevel;
  district_code: string | null;
  street_code: string | null;
  name: string;
  convenor: string;
  office_org_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoordMemberTable {
  body_id: string;
  org_id: string;
}

export interface CoordMeetingTable {
  id: string;
  body_id: string;
  meeting_on: string;
  title: string;
  status: 'planned' | 'held';
  minutes: string | null;
  agenda_count: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoordRequestTable {
  id: string;
  body_id: string;
  from_division_code: string;
  subject: string;
  details: string;
  case_id: string | null;
  status: 'pending' | 'scheduled';
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoordAgendaItemTable {
  id: string;
  meeting_id: string;
  seq: number;
  source: 'case' | 'request' | 'other';
  title: string;
  case_id: string | null;
  request_id: string | null;
  reasons_json: string;
  created_at: string;
}

export interface CoordAttendanceTable {
  meeting_id: string;
  org_id: string;
  attendance: Attendance;
  deputy_name: string | null;
}

export interface CoordDecisionTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  seq: number;
  text: string;
  created_at: string;
}

export interface CoordActionItemTable {
  id: string;
  decision_id: string;
  meeting_id: string;
  body_id: string;
  district_code: string | null;
  street_code: string | null;
  title: string;
  lead_org_id: string;
  due_on: string;
  status: 'open' | 'done';
  evidence: string | null;
  done_on: string | null;
  done_by_name: string | null;
  supervision_count: number;
  last_supervised_on: string | null;
  /** The due state the lead unit was last warned of by the daily scan. */
  warned_state: 'warning' | 'overdue' | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CoordActionOrgTable {
  action_item_id: string;
  org_id: string;
}

export interface CoordinationTables {
  coord_bodies: CoordBodyTable;
  coord_members: CoordMemberTable;
  coord_meetings: CoordMeetingTable;
  coord_requests: CoordRequestTable;
  coord_agenda_items: CoordAgendaItemTable;
  coord_attendance: CoordAttendanceTable;
  coord_decisions: CoordDecisionTable;
  coord_action_items: CoordActionItemTable;
  coord_action_orgs: CoordActionOrgTable;
}
