// Cases administration: each calendar day remembers the year whose State Council schedule lists it, so a
// year can be replaced as a whole even when its schedule reaches into the neighbouring year (元旦 across
// New Year, e.g. 2018-12-30 in the 2019 schedule).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('calendar_days').addColumn('year', 'integer').execute();
  await sql`update calendar_days set year = cast(substr(date, 1, 4) as integer)`.execute(db);
  await db.schema.createIndex('calendar_days_year').on('calendar_days').columns(['year', 'date']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
