// Action plan (三年行动计划) request/response schemas, shared by the server and the web.
import { z } from 'zod';
import { MILESTONE_STATES } from '../domain/action-plan.js';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const Id = z.string().min(1).max(64);
const Version = z.number().int();

export const CreatePlanBody = z.object({
  /** 310000 the city's plan, or a district's (6 digits). */
  divisionCode: z.string().regex(/^\d{6}$/),
  title: text(200),
  periodFrom: Day,
  periodTo: Day,
  /** A sample plan (示例，非正式计划文本): the public page says so. */
  illustrative: z.boolean().default(false),
  published: z.boolean().default(false),
});

export const Created = z.object({ id: z.string() });

export const ImportPlanQuery = z.object({
  version: z.coerce.number().int().describe('the plan’s version (an import changes it)'),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('validate only; nothing is written'),
});

export const ImportPlanResult = z.object({
  rows: z.number().int(),
  tasks: z.number().int(),
  milestones: z.number().int(),
  dryRun: z.boolean(),
});

export const TemplateParams = z.object({ format: z.enum(['xlsx', 'csv']) });

export const ProgressView = z.object({
  done: z.number().int(),
  total: z.number().int(),
  percent: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  tasks: z.number().int(),
});

const State = z.enum(MILESTONE_STATES);

export const MilestoneView = z.object({
  id: z.string(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  state: State,
});

export const TaskSummary = z.object({
  id: z.string(),
  seq: z.number().int(),
  goal: z.string().nullable(),
  title: z.string(),
  leadName: z.string(),
  cooperatingNames: z.array(z.string()),
  unitNames: z.array(z.string()),
  state: State,
  progress: ProgressView,
  nextMilestone: MilestoneView.nullable(),
  supervisionCount: z.number().int(),
});

export const PlanSummary = z.object({
  id: z.string(),
  divisionCode: z.string(),
  divisionName: z.string().nullable(),
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  illustrative: z.boolean(),
  published: z.boolean(),
  tasks: z.number().int(),
  version: z.number().int(),
});
export const PlanList = z.object({ items: z.array(PlanSummary) });

export const PlanView = PlanSummary.extend({
  goals: z.array(z.object({ id: z.string(), seq: z.number().int(), title: z.string() })),
  overall: ProgressView,
  byLead: z.array(ProgressView.extend({ orgId: z.string(), name: z.string() })),
  byDistrict: z.array(ProgressView.extend({ districtCode: z.string(), name: z.string().nullable() })),
  /** mayOpen: the caller may open the task (a department sees the roll-ups of all, opens its own). */
  taskItems: z.array(TaskSummary.extend({ mayOpen: z.boolean() })),
  mayManage: z.boolean(),
});

export const TaskView = TaskSummary.extend({
  planId: z.string(),
  planTitle: z.string(),
  content: z.string(),
  version: z.number().int(),
  milestones: z.array(MilestoneView),
  reports: z.array(
    z.object({
      id: z.string(),
      unitName: z.string().nullable(),
      reportedOn: z.string(),
      progress: z.string(),
      evidence: z.string(),
      createdByName: z.string(),
      milestonesDone: z.array(z.string()),
    }),
  ),
  supervisions: z.array(
    z.object({ id: z.string(), issuedOn: z.string(), byName: z.string().nullable(), note: z.string() }),
  ),
  mayReport: z.boolean(),
  maySupervise: z.boolean(),
});

export const ReportBody = z.object({
  version: Version,
  /** An implementing unit (district or street) reporting; omitted when the lead department reports. */
  unitDivisionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
  progress: text(2000),
  evidence: text(2000),
  /** Milestones this report completes (the lead department only). */
  milestoneIds: z.array(Id).max(20).default([]),
});

export const SuperviseBody = z.object({ version: Version, note: text(500) });

export const PublicPlan = z.object({
  title: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  illustrative: z.boolean(),
  notice: z.string().nullable(),
  asOf: z.string(),
  overall: ProgressView,
  byDepartment: z.array(ProgressView.extend({ name: z.string() })),
  tasks: z.array(
    z.object({
      seq: z.number().int(),
      goal: z.string().nullable(),
      title: z.string(),
      leadName: z.string(),
      percent: z.number().int(),
      state: State,
      stateWords: z.string(),
      nextMilestone: z.string().nullable(),
    }),
  ),
});
