// Owners' self-governance contract: decisions and ballots, invitation codes, results with their
// arithmetic, assembly formation, owners' committees, the street's task queue and overview.
import { z } from 'zod';
import { CHOICES, MATTERS } from '../domain/vote-tally.js';
import {
  CHANGE_KINDS,
  DECISION_METHODS,
  DISQUALIFICATIONS,
  FORMATION_STEPS,
  GOVERNANCE_STATES,
  GROUP_ROLES,
  POSITIONS,
} from '../domain/governance.js';
import { PageQuery } from './common.js';

const id = z.string().min(1).max(64);
const date = z.iso.date();
const instant = z.iso.datetime({ offset: true });

export const Matter = z.enum(MATTERS);
export const Choice = z.enum(CHOICES);
export const DecisionMethod = z.enum(DECISION_METHODS);
export const DECISION_STATUSES = ['draft', 'open', 'closed', 'published', 'cancelled'] as const;
export const DecisionStatus = z.enum(DECISION_STATUSES);
export const DECISION_ACTIONS = ['open', 'close', 'publish', 'cancel'] as const;
export const DecisionActionName = z.enum(DECISION_ACTIONS);

// ---------------------------------------------------------------------------------------------------------
// Decisions

export const DecisionInput = z.object({
  compoundId: id,
  scope: z.enum(['compound', 'buildings']).default('compound'),
  buildingIds: z.array(id).max(500).default([]),
  matter: Matter,
  method: DecisionMethod,
  title: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).default(''),
  opensAt: instant,
  closesAt: instant,
  noticeDays: z.number().int().min(1).max(365).default(15).describe('days the result stays posted'),
});

export const DecisionActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('open'),
    version: z.number().int(),
    noticePostedOn: date.describe('the day the meeting notice was posted (≥ 15 days before opening)'),
  }),
  z.object({ action: z.literal('close'), version: z.number().int() }),
  z.object({ action: z.literal('publish'), version: z.number().int() }),
  z.object({ action: z.literal('cancel'), version: z.number().int() }),
]);
export type DecisionAction = z.infer<typeof DecisionActionBody>;

export const Decision = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  streetCode: z.string(),
  scope: z.enum(['compound', 'buildings']),
  buildings: z.array(z.object({ id: z.string(), name: z.string() })),
  matter: Matter,
  rule: z.enum(['majority', 'three_quarters']),
  method: DecisionMethod,
  title: z.string(),
  description: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  status: DecisionStatus,
  noticePostedOn: z.string().nullable(),
  noticeDays: z.number().int(),
  unitCount: z.number().int(),
  ballotCount: z.number().int(),
  invitationsIssued: z.number().int(),
  acceptingBallots: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  publishDueOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
  challengeUntil: z
    .string()
    .nullable()
    .describe('last day an owner may ask the court to revoke the decision (区分所有权解释 Art 12: 1 year)'),
  allowedActions: z.array(DecisionActionName),
  canRecordBallots: z.boolean(),
  canManage: z.boolean().describe('may run this decision (committee member of the compound, street office)'),
  createdAt: z.string(),
  version: z.number().int(),
});

export const DecisionListItem = Decision.pick({
  id: true,
  compoundId: true,
  compoundName: true,
  scope: true,
  matter: true,
  method: true,
  title: true,
  opensAt: true,
  closesAt: true,
  status: true,
  unitCount: true,
  ballotCount: true,
  publishedAt: true,
});

export const DecisionQuery = PageQuery.extend({
  compound: id.optional(),
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  status: DecisionStatus.optional(),
});

export const InvitationsBody = z.object({
  unitIds: z.array(id).max(20_000).optional().describe('re-issue for these units only (default: every unit)'),
});

export const Invitations = z.object({
  decisionId: z.string(),
  title: z.string(),
  compoundName: z.string(),
  issuedAt: z.string(),
  items: z.array(z.object({ unitId: z.string(), label: z.string(), code: z.string() })),
});

