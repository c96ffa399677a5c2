// Joint meetings (住宅小区综合管理联席会议) at city, district and street level: the body of a division (convenor,
// office, member units), its meetings with agenda items (from a hot case, a lower level's request, the open
// action items reported back), attendance per member unit, minutes and decisions, and the action items each
// decision creates (lead unit, cooperating units, deadline, evidence of completion, 督办). Runs unchanged on
// SQLite and PostgreSQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('coord_bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('division_code', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text') // null for the city's body
    .addColumn('street_code', 'text') // a street body's street
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('convenor', 'text', (c) => c.notNull()) // 召集人, as written (e.g. 分管副区长)
    .addColumn('office_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('coord_members')
    .addColumn('body_id', 'text', (c) => c.notNull().references('coord_bodies.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('coord_members_pk', ['body_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('coord_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('coord_bodies.id'))
    .addColumn('meeting_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // planned | held
    .addColumn('minutes', 'text')
    .addColumn('agenda_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('coord_meetings_body')
    .on('coord_meetings')
    .columns(['body_id', 'meeting_on'])
    .execute();

  await db.schema
    .createTable('coord_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('body_id', 'text', (c) => c.notNull().references('coord_bodies.id'))
    .addColumn('from_division_code', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | scheduled
    .addColumn('created_by', 'text')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('coord_requests_body')
    .on('coord_requests')
    .columns(['body_id', 'status'])
    .execute();

  await db.schema
    .createTable('coord_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('coord_meetings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // case | request | other
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('request_id', 'text')
    .addColumn('reasons_json', 'text', (c) => c.notNull()) // the hot reasons when it was taken
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coord_agenda_meeting')
    .on('coord_agenda_items')
    .columns(['meeting_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('coord_attendance')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('coord_meetings.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('attendance', 'text', (c) => c.notNull()) // present | deputy | absent
    .addColumn('deputy_name', 'text')
    .addPrimaryKeyConstraint('coord_attendance_pk', ['meeting_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('coord_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('coord_meetings.id'))
    .addColumn('agenda_item_id', 'text')
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('coord_decisions_meeting')
    .on('coord_decisions')
    .columns(['meeting_id', 'seq'])
    .execute();

  await db.schema
    .createTable('coord_action_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('decision_id', 'text', (c) => c.notNull().references('coord_decisions.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('coord_meetings.id'))
    .addColumn('body_id', 'text', (c) => c.notNull().references('coord_bodies.id'))
    .addColumn('district_code', 'text')
    .addColumn('street_code', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('lead_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | done
    .addColumn('evidence', 'text')
    .addColumn('done_on', 'text')
    .addColumn('done_by_name', 'text')
    .addColumn('supervision_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_supervised_on', 'text')
    .addColumn('warned_state', 'text') // the due state the lead was last warned of (warning | overdue)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('coord_action_items_lead')
    .on('coord_action_items')
    .columns(['lead_org_id', 'status'])
    .execute();
  await db.schema
    .createIndex('coord_action_items_body')
    .on('coord_action_items')
    .columns(['body_id', 'status'])
    .execute();
  await db.schema
    .createTable('coord_action_orgs')
    .addColumn('action_item_id', 'text', (c) => c.notNull().references('coord_action_items.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('coord_action_orgs_pk', ['action_item_id', 'org_id'])
    .execute();
  await db.schema.createIndex('coord_action_orgs_org').on('coord_action_orgs').column('org_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'coord_action_orgs',
    'coord_action_items',
    'coord_decisions',
    'coord_attendance',
    'coord_agenda_items',
    'coord_requests',
    'coord_meetings',
    'coord_members',
    'coord_bodies',
  ])
    await db.schema.dropTable(t).execute();
}
