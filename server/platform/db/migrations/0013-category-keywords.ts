// Category keywords (检索词, issue 9 §7): the words callers use for a category — 噪音 for 噪声扰民, 没水 for
// 停水 — so the intake form's category search finds it. A JSON array per category, filled from
// reference/case-taxonomy.json for the shipped categories; editable by administrators (casesadmin).
// Runs on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('case_categories')
    .addColumn('keywords_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  const taxonomy = JSON.parse(
    readFileSync(new URL('../../../../reference/case-taxonomy.json', import.meta.url), 'utf8'),
  ) as { categories: { code: string; keywords?: string[] }[] };
  for (const c of taxonomy.categories) {
    if (!c.keywords?.length) continue;
    await db
      .updateTable('case_categories')
      .set({ keywords_json: JSON.stringify(c.keywords) })
      .where('code', '=', c.code)
      .execute();
  }
}
