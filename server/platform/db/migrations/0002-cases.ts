// Cases: taxonomy, responsibility list, SLA policies, working-day calendar, cases with their event log,
// co-handlers, photos, campaigns, in-app notifications, idempotency of hotline imports.
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

const ref = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../reference/${name}`, import.meta.url), 'utf8'));
const NOW = '2026-01-01T00:00:00.000Z';

export async function up(db: Kysely<any>): Promise<void> {
  const blob = isPostgres(db) ? 'bytea' : 'blob';

  await db.schema
    .createTable('case_categories')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('responsibility_lists')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('responsibility_rules')
    .addColumn('list_version', 'integer', (c) => c.notNull().references('responsibility_lists.version'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('priority', 'integer', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('conditions_json', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text')
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addColumn('org_kind', 'text')
    .addColumn('co_handlers_json', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('responsibility_rules_pk', ['list_version', 'id'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('channel', 'text')
    .addColumn('conditions_json', 'text', (c) => c.notNull())
    .addColumn('duration', 'text', (c) => c.notNull())
    .addColumn('warn_before_minutes', 'integer', (c) => c.notNull())
    .addColumn('escalate_on_overdue', 'integer', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // holiday | workday
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_no', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('category_code', 'text', (c) => c.notNull().references('case_categories.code'))
    .addColumn('attributes_json', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull()) // normal | urgent | critical
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_before_suspension', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('district_code', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('street_code', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('compound_id', 'text', (c) => c.references('compounds.id'))
    .addColumn('building_id', 'text', (c) => c.references('buildings.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('grid_cell_id', 'text', (c) => c.references('grid_cells.id'))
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('reporter_email', 'text')
    .addColumn('proactive', 'integer', (c) => c.notNull()) // found by inspection (发现率)
    .addColumn('lead_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('suggested_org_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('routing_rule', 'text') // list version + rule id, or 'fallback'
    .addColumn('routing_note', 'text')
    .addColumn('accept_due_at', 'text')
    .addColumn('sign_due_at', 'text')
    .addColumn('arrive_due_at', 'text')
    .addColumn('resolve_due_at', 'text')
    .addColumn('next_due_at', 'text', (c) => c.notNull()) // earliest pending deadline, or NO_DEADLINE (queue sort key)
    .addColumn('due_state', 'text', (c) => c.notNull()) // none | ok | warning | overdue
    .addColumn('accepted_at', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('arrived_at', 'text')
    .addColumn('reported_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('suspended_at', 'text')
    .addColumn('extension_pending', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervision_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('satisfaction', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', 'text')
    .addColumn('duplicate_of_id', 'text')
    .addColumn('resolved', 'integer') // 1 resolved, 0 not, null unknown (解决率)
    .addColumn('ontime', 'integer') // closed within the resolve deadline (按时办结率)
    .addColumn('accepted_ontime', 'integer') // 受理及时率
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('cases_channel_ref')
    .on('cases')
    .columns(['channel', 'external_ref'])
    .unique()
    .execute();
  await db.schema
    .createIndex('cases_lead_queue')
    .on('cases')
    .columns(['lead_org_id', 'status', 'next_due_at'])
    .execute();
  await db.schema
    .createIndex('cases_lead_due')
    .on('cases')
    .columns(['lead_org_id', 'due_state', 'next_due_at'])
    .execute();
  await db.schema
    .createIndex('cases_street_created')
    .on('cases')
    .columns(['street_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('cases_district_created')
    .on('cases')
    .columns(['district_code', 'created_at'])
    .execute();
  await db.schema
    .createIndex('cases_street_status')
    .on('cases')
    .columns(['street_code', 'status', 'next_due_at'])
    .execute();
  await db.schema.createIndex('cases_compound').on('cases').columns(['compound_id', 'created_at']).execute();
  await db.schema.createIndex('cases_created').on('cases').column('created_at').execute();

  await db.schema
    .createTable('case_cohandlers')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addPrimaryKeyConstraint('case_cohandlers_pk', ['case_id', 'org_id'])
    .execute();
  await db.schema.createIndex('case_cohandlers_org').on('case_cohandlers').column('org_id').execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('actor_org_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_events_case_seq')
    .on('case_events')
    .columns(['case_id', 'seq'])
    .unique()
    .execute();

  await db.schema
    .createTable('case_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('content', blob as 'text')
    .addColumn('url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_photos_case').on('case_photos').column('case_id').execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text', (c) => c.notNull())
    .addColumn('division_code', 'text', (c) => c.notNull())
    .addColumn('target', 'integer', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('campaign_cases')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addPrimaryKeyConstraint('campaign_cases_pk', ['campaign_id', 'case_id'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_org')
    .on('notifications')
    .columns(['org_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('notification_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull()) // sms | email | inapp
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Case-number sequence: a real sequence on PostgreSQL, a counter row on SQLite (nextSequenceValue).
  await db.schema
    .createTable('case_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  if (isPostgres(db)) await sql`create sequence case_no_seq`.execute(db);

  // Default reference data (every installation): taxonomy, responsibility list v1, SLA policies, calendar.
  const taxonomy = ref('case-taxonomy.json');
  await db
    .insertInto('case_categories')
    .values(
      taxonomy.categories.map((c: any, i: number) => ({
        code: c.code,
        name_zh: c.zh,
        name_en: c.en,
        urgent: c.urgent ? 1 : 0,
        attributes_json: JSON.stringify(c.attributes),
        active: 1,
        sort: i,
        updated_at: NOW,
        version: 1,
      })),
    )
    .execute();
  await db
    .insertInto('responsibility_lists')
    .values({
      version: 1,
      note: '默认责任清单 (reference/responsibility-list.json)',
      active: 1,
      created_by: null,
      created_at: NOW,
    })
    .execute();
  await db
    .insertInto('responsibility_rules')
    .values(
      ref('responsibility-list.json').rules.map((r: any) => ({
        list_version: 1,
        id: r.id,
        priority: r.priority,
        category_code: r.categoryCode,
        conditions_json: JSON.stringify(r.conditions),
        district_code: r.districtCode,
        org_type: r.orgType,
        org_kind: r.orgKind,
        co_handlers_json: JSON.stringify(r.coHandlers),
        source: r.source,
      })),
    )
    .execute();
  await db
    .insertInto('sla_policies')
    .values(
      ref('sla-policies.json').policies.map((p: any) => ({
        id: p.id,
        stage: p.stage,
        category_code: p.categoryCode,
        channel: p.channel,
        conditions_json: JSON.stringify(p.conditions),
        duration: p.duration,
        warn_before_minutes: p.warnBeforeMinutes,
        escalate_on_overdue: p.escalateOnOverdue ? 1 : 0,
        source_kind: p.sourceKind,
        source_ref: p.sourceRef,
        updated_at: NOW,
        version: 1,
      })),
    )
    .execute();
  const holidays = ref('china-holidays.json');
  const days: { date: string; kind: string; source: string }[] = [];
  for (const [year, v] of Object.entries<any>(holidays)) {
    if (year.startsWith('_')) continue;
    for (const d of v.holidays) days.push({ date: d, kind: 'holiday', source: '国务院办公厅节假日安排' });
    for (const d of v.workdays)
      days.push({ date: d, kind: 'workday', source: '国务院办公厅节假日安排 (调休)' });
  }
  await db.insertInto('calendar_days').values(days).execute();
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
