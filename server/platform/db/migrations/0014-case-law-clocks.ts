// Case duties the law clocks (issue 14 items 1, 2, 4) and the on-site on-time flag (issue 9 §8): the reporter's feedback (拆违规定 Art 5, one calendar
// month), the property company's report of a violation it could not stop (《规定》 Art 59, 24 hours), and the
// corrected shipped SLA rows: S011 clocks the feedback (not the resolution) in months, the water repair rows
// cite 《上海市供水管理条例》 Art 26 ¶1. A row an administrator changed keeps its values (only the shipped old
// values are corrected); the new rows come from reference/sla-policies.json. Runs on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

const NOW = '2026-12-03T00:00:00.000Z';

/** The shipped rows as they were before this migration, by the values that identify the old rule. */
const OLD: Record<string, { stage: string; duration: string; sourceRefStartsWith: string }> = {
  S006: { stage: 'resolve', duration: '24h', sourceRefStartsWith: '《上海市供水管理条例》 Art 25' },
  S007: { stage: 'resolve', duration: '24h', sourceRefStartsWith: '《上海市供水管理条例》 Art 25' },
  S009: { stage: 'arrive', duration: '24h', sourceRefStartsWith: '《上海市拆除违法建筑若干规定》 Art 7' },
  S010: { stage: 'arrive', duration: '2h', sourceRefStartsWith: '《上海市拆除违法建筑若干规定》 Art 7' },
  S011: { stage: 'resolve', duration: '30d', sourceRefStartsWith: '《上海市拆除违法建筑若干规定》 Art 5' },
};
const NEW_ROWS = ['S014', 'S015', 'S016', 'S017'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('feedback_due_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('fed_back_at', 'text').execute();
  // 1 when the lead is a property company and the category carries the Art 59 duty (set at dispatch).
  await db.schema
    .alterTable('cases')
    .addColumn('violation_duty', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('cases').addColumn('violation_report_due_at', 'text').execute();
  await db.schema.alterTable('cases').addColumn('violation_reported_at', 'text').execute();
  // 到场及时率 (issue 9 §8): 1 arrived by the on-site deadline, 0 arrived late or the deadline passed first.
  await db.schema.alterTable('cases').addColumn('arrived_ontime', 'integer').execute();

  const shipped = JSON.parse(
    readFileSync(new URL('../../../../reference/sla-policies.json', import.meta.url), 'utf8'),
  ) as { policies: any[] };
  const byId = new Map(shipped.policies.map((p) => [p.id as string, p]));
  for (const [id, old] of Object.entries(OLD)) {
    const row = await db.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirst();
    const p = byId.get(id);
    if (!row || !p) continue;
    const unchanged =
      row.stage === old.stage &&
      row.duration === old.duration &&
      String(row.source_ref).startsWith(old.sourceRefStartsWith);
    if (!unchanged) continue;
    await db
      .updateTable('sla_policies')
      .set({
        stage: p.stage,
        duration: p.duration,
        source_ref: p.sourceRef,
        updated_at: NOW,
        version: Number(row.version) + 1,
      })
      .where('id', '=', id)
      .execute();
  }
  for (const id of NEW_ROWS) {
    const p = byId.get(id);
    const exists = await db.selectFrom('sla_policies').select('id').where('id', '=', id).executeTakeFirst();
    if (!p || exists) continue;
    await db
      .insertInto('sla_policies')
      .values({
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
      })
      .execute();
  }
}