export const DeskBallotBody = z
  .object({
    unitId: id,
    choice: Choice,
    channel: z.enum(['desk', 'proxy']).default('desk'),
    proxyName: z.string().trim().min(1).max(50).optional(),
    proxyDocument: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('reference of the written authorisation'),
  })
  .refine((b) => b.channel !== 'proxy' || (!!b.proxyName && !!b.proxyDocument), {
    message: 'a proxy ballot needs proxyName and proxyDocument (written authorisation)',
    path: ['proxyName'],
  });

export const Ballot = z.object({
  id: z.string(),
  decisionId: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  choice: Choice,
  channel: z.enum(['web', 'desk', 'proxy']),
  proxyName: z.string().nullable(),
  recordedByName: z.string().nullable(),
  at: z.string(),
});

export const RollQuery = PageQuery.extend({
  q: z.string().trim().max(50).optional(),
  voted: z.enum(['yes', 'no']).optional(),
});

export const RollItem = z.object({
  unitId: z.string(),
  label: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  developer: z.boolean(),
  area: z.string(),
  voted: z.boolean(),
  channel: z.enum(['web', 'desk', 'proxy']).nullable(),
});

export const ThresholdCheck = z.object({
  key: z.enum(['quorum_area', 'quorum_persons', 'approval_area', 'approval_persons']),
  measure: z.enum(['area', 'persons']),
  fraction: z.string().describe('e.g. "2/3"'),
  comparison: z.enum(['≥', '>']),
  actual: z.string(),
  base: z.string(),
  required: z.string().describe('the least actual value that meets the check'),
  met: z.boolean(),
});

export const TallyJson = z.object({
  matter: Matter,
  rule: z.enum(['majority', 'three_quarters']),
  totalArea: z.string(),
  totalPersons: z.number().int(),
  participatingArea: z.string(),
  participatingPersons: z.number().int(),
  yesArea: z.string(),
  yesPersons: z.number().int(),
  quorumMet: z.boolean(),
  passed: z.boolean(),
});

export const DecisionResult = z.object({
  decisionId: z.string(),
  title: z.string(),
  compoundName: z.string(),
  status: DecisionStatus,
  provisional: z.boolean().describe('true while ballots can still arrive'),
  tally: TallyJson,
  checks: z.array(ThresholdCheck),
  choices: z.object({
    yes: z.object({ persons: z.number().int(), area: z.string() }),
    no: z.object({ persons: z.number().int(), area: z.string() }),
    abstain: z.object({ persons: z.number().int(), area: z.string() }),
  }),
  channels: z.object({ web: z.number().int(), desk: z.number().int(), proxy: z.number().int() }),
  units: z.number().int(),
  publishedAt: z.string().nullable(),
  noticeEndsOn: z.string().nullable(),
});

// Public (owners, no account): the invitation code is the credential.
const code = z
  .string()
  .trim()
  .min(8)
  .max(40)
  .describe('invitation code as printed, e.g. "K7QM-4XPA-2HRT"; spaces and dashes are ignored');

export const BallotLookupBody = z.object({ code });
export const BallotLookup = z.object({
  decisionTitle: z.string(),
  description: z.string(),
  compoundName: z.string(),
  matter: Matter,
  method: DecisionMethod,
  opensAt: z.string(),
  closesAt: z.string(),
  unitLabel: z.string(),
  accepting: z.boolean(),
  alreadyVoted: z.boolean(),
});
export const OwnerBallotBody = z.object({ code, choice: Choice });
export const BallotReceipt = z.object({ receipt: z.string(), at: z.string(), choice: Choice });

// ---------------------------------------------------------------------------------------------------------
// Tasks (deadlines) and overview

export const TASK_STATES = ['done', 'open', 'due_soon', 'overdue'] as const;
export const Task = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  subjectType: z.enum(['compound', 'formation', 'committee', 'decision', 'meeting', 'change']),
  subjectId: z.string(),
  kind: z.string(),
  responsible: z.enum(['developer', 'street', 'group', 'committee']),
  dueOn: z.string(),
  nominalDueOn: z.string(),
  doneOn: z.string().nullable(),
  state: z.enum(TASK_STATES),
  legalRef: z.string(),
});

export const TaskQuery = PageQuery.extend({
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  compound: id.optional(),
  state: z.enum(['pending', 'overdue', 'done', 'all']).default('pending'),
});

export const TaskCalendarQuery = TaskQuery.pick({ street: true, compound: true });

