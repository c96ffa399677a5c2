import { PostgresAdapter, type Kysely } from 'kysely';

/** For migrations, which receive only a Kysely instance: branch on column types and triggers only. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
