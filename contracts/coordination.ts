// Joint meetings (联席会议) request/response schemas, shared by the server and the web.
import { z } from 'zod';
import { ATTENDANCE, HOT_REASONS, MEETING_LEVELS } from '../domain/coordination.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().min(1).max(64);
const Version = z.number().int();

export const DUE_STATES = ['done', 'ok', 'warning', 'overdue'] as const;

// ---------------------------------------------------------------------------------------------------------
// Bodies (联席会议) of a division

export const CreateBodyBody = z.object({
  /** The division: 310000 the city, a district (6 digits) or a street/town (9 digits). */
  divisionCode: z.string().regex(/^\d{6}(\d{3})?$/),
  name: text(100),
  convenor: text(100),
  officeOrgId: Id.optional(),
  memberOrgIds: z.array(Id).max(100),
});

export const UpdateBodyBody = z.object({
  version: Version,
  convenor: text(100).optional(),
  memberOrgIds: z.array(Id).max(100).optional(),
});

const Named = z.object({ id: z.string(), name: z.string() });

export const BodySummary = z.object({
  id: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  level: z.enum(MEETING_LEVELS),
  name: z.string(),
  convenor: z.string(),
  officeName: z.string().nullable(),
  members: z.number().int(),
  openActionItems: z.number().int(),
});
export const BodyList = z.object({ items: z.array(BodySummary) });

export const MeetingSummary = z.object({
  id: z.string(),
  meetingOn: z.string(),
  title: z.string(),
  status: z.enum(['planned', 'held']),
  agendaItems: z.number().int(),
});

export const RequestView = z.object({
  id: z.string(),
  fromDivisionCode: z.string(),
  fromDivisionName: z.string().nullable(),
  subject: z.string(),
  details: z.string(),
  caseNo: z.string().nullable(),
  status: z.enum(['pending', 'scheduled']),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const BodyView = BodySummary.extend({
  version: z.number().int(),
  memberOrgs: z.array(Named),
  meetings: z.array(MeetingSummary),
  requests: z.array(RequestView),
  mayManage: z.boolean(),
});

// ---------------------------------------------------------------------------------------------------------
// Meetings, agenda, attendance, minutes, decisions

export const CreateMeetingBody = z.object({
  meetingOn: Day,
  title: text(200),
});

export const AgendaBody = z.discriminatedUnion('source', [
  z.object({ source: z.literal('case'), version: Version, caseId: Id }),
  z.object({ source: z.literal('request'), version: Version, requestId: Id }),
  z.object({ source: z.literal('other'), version: Version, title: text(200) }),
]);

export const DeadlineInput = z.union([z.object({ workingDays: z.number().int() }), z.object({ date: Day })]);

export const ActionInput = z.object({
  title: text(300),
  leadOrgId: Id,
  cooperatingOrgIds: z.array(Id).max(20).default([]),
  deadline: DeadlineInput,
});

export const DecisionInput = z.object({
  /** The agenda item decided (its case records the decision), or none for a general decision. */
  agendaItemId: Id.optional(),
  text: text(2000),
  actions: z.array(ActionInput).max(20).default([]),
});

export const AttendanceInput = z.object({
  orgId: Id,
  attendance: z.enum(ATTENDANCE),
  /** The deputy's name when the unit sent someone (委派). */
  deputyName: z.string().trim().max(100).optional(),
});

export const HoldMeetingBody = z.object({
  version: Version,
  attendance: z.array(AttendanceInput).min(1).max(100),
  minutes: z.string().trim().min(2).max(20000),
  decisions: z.array(DecisionInput).min(1).max(50),
});

export const AgendaItemView = z.object({
  id: z.string(),
  seq: z.number().int(),
  source: z.enum(['case', 'request', 'other']),
  title: z.string(),
  caseId: z.string().nullable(),
  caseNo: z.string().nullable(),
  reasons: z.array(z.enum(HOT_REASONS)),
  fromDivisionName: z.string().nullable(),
});

export const ActionItemView = z.object({
  id: z.string(),
  version: z.number().int(),
  title: z.string(),
  bodyName: z.string(),
  meetingTitle: z.string(),
  meetingOn: z.string(),
  decision: z.string(),
  leadOrgId: z.string(),
  leadName: z.string(),
  cooperatingNames: z.array(z.string()),
  dueOn: z.string(),
  dueState: z.enum(DUE_STATES),
  status: z.enum(['open', 'done']),
  evidence: z.string().nullable(),
  doneOn: z.string().nullable(),
  doneByName: z.string().nullable(),
  supervisionCount: z.number().int(),
  lastSupervisedOn: z.string().nullable(),
  mayComplete: z.boolean(),
  maySupervise: z.boolean(),
});

export const DecisionView = z.object({
  id: z.string(),
  seq: z.number().int(),
  text: z.string(),
  agendaItemId: z.string().nullable(),
  actionItems: z.array(ActionItemView),
});

export const AttendanceView = z.object({
  orgId: z.string(),
  orgName: z.string(),
  attendance: z.enum(ATTENDANCE).nullable(),
  deputyName: z.string().nullable(),
});

export const MeetingView = MeetingSummary.extend({
  version: z.number().int(),
  bodyId: z.string(),
  bodyName: z.string(),
  level: z.enum(MEETING_LEVELS),
  minutes: z.string().nullable(),
  agenda: z.array(AgendaItemView),
  attendance: z.array(AttendanceView),
  decisions: z.array(DecisionView),
  /** The action items of earlier meetings reported back: still open, or done since the previous meeting. */
  reportBack: z.array(ActionItemView),
  mayManage: z.boolean(),
});

// ---------------------------------------------------------------------------------------------------------
// Hot cases, requests from a lower level

export const HotCase = z.object({
  id: z.string(),
  caseNo: z.string(),
  title: z.string(),
  status: z.string(),
  streetName: z.string().nullable(),
  leadName: z.string().nullable(),
  dueAt: z.string().nullable(),
  returns: z.number().int(),
  reasons: z.array(z.enum(HOT_REASONS)),
});
export const HotCaseList = z.object({ items: z.array(HotCase) });

/** A request as its sender sees it: where it went and which meeting took it up. */
export const SentRequest = RequestView.extend({
  bodyName: z.string(),
  meetingTitle: z.string().nullable(),
  meetingOn: z.string().nullable(),
  meetingHeld: z.boolean(),
});
export const SentRequestList = z.object({ items: z.array(SentRequest) });

export const CreateRequestBody = z.object({
  subject: text(200),
  details: z.string().trim().min(2).max(4000),
  caseId: Id.optional(),
});

// ---------------------------------------------------------------------------------------------------------
// Action items (督办事项)

export const ActionItemQuery = z.object({
  /** true: the items whose lead or cooperating unit is one of the caller's organisations. */
  mine: z.enum(['true', 'false']).optional(),
  status: z.enum(['open', 'done']).optional(),
});
export const ActionItemList = z.object({ items: z.array(ActionItemView) });

export const CompleteBody = z.object({
  version: Version,
  /** What was done and what proves it (≥ 10 characters). */
  evidence: z.string().max(4000),
});

export const SuperviseBody = z.object({
  version: Version,
  note: z.string().trim().min(2).max(1000),
});

export const Created = z.object({ id: z.string() });
