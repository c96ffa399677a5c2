// gongzhi export <compounds|organisations|users|audit|owners> --out <file.csv|file.xlsx>
//   [--district C] [--street C] [--q TEXT] [--type T] [--division C] [--compound ID] [--role R]
//   [--target-type T] [--target-id ID] [--actor-id ID] [--action A] [--as USERNAME] [--lang zh-CN|en]
// The same service as GET /api/v1/exports/:list.:format (same filters and access checks; owners masked).
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  EXPORT_LISTS,
  ExportQuery,
  type ExportFormat,
  type ExportList,
} from '../../../contracts/transfer.js';
import { AppError } from '../../platform/http/errors.js';
import { exportList } from '../../modules/transfer/transfer.service.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';
import { cliActor, cliLocale, reportAppError } from './import.js';

const USAGE = `usage: gongzhi export <${EXPORT_LISTS.join('|')}> --out <file.csv|file.xlsx> [--street CODE] [--district CODE] [--q TEXT] [--type TYPE] [--division CODE] [--compound ID] [--role ROLE] [--target-type T] [--target-id ID] [--actor-id ID] [--action A] [--as USERNAME] [--lang zh-CN|en]`;

/** Filter options → ExportQuery keys. */
const FILTER_FLAGS = {
  district: 'district',
  street: 'street',
  q: 'q',
  type: 'type',
  division: 'division',
  compound: 'compound',
  role: 'role',
  'target-type': 'targetType',
  'target-id': 'targetId',
  'actor-id': 'actorId',
  action: 'action',
} as const;

const OPTIONS = {
  out: { type: 'string' },
  as: { type: 'string' },
  lang: { type: 'string' },
  ...(Object.fromEntries(Object.keys(FILTER_FLAGS).map((f) => [f, { type: 'string' }])) as Record<
    keyof typeof FILTER_FLAGS,
    { type: 'string' }
  >),
} as const;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    name: 'export',
    usage: USAGE,
    options: OPTIONS,
    positionals: true,
  });
  const [list, ...extra] = positionals;
  const out = values.out;
  if (!list || extra.length > 0 || !out || !(EXPORT_LISTS as readonly string[]).includes(list)) {
    throw new UsageError(USAGE);
  }
  const format = extname(out).toLowerCase().slice(1);
  if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--out must end in .csv or .xlsx');
  const raw: Record<string, string> = {};
  for (const [flag, key] of Object.entries(FILTER_FLAGS)) {
    const v = values[flag as keyof typeof FILTER_FLAGS];
    if (v !== undefined) raw[key] = v;
  }
  const filters = ExportQuery.safeParse(raw);
  if (!filters.success) {
    throw new UsageError(
      `gongzhi export: ${filters.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const locale = cliLocale(values.lang);
  return withDeps(async (deps) => {
    const { actor } = await cliActor(deps, values.as);
    try {
      const file = await exportList(
        deps,
        actor,
        list as ExportList,
        format as ExportFormat,
        filters.data,
        locale,
      );
      await writeFile(out, file.body);
      console.log(
        locale === 'zh-CN' ? `已导出 ${file.rows} 行到 ${out}` : `exported ${file.rows} rows to ${out}`,
      );
      return 0;
    } catch (err) {
      if (err instanceof AppError) return reportAppError('gongzhi export: ', err, locale);
      throw err;
    }
  });
}
