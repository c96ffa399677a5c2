// Owners' committees (业主委员会, Arts 20–32): election, members, meetings, actions, eligibility.
import { z } from 'zod';
import { ART20_GROUNDS, DISQUALIFICATIONS } from '../../domain/governance-eligibility.js';
import { POSITIONS } from '../../domain/governance.js';
import { date, id, v } from './fields.js';
import { Matter } from './decisions.js';
import { GovernanceState, Task } from './overview.js';
import { Group, GroupMemberInput } from './formation.js';
import { CommitteeChange, Training } from './records.js';

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

export const COMMITTEE_ACTIONS = [
  'post_names',
  'submit_filing',
  'decide_filing',
  'receive_filing',
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
  lastWorkOn: z
    .string()
    .describe(
      'the last day of recorded work — meetings, filings, decisions, notices (《规定》 Art 32 ¶2 (二))',
    ),
});

export const CommitteeWork = z.object({
  lastMeetingOn: z.string().nullable(),
  lastFilingOn: z.string().nullable(),
  lastDecisionOn: z.string().nullable(),
  lastNoticeOn: z.string().nullable(),
});

export const EarlyReelection = z.object({
  stage: z
    .enum(['none', 'convene', 'rejected', 'form_group', 'group_formed'])
    .describe(
      'Art 32 ¶2: a ground holds → the street convenes the assembly; ¶3: the assembly decided so → the street forms the 换届改选小组',
    ),
  decisionId: z.string().nullable(),
  decisionTitle: z.string().nullable(),
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
  filingReceivedOn: z.string().nullable().describe('受理 (Art 34): the 20 days to complete run from it'),
  filingNote: z.string().nullable(),
  reelectionReportedOn: z.string().nullable(),
  members: z.array(CommitteeMember),
  meetings: z.array(Meeting),
  reelectionGroup: Group.nullable(),
  health: CommitteeHealth,
  work: CommitteeWork.describe("the committee's recorded work (Art 32 ¶2 (二))"),
  earlyReelection: EarlyReelection,
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
    action: z.literal('receive_filing'),
    ...v,
    on: date.describe('the day the street accepted (受理) the filing: Art 34’s 20 days run from it'),
  }),
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
  grounds: z
    .array(
      z.object({
        ground: z.enum(ART20_GROUNDS),
        checked: z.boolean(),
        partial: z.boolean(),
        message: z.string(),
      }),
    )
    .describe('every ground of 《规定》 Art 20 ¶2 with whether it was checked (and how, in words)'),
});