export const GovernanceState = z.enum(GOVERNANCE_STATES);

export const Trigger = z.object({
  met: z.boolean(),
  kind: z.enum(['area', 'two_years']).nullable(),
  on: z.string().nullable(),
  soldDeliveredArea: z.string(),
  totalArea: z.string(),
  areaMet: z.boolean(),
  areaReachedOn: z.string().nullable(),
  twoYearsOn: z.string().nullable(),
  firstDeliveryOn: z.string().nullable(),
});

export const OverviewItem = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  streetCode: z.string(),
  streetName: z.string(),
  state: GovernanceState,
  triggerMet: z.boolean(),
  triggerOn: z.string().nullable(),
  committeeId: z.string().nullable(),
  termEndsOn: z.string().nullable(),
  members: z.number().int().nullable(),
  seats: z.number().int().nullable(),
  lastMeetingOn: z.string().nullable(),
  pendingTasks: z.number().int(),
  overdueTasks: z.number().int(),
  nextDueOn: z.string().nullable(),
});

export const OverviewQuery = PageQuery.extend({
  street: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  state: GovernanceState.optional(),
});

export const Overview = z.object({
  items: z.array(OverviewItem),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()).describe('compounds per state on this page'),
});

// ---------------------------------------------------------------------------------------------------------
// Formation

export const GroupMemberInput = z.object({
  name: z.string().trim().min(1).max(50),
  role: z.enum(GROUP_ROLES),
  ownerId: id.optional(),
  leader: z.boolean().default(false),
});

export const Group = z.object({
  id: z.string(),
  kind: z.enum(['preparatory', 'reelection']),
  formedOn: z.string(),
  members: z.array(
    z.object({
      name: z.string(),
      role: z.enum(GROUP_ROLES),
      ownerId: z.string().nullable(),
      leader: z.boolean(),
    }),
  ),
});

export const Objection = z.object({
  id: z.string(),
  receivedOn: z.string(),
  fromName: z.string(),
  content: z.string(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  version: z.number().int(),
});

export const FORMATION_ACTIONS = [
  'record_report',
  'form_group',
  'post_member_list',
  'schedule_meeting',
  'post_meeting_notice',
  'record_objection',
  'answer_objection',
  'hold_first_meeting',
  'cancel',
] as const;

export const Formation = z.object({
  id: z.string(),
  compoundId: z.string(),
  status: z.enum(['in_progress', 'completed', 'cancelled']),
  triggerKind: z.enum(['area', 'two_years', 'owners_request']),
  triggerOn: z.string(),
  reportKind: z.enum(['developer', 'owners_request']).nullable(),
  reportOn: z.string().nullable(),
  groupFormedOn: z.string().nullable(),
  memberListPostedOn: z.string().nullable(),
  meetingPlannedOn: z.string().nullable(),
  meetingNoticePostedOn: z.string().nullable(),
  firstMeetingOn: z.string().nullable(),
  note: z.string().nullable(),
  group: Group.nullable(),
  objections: z.array(Objection),
  steps: z.array(Task),
  allowedActions: z.array(z.enum(FORMATION_ACTIONS)),
  version: z.number().int(),
});

export const FormationStartBody = z.object({
  triggerKind: z.enum(['detected', 'owners_request']).default('detected'),
  requestedOn: date.optional().describe("owners_request: the day the owners' written request was received"),
  note: z.string().trim().max(500).optional(),
});

const v = { version: z.number().int() };
export const FormationActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('record_report'),
    ...v,
    on: date,
    reportKind: z.enum(['developer', 'owners_request']),
  }),
  z.object({
    action: z.literal('form_group'),
    ...v,
    on: date,
    members: z.array(GroupMemberInput).min(1).max(31),
  }),
  z.object({ action: z.literal('post_member_list'), ...v, on: date }),
  z.object({ action: z.literal('schedule_meeting'), ...v, meetingOn: date }),
  z.object({ action: z.literal('post_meeting_notice'), ...v, on: date }),
  z.object({
    action: z.literal('record_objection'),
    ...v,
    receivedOn: date,
    fromName: z.string().trim().min(1).max(50),
    content: z.string().trim().min(1).max(2000),
  }),
  z.object({
    action: z.literal('answer_objection'),
    ...v,
    objectionId: id,
    on: date,
    answer: z.string().trim().min(1).max(2000),
  }),
  z.object({ action: z.literal('hold_first_meeting'), ...v, on: date }),
  z.object({ action: z.literal('cancel'), ...v, note: z.string().trim().min(1).max(500) }),
]);
export type FormationAction = z.infer<typeof FormationActionBody>;

