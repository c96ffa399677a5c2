// The shipped responsibility list, second edition (issue 14 items 27–31): the household meter itself is the
// utility's (《上海市住宅物业管理规定》 Art 60 "分户计量表和分户计量表前"), repairs of an owner's own part are the owner's
// duty (Art 68 (一)), a developer refusing to rent parking goes to the district housing authority (Arts 62, 88,
// new category 开发商车位只售不租), and every row cites its article. A database created before it gets the new
// category and the new edition of the list, read from reference/*.json: made the active list when the active one
// is still the shipped first edition, kept inactive for review when an administrator's own list is active. A
// database created with this release already has both (0002 reads the same files): nothing to do.
// Runs on SQLite and PostgreSQL.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

const ref = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../../reference/${name}`, import.meta.url), 'utf8'));
const NOW = '2026-12-03T00:00:00.000Z';
const NOTE =
  '默认责任清单第二版：分户计量表本身由专业单位维修、专有部分属业主责任、开发商车位只售不租由区房管局处理、每行注明依据';

interface ShippedRule {
  id: string;
  priority: number;
  categoryCode: string;
  conditions: Record<string, string | boolean>;
  districtCode: string | null;
  orgType: string;
  orgKind: string | null;
  coHandlers: { orgType: string; orgKind: string | null }[];
  source: string;
}

const row = (version: number, r: ShippedRule) => ({
  list_version: version,
  id: r.id,
  priority: r.priority,
  category_code: r.categoryCode,
  conditions_json: JSON.stringify(r.conditions),
  district_code: r.districtCode,
  org_type: r.orgType,
  org_kind: r.orgKind,
  co_handlers_json: JSON.stringify(r.coHandlers),
  source: r.source,
});

/** A list's rows compared without their version, in id order. */
const fingerprint = (rows: readonly ReturnType<typeof row>[]) =>
  JSON.stringify(
    [...rows]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => [
        r.id,
        r.priority,
        r.category_code,
        r.conditions_json,
        r.district_code,
        r.org_type,
        r.org_kind,
        r.co_handlers_json,
        r.source,
      ]),
  );

async function addMissingCategories(db: Kysely<any>): Promise<void> {
  const shipped = ref('case-taxonomy.json').categories as {
    code: string;
    zh: string;
    en: string;
    urgent: boolean;
    attributes: string[];
    keywords?: string[];
  }[];
  const have = new Set(
    (await db.selectFrom('case_categories').select('code').execute()).map((c: { code: string }) => c.code),
  );
  for (const [i, c] of shipped.entries()) {
    if (have.has(c.code)) continue;
    // After the shipped category before it (停车管理 for 只售不租), the later ones moved down by one.
    const before = i > 0 ? shipped[i - 1].code : null;
    const prev = before
      ? await db.selectFrom('case_categories').select('sort').where('code', '=', before).executeTakeFirst()
      : undefined;
    const max = await db
      .selectFrom('case_categories')
      .select((eb) => eb.fn.max('sort').as('m'))
      .executeTakeFirst();
    const sort = prev ? Number(prev.sort) + 1 : Number(max?.m ?? -1) + 1;
    await db
      .updateTable('case_categories')
      .set((eb) => ({ sort: eb('sort', '+', 1) }))
      .where('sort', '>=', sort)
      .execute();
    await db
      .insertInto('case_categories')
      .values({
        code: c.code,
        name_zh: c.zh,
        name_en: c.en,
        urgent: c.urgent ? 1 : 0,
        attributes_json: JSON.stringify(c.attributes),
        keywords_json: JSON.stringify(c.keywords ?? []),
        active: 1,
        sort,
        updated_at: NOW,
        version: 1,
      })
      .execute();
    have.add(c.code);
  }
}

async function addShippedList(db: Kysely<any>): Promise<void> {
  const shipped = (ref('responsibility-list.json').rules as ShippedRule[]).map((r) => row(0, r));
  const active = await db
    .selectFrom('responsibility_lists')
    .select(['version', 'created_by'])
    .where('active', '=', 1)
    .executeTakeFirst();
  const lists = await db.selectFrom('responsibility_lists').select('version').execute();
  for (const l of lists) {
    const rows = await db
      .selectFrom('responsibility_rules')
      .selectAll()
      .where('list_version', '=', l.version)
      .execute();
    if (fingerprint(rows as ReturnType<typeof row>[]) === fingerprint(shipped)) return;
  }
  const max = await db
    .selectFrom('responsibility_lists')
    .select((eb) => eb.fn.max('version').as('m'))
    .executeTakeFirst();
  const version = Number(max?.m ?? 0) + 1;
  const takeOver = !active || (Number(active.version) === 1 && active.created_by === null);
  await db
    .insertInto('responsibility_lists')
    .values({ version, note: NOTE, active: 0, created_by: null, created_at: NOW })
    .execute();
  await db
    .insertInto('responsibility_rules')
    .values(shipped.map((r) => ({ ...r, list_version: version })))
    .execute();
  if (takeOver) {
    await db.updateTable('responsibility_lists').set({ active: 0 }).where('version', '!=', version).execute();
    await db.updateTable('responsibility_lists').set({ active: 1 }).where('version', '=', version).execute();
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await addMissingCategories(db);
  await addShippedList(db);
}

export async function down(): Promise<void> {
  throw new Error('Down migrations are not supported: restore a backup instead.');
}
