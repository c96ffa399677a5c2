// Table types of the action plan (三年行动计划, migration 0027-action-plan) for Kysely, joined into DB by schema.ts.

export interface PlanPlanTable {
  id: string;
  division_code: string;
  title: string;
  period_from: string;
  period_to: string;
  illustrative: number;
  published: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PlanGoalTable {
  id: string;
  plan_id: string;
  seq: number;
  title: string;
}

export interface PlanTaskTable {
  id: string;
  plan_id: string;
  goal_id: string | null;
  seq: number;
  title: string;
  content: string;
  lead_org_id: string;
  supervision_count: number;
  last_supervised_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PlanTaskCooperatingTable {
  task_id: string;
  org_id: string;
}

export interface PlanTaskUnitTable {
  task_id: string;
  division_code: string;
}

export interface PlanMilestoneTable {
  id: string;
  task_id: string;
  seq: number;
  title: string;
  due_on: string;
  done_on: string | null;
  report_id: string | null;
  warned_state: 'due_soon' | 'overdue' | null;
}

export interface PlanReportTable {
  id: string;
  task_id: string;
  unit_org_id: string | null;
  unit_division_code: string | null;
  reported_on: string;
  progress: string;
  evidence: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface PlanSupervisionTable {
  id: string;
  task_id: string;
  division_code: string;
  note: string;
  issued_on: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface PlanTables {
  plan_plans: PlanPlanTable;
  plan_goals: PlanGoalTable;
  plan_tasks: PlanTaskTable;
  plan_task_cooperating: PlanTaskCooperatingTable;
  plan_task_units: PlanTaskUnitTable;
  plan_milestones: PlanMilestoneTable;
  plan_reports: PlanReportTable;
  plan_supervisions: PlanSupervisionTable;
}
