// Official division codes (GB/T 2260 districts, GB/T 10114 towns/streets) from reference/.
import { readFileSync } from 'node:fs';
import type { Executor } from '../platform/db/database.js';
import type { DivisionTable } from '../platform/db/schema.js';
import { parseCsv } from '../platform/csv.js';

const TABLE_VERSION = 'NBS-2022-10-31';
const ref = (name: string) => new URL(`../../reference/${name}`, import.meta.url);

/** Township level from the 7th digit of a 9-digit code (GB/T 10114): 0 街道, 1 镇, 2–3 乡, 4–5 statistical. */
export function townLevel(code: string): DivisionTable['level'] {
  const d = code[6];
  if (d === '0') return 'street';
  if (d === '1') return 'town';
  if (d === '2' || d === '3') return 'township';
  return 'statistical';
}

export function shanghaiDivisions(): DivisionTable[] {
  const rows: DivisionTable[] = [
    { code: '310000', name: '上海市', level: 'city', parent_code: null, table_version: TABLE_VERSION },
  ];
  const districts = parseCsv(readFileSync(ref('shanghai-districts.csv'), 'utf8')).slice(1);
  for (const [code, name] of districts)
    rows.push({ code, name, level: 'district', parent_code: '310000', table_version: TABLE_VERSION });
  const towns = parseCsv(readFileSync(ref('shanghai-towns-2022.csv'), 'utf8')).slice(1);
  for (const [code, name, district] of towns) {
    rows.push({ code, name, level: townLevel(code), parent_code: district, table_version: TABLE_VERSION });
  }
  return rows;
}

export async function seedDivisions(db: Executor): Promise<number> {
  const existing = await db.selectFrom('divisions').select('code').execute();
  const have = new Set(existing.map((r) => r.code));
  const missing = shanghaiDivisions().filter((d) => !have.has(d.code));
  for (let i = 0; i < missing.length; i += 200)
    await db
      .insertInto('divisions')
      .values(missing.slice(i, i + 200))
      .execute();
  return missing.length;
}
