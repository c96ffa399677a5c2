// Assembly formation (业主大会筹备, 《规定》 Arts 13–16): the preparatory group, objections, the steps.
import { z } from 'zod';
import { GROUP_ROLES } from '../../domain/governance.js';
import { date, id, v } from './fields.js';
import { Task } from './overview.js';

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