// ---------------------------------------------------------------------------------------------------------
// Committees

export const MEMBER_END_REASONS = [
  'not_owner', // Art 31 (一) — ends automatically
  'resigned', // (二) — ends automatically
  'unable', // (三) — terminated by the 业主大会
  'refused_to_convene', // (四) — recalled by the 业主大会
  'absence', // (五) — recalled by the 业主大会
  'breach', // (六) — recalled by the 业主大会
  'term_end',
] as const;

export const CommitteeMemberInput = z.object({
  ownerId: id,
  position: z.enum(POSITIONS),
  undertakingSigned: z.boolean(),
  employedByManager: z.boolean().default(false),
  trainedOn: date.optional(),
});

export const CommitteeElectionBody = z.object({
  electedOn: date,
  termYears: z.number().int().min(1).max(10),
  seats: z.number().int().min(1).max(31),
  formationId: id.optional(),
  electionDecisionId: id.optional(),
  members: z.array(CommitteeMemberInput).min(1).max(31),
});

export const Absence = z.object({
  meetings: z.number().int(),
  absences: z.number().int(),
  flagged: z.boolean(),
});

export const CommitteeMember = z.object({
  id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  position: z.enum(POSITIONS),
  undertakingSigned: z.boolean(),
  employedByManager: z.boolean(),
  trainedOn: z.string().nullable(),
  joinedOn: z.string(),
  byElection: z.boolean(),
  endedOn: z.string().nullable(),
  endReason: z.enum(MEMBER_END_REASONS).nullable(),
  absence: Absence,
  flags: z
    .array(z.enum(DISQUALIFICATIONS))
    .describe('while serving: no longer an owner (Art 31 (一)) or a disqualification of Art 20 ¶2 now open'),
  version: z.number().int(),
});

export const Meeting = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(['regular', 'extraordinary']),
  minutes: z.string(),
  expectedCount: z.number().int(),
  presentCount: z.number().int(),
  quorate: z.boolean(),
  resolutions: z.array(z.object({ title: z.string(), signatures: z.number().int(), adopted: z.boolean() })),
  absentMemberIds: z.array(z.string()),
  publishDueOn: z
    .string()
    .nullable()
    .describe('Art 26 ¶3: adopted resolutions posted within 3 days (null: nothing adopted)'),
  publishedOn: z.string().nullable(),
  rcInformedOn: z.string().nullable().describe('the residents’ committee informed (Art 26 ¶3)'),
});

export const MeetingPublishBody = z.object({
  on: date.describe('the day the resolutions were posted in the compound'),
  rcInformedOn: date.describe('the day the residents’ committee was told'),
});
export const MeetingParams = z.object({ id, meetingId: id });

// 变更备案 (Art 33)
export const ChangeKind = z.enum(CHANGE_KINDS);
export const CommitteeChange = z.object({
  id: z.string(),
  kind: ChangeKind,
  summary: z.string(),
  changedOn: z.string(),
  sourceType: z.enum(['member', 'decision']).nullable(),
  sourceId: z.string().nullable(),
  status: z.enum(['pending', 'submitted', 'accepted', 'rejected']),
  fileBy: z.string().describe('30 days after the change (Art 33)'),
  submittedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const CommitteeChangeInput = z.object({
  kind: z.enum(['name', 'area', 'rules_of_procedure', 'management_statute']),
  summary: z.string().trim().min(2).max(500),
  changedOn: date,
});
export const CommitteeChangeActionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('submit'), version: z.number().int(), on: date }),
  z.object({
    action: z.literal('decide'),
    version: z.number().int(),
    on: date,
    accepted: z.boolean(),
    note: z.string().trim().max(500).optional(),
  }),
]);
export const ChangeParams = z.object({ id, changeId: id });

