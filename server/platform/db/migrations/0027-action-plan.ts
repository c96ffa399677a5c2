// The action plan (三年行动计划): a plan of a division (the city or a district) with goals and tasks — content,
// lead department (牵头部门), cooperating departments (配合部门), implementing units (实施部门: a district or a
// street implementing a city task locally) — milestones with dates (时间节点), progress reports per task and
// implementing unit with evidence, and supervision notices (督办). Runs unchanged on SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('division_code', 'text', (c) => c.notNull()) // 310000 the city, or a district
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('illustrative', 'integer', (c) => c.notNull().defaultTo(0)) // 示例，非正式计划文本
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0)) // on the public page
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('plan_goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_goals_plan').on('plan_goals').columns(['plan_id', 'seq']).execute();

  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan_plans.id'))
    .addColumn('goal_id', 'text', (c) => c.references('plan_goals.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('lead_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('supervision_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_supervised_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('plan_tasks_plan_seq')
    .on('plan_tasks')
    .columns(['plan_id', 'seq'])
    .unique()
    .execute();
  await db.schema.createIndex('plan_tasks_lead').on('plan_tasks').column('lead_org_id').execute();

  await db.schema
    .createTable('plan_task_cooperating')
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('plan_task_cooperating_pk', ['task_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('plan_task_cooperating_org')
    .on('plan_task_cooperating')
    .column('org_id')
    .execute();

  await db.schema
    .createTable('plan_task_units')
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('division_code', 'text', (c) => c.notNull()) // a district or a street
    .addPrimaryKeyConstraint('plan_task_units_pk', ['task_id', 'division_code'])
    .execute();
  await db.schema
    .createIndex('plan_task_units_division')
    .on('plan_task_units')
    .column('division_code')
    .execute();

  await db.schema
    .createTable('plan_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('report_id', 'text') // the progress report that marked it done
    .addColumn('warned_state', 'text') // due_soon | overdue: what the daily scan last told the lead (once each)
    .execute();
  await db.schema
    .createIndex('plan_milestones_task')
    .on('plan_milestones')
    .columns(['task_id', 'seq'])
    .execute();

  await db.schema
    .createTable('plan_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('unit_org_id', 'text') // the lead department reporting …
    .addColumn('unit_division_code', 'text') // … or an implementing unit (district or street)
    .addColumn('reported_on', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_reports_task')
    .on('plan_reports')
    .columns(['task_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('plan_supervisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('division_code', 'text', (c) => c.notNull()) // the office that issued it (city or district)
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('plan_supervisions_task')
    .on('plan_supervisions')
    .columns(['task_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'plan_supervisions',
    'plan_reports',
    'plan_milestones',
    'plan_task_units',
    'plan_task_cooperating',
    'plan_tasks',
    'plan_goals',
    'plan_plans',
  ])
    await db.schema.dropTable(t).execute();
}