// Training records (Arts 15, 23)
export const Training = z.object({
  id: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  trainer: z.string(),
  hours: z.string().describe('e.g. "1.5"'),
  attendees: z.array(z.object({ memberId: z.string(), name: z.string() })),
});
export const TrainingInput = z.object({
  heldOn: date,
  topic: z.string().trim().min(2).max(200),
  trainer: z.string().trim().min(1).max(100),
  hours: z.number().min(0.5).max(40).multipleOf(0.5),
  memberIds: z.array(id).min(1).max(31),
});

export const COMMITTEE_ACTIONS = [
  'post_names',
  'submit_filing',
  'decide_filing',
  'report_reelection',
  'form_reelection_group',
  'hand_over_records',
  'return_records',
] as const;

export const CommitteeHealth = z.object({
  nextMeetingDue: z.string(),
  meetingOverdue: z.boolean(),
  vacancies: z.number().int(),
  byElectionAllowed: z.boolean(),
  earlyReelection: z.array(z.enum(['members_below_half', 'inactive_six_months'])),
  reelectionReportDue: z.string(),
  reelectionReminder: z.boolean(),
  expired: z.boolean(),
});

export const Committee = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string(),
  termNo: z.number().int(),
  seats: z.number().int(),
  electedOn: z.string(),
  termYears: z.number().int(),
  termEndsOn: z.string(),
  status: z.enum(['current', 'succeeded']),
  filingStatus: z.enum(['none', 'submitted', 'accepted', 'rejected']),
  filingSubmittedOn: z.string().nullable(),
  filingDecidedOn: z.string().nullable(),
  filingNote: z.string().nullable(),
  reelectionReportedOn: z.string().nullable(),
  members: z.array(CommitteeMember),
  meetings: z.array(Meeting),
  reelectionGroup: Group.nullable(),
  health: CommitteeHealth,
  state: GovernanceState,
  frozenMatters: z
    .array(Matter)
    .describe(
      'matters the 业主大会 may not decide while the 换届改选小组 works (Art 28 ¶4); empty otherwise',
    ),
  filingGaps: z
    .array(z.enum(['names_not_posted', 'undertaking_missing', 'untrained']))
    .describe('what the 备案 file still lacks (Arts 21, 23)'),
  changes: z.array(CommitteeChange),
  trainings: z.array(Training),
  tasks: z.array(Task),
  allowedActions: z.array(z.enum(COMMITTEE_ACTIONS)),
  canManage: z.boolean().describe('may record meetings, ballots and decisions'),
  version: z.number().int(),
});

export const CommitteeActionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('post_names'),
    ...v,
    on: date.describe('the day the names were posted (Art 21: within 3 days)'),
  }),
  z.object({ action: z.literal('submit_filing'), ...v, on: date }),
  z.object({
    action: z.literal('decide_filing'),
    ...v,
    on: date,
    accepted: z.boolean(),
    note: z.string().trim().max(500).optional(),
  }),
  z.object({ action: z.literal('report_reelection'), ...v, on: date }),
  z.object({
    action: z.literal('form_reelection_group'),
    ...v,
    on: date,
    members: z.array(GroupMemberInput).min(1).max(31),
  }),
  z.object({
    action: z.literal('hand_over_records'),
    ...v,
    on: date.describe(
      'the old committee handed records, seals and property to the 房管机构 (Art 29 ¶1: 10 days)',
    ),
  }),
  z.object({
    action: z.literal('return_records'),
    ...v,
    on: date.describe(
      'the 房管机构 handed them to the new committee (Art 29 ¶2: 10 days after 备案; street)',
    ),
  }),
]);
export type CommitteeAction = z.infer<typeof CommitteeActionBody>;

export const MeetingInput = z.object({
  heldOn: date,
  kind: z.enum(['regular', 'extraordinary']).default('regular'),
  minutes: z.string().trim().min(1).max(10_000),
  attendance: z
    .array(z.object({ memberId: id, present: z.boolean() }))
    .min(1)
    .max(31),
  resolutions: z
    .array(z.object({ title: z.string().trim().min(1).max(200), signedBy: z.array(id).max(31) }))
    .max(50)
    .default([]),
});

export const MemberEndBody = z.object({
  version: z.number().int(),
  on: date,
  reason: z.enum(MEMBER_END_REASONS),
});
export const MemberParams = z.object({ id, memberId: id });

export const ByElectionBody = CommitteeMemberInput.extend({ on: date });

export const EligibilityQuery = z.object({
  owner: id,
  employedByManager: z.enum(['true', 'false']).optional(),
});

export const EligibilityView = z.object({
  ownerId: z.string(),
  name: z.string(),
  eligible: z.boolean(),
  reasons: z.array(
    z.object({ code: z.enum(DISQUALIFICATIONS), message: z.string(), caseNos: z.array(z.string()) }),
  ),
  unchecked: z.array(z.object({ code: z.string(), message: z.string() })),
});

// Owner groups (业主小组, Art 35)
export const OwnerGroup = z.object({
  id: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  formedOn: z.string(),
  status: z.enum(['active', 'dissolved']),
  dissolvedOn: z.string().nullable(),
  representatives: z.array(z.object({ ownerId: z.string(), name: z.string() })),
  decisions: z.number().int().describe('decisions scoped to this building'),
  version: z.number().int(),
});
export const OwnerGroupInput = z.object({
  buildingId: id,
  formedOn: date,
  representativeOwnerIds: z.array(id).max(20).default([]),
});
export const OwnerGroupDissolveBody = z.object({ version: z.number().int(), on: date });

// Fee arrears (欠交物业服务费或者专项维修资金, Art 20 ¶2)
const yuan = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/)
  .describe('yuan with at most two decimals, e.g. "1280.50"');
export const Arrear = z.object({
  id: z.string(),
  unitId: z.string(),
  unitLabel: z.string(),
  kind: z.enum(['service_fee', 'maintenance_fund']),
  amount: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  recordedOn: z.string(),
  settledOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export const ArrearInput = z.object({
  unitId: id,
  kind: z.enum(['service_fee', 'maintenance_fund']),
  amount: yuan,
  periodFrom: date,
  periodTo: date,
  note: z.string().trim().max(500).optional(),
});
export const ArrearSettleBody = z.object({ version: z.number().int(), on: date });
export const ArrearQuery = PageQuery.extend({
  unit: id.optional(),
  open: z.enum(['true', 'false']).optional(),
});

export const GovernanceCompound = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  streetCode: z.string(),
  buildingArea: z.string(),
  state: GovernanceState,
  trigger: Trigger,
  formation: Formation.nullable(),
  committee: Committee.nullable(),
  pastCommittees: z.array(
    z.object({ id: z.string(), termNo: z.number().int(), electedOn: z.string(), termEndsOn: z.string() }),
  ),
  formationSteps: z.array(z.enum(FORMATION_STEPS)),
  canStartFormation: z.boolean(),
  canRecordCommittee: z.boolean(),
  buildings: z.array(z.object({ id: z.string(), name: z.string() })),
  ownerGroups: z.array(OwnerGroup),
  canManageOwnerGroups: z.boolean(),
  canRecordArrears: z.boolean(),
});

// The compound's notice board (公告栏), for its owners and the supervising offices
export const NoticeBoard = z.object({
  compoundId: z.string(),
  compoundName: z.string(),
  committee: z
    .object({
      termNo: z.number().int(),
      electedOn: z.string(),
      termEndsOn: z.string(),
      filed: z.boolean().describe('备案 accepted by the street'),
      members: z.array(z.object({ name: z.string(), position: z.enum(POSITIONS), byElection: z.boolean() })),
    })
    .nullable(),
  resolutions: z.array(
    z.object({
      meetingId: z.string(),
      heldOn: z.string(),
      publishedOn: z.string(),
      titles: z
        .array(z.string())
        .describe('the adopted resolutions (signed by more than half of all members)'),
    }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      matter: Matter,
      scope: z.enum(['compound', 'buildings']),
      publishedOn: z.string(),
      noticeEndsOn: z.string().nullable(),
      passed: z.boolean(),
      challengeUntil: z.string(),
    }),
  ),
  ownerGroups: z.array(
    z.object({ buildingName: z.string(), formedOn: z.string(), representatives: z.array(z.string()) }),
  ),
});
