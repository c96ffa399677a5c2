// Transfer use cases: import a registry file (all-or-nothing), the import templates, and export of every
// list through the owning module's service (same filters, same access checks, page by page).
import { roleDefinition } from '../../../domain/access.js';
import { shanghaiDate } from '../../../domain/calendar.js';
import { CASE_STATUS_LABELS } from '../../../domain/case-lifecycle.js';
import { CHANNEL_LABELS, DUE_STATE_LABELS, labelOf, URGENCY_LABELS } from '../../../domain/case-labels.js';
import {
  IMPORT_COLUMNS,
  MAX_EXPORT_ROWS,
  MAX_REPORTED_ERRORS,
  OWNER_KIND_LABELS,
  ORGANISATION_TYPE_ZH,
  type ExportFilters,
  type ExportFormat,
  type ExportList,
  type ImportKind,
} from '../../../contracts/transfer.js';
import type { AuditActor } from '../../platform/audit/audit.js';
import type { Executor } from '../../platform/db/database.js';
import { writeTx, type Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { auditActor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import * as registry from '../registry/registry.service.js';
import * as users from '../users/users.service.js';
import * as auditLog from '../audit/audit.service.js';
import * as cases from '../cases/cases.service.js';
import * as assessment from '../assessment/assessment.service.js';
import { formatShanghaiMinute } from '../../platform/time.js';
import { writeSheet, type OutColumn, type OutValue, type SheetFile } from '../../platform/spreadsheet.js';
import { columnLabel, Problems, readImportFile, VALIDATORS, type RowProblem } from './transfer.import.js';
import { importGrants, requireExport } from './transfer.policy.js';
import * as repo from './transfer.repo.js';
import { uniqueOr } from '../../platform/db/writes.js';

export interface ImportOptions {
  dryRun: boolean;
  locale: Locale;
  requestId: string | null;
  /** Who the audit record names (default: the actor). */
  auditAs?: AuditActor;
}

export interface RenderedRowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

function renderProblems(kind: ImportKind, problems: RowProblem[], locale: Locale): RenderedRowError[] {
  const columns = IMPORT_COLUMNS[kind];
  const position = (key: string) => columns.findIndex((c) => c.key === key);
  return [...problems]
    .sort((a, b) => a.row - b.row || position(a.key) - position(b.key))
    .map((p) => {
      const column = columns.find((c) => c.key === p.key);
      return {
        row: p.row,
        column: column ? columnLabel(column, locale) : p.key,
        field: p.key,
        message: message(`transfer.row.${p.code}`, locale, p.params),
      };
    });
}

function invalidRows(kind: ImportKind, problems: Problems, locale: Locale): AppError {
  const errors = renderProblems(kind, problems.list, locale);
  return new AppError(
    'transfer.invalid_rows',
    400,
    { count: errors.length },
    {
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      count: errors.length,
      truncated: errors.length > MAX_REPORTED_ERRORS,
    },
  );
}

/**
 * Imports one file: every row is validated; with any problem nothing is written (400 transfer.invalid_rows
 * with the row errors in `locale`), otherwise all rows are inserted in one transaction with one audit record.
 */
export async function importFile(
  deps: Deps,
  actor: Actor,
  kind: ImportKind,
  file: { name: string; data: Buffer },
  opts: ImportOptions,
): Promise<{ kind: ImportKind; rows: number; imported: number; dryRun: boolean }> {
  const grants = importGrants(actor);
  const rows = await readImportFile(kind, file, opts.locale);
  const now = deps.clock.now().toISOString();
  const plan = async (db: Executor) => {
    const problems = new Problems();
    const result = await VALIDATORS[kind]({ db, grants, rows, problems, now });
    if (problems.count > 0) throw invalidRows(kind, problems, opts.locale);
    return result;
  };
  if (opts.dryRun) {
    await plan(deps.database.db);
    return { kind, rows: rows.length, imported: 0, dryRun: true };
  }
  const database = deps.database;
  // A concurrent writer won a unique index (compound code, building name, unit number): nothing was written.
  const imported = await uniqueOr(
    () =>
      writeTx(deps, opts.auditAs ?? auditActor(actor), opts.requestId, async (trx, audit) => {
        // Validation runs again under the lock, so two imports of the same rows cannot both pass it.
        await repo.lockImports(trx);
        const { inserts, imported } = await plan(trx);
        await registry.insertImportedRows(database, trx, inserts);
        await audit({
          action: `registry.import.${kind}`,
          targetType: 'import',
          targetId: null,
          after: { rows: rows.length, imported, fileName: file.name },
        });
        return imported;
      }),
    'transfer.conflict',
  );
  return { kind, rows: rows.length, imported, dryRun: false };
}

/**
 * The row-error report of a file as a download (.xlsx or .csv): the file is validated exactly as an import
 * would (nothing is written) and every problem becomes a row — spreadsheet row, column, message.
 */
export async function importErrorReport(
  deps: Deps,
  actor: Actor,
  kind: ImportKind,
  file: { name: string; data: Buffer },
  format: ExportFormat,
  locale: Locale,
): Promise<SheetFile & { problems: number }> {
  const grants = importGrants(actor);
  const rows = await readImportFile(kind, file, locale);
  const problems = new Problems();
  const now = deps.clock.now().toISOString();
  await VALIDATORS[kind]({ db: deps.database.db, grants, rows, problems, now });
  const errors = renderProblems(kind, problems.list, locale);
  const base = file.name.replace(/\.(xlsx|csv)$/i, '');
  const sheet = await writeSheet(format, `${base}-${zh(locale) ? '错误报告' : 'errors'}.${format}`, {
    sheetName: zh(locale) ? '错误报告' : 'Errors',
    columns: zh(locale)
      ? [{ header: '行号', type: 'int' }, { header: '列' }, { header: '问题' }]
      : [{ header: 'Row', type: 'int' }, { header: 'Column' }, { header: 'Problem' }],
    rows: errors.map((e) => [e.row, e.column, e.message]),
  });
  return { ...sheet, problems: errors.length };
}

const KIND_ZH: Record<ImportKind, string> = {
  compounds: '小区',
  buildings: '楼栋',
  units: '房屋',
  owners: '业主',
  organisations: '组织',
};

/** The import template: Chinese header row plus one example row (UTF-8 CSV with BOM). */
/** The import template of a kind, as .xlsx (what people fill in) or UTF-8 .csv: the header row and one example. */
export async function importTemplate(
  kind: ImportKind,
  format: ExportFormat,
): Promise<SheetFile & { asciiName: string }> {
  const columns = IMPORT_COLUMNS[kind];
  const file = await writeSheet(format, `${KIND_ZH[kind]}导入模板.${format}`, {
    sheetName: KIND_ZH[kind],
    // Every template cell is text: codes and dates keep their leading zeros and their form.
    columns: columns.map((c) => ({ header: c.zh })),
    rows: [columns.map((c) => c.example)],
  });
  return { ...file, asciiName: `${kind}-template.${format}` };
}

// ---- export ----

interface ExportColumn<T> extends OutColumn {
  en: string;
  value(item: T, locale: Locale): OutValue;
}

interface ExportSpec<T> {
  sheet: { zh: string; en: string };
  columns: ExportColumn<T>[];
  page(
    deps: Deps,
    actor: Actor,
    f: ExportFilters,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: T[]; nextCursor: string | null }>;
}

const c = <T>(
  header: string,
  en: string,
  value: (item: T, locale: Locale) => OutValue,
  type?: OutColumn['type'],
): ExportColumn<T> => ({ header, en, value, ...(type ? { type } : {}) });

const define = <T>(spec: ExportSpec<T>): ExportSpec<unknown> => spec as ExportSpec<unknown>;

const OWNER_KIND_ZH = Object.fromEntries(Object.entries(OWNER_KIND_LABELS).map(([zh, code]) => [code, zh]));
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const zh = (locale: Locale) => locale === 'zh-CN';

type CompoundItem = Awaited<ReturnType<typeof registry.listCompounds>>['items'][number];
type OrganisationItem = Awaited<ReturnType<typeof registry.listOrganisations>>['items'][number];
type OwnerItem = Awaited<ReturnType<typeof registry.listOwners>>['items'][number];
type UserItem = Awaited<ReturnType<typeof users.listUsers>>['items'][number];
type AuditItem = Awaited<ReturnType<typeof auditLog.listAudit>>['items'][number];
type CaseItem = Awaited<ReturnType<typeof cases.listQueue>>['items'][number];
type AssessmentLine = Awaited<ReturnType<typeof assessment.resultLines>>[number];
const lang = (locale: Locale) => (zh(locale) ? 'zh' : 'en');

const EXPORTS: Record<ExportList, ExportSpec<unknown>> = {
  compounds: define<CompoundItem>({
    sheet: { zh: '小区', en: 'Compounds' },
    columns: [
      c('小区编码', 'Code', (x) => x.code),
      c('小区名称', 'Name', (x) => x.name),
      c('地址', 'Address', (x) => x.address),
      c('区代码', 'District code', (x) => x.districtCode),
      c('区', 'District', (x) => x.districtName),
      c('街镇代码', 'Street code', (x) => x.streetCode),
      c('街镇', 'Street', (x) => x.streetName),
      c('建筑面积(㎡)', 'Building area (m²)', (x) => x.buildingArea, 'area'),
      c('房屋数', 'Units', (x) => x.unitCount, 'int'),
      c('物业服务企业', 'Property company', (x) => x.propertyCompanyName),
    ],
    page: (deps, actor, f, cursor, limit) =>
      registry.listCompounds(deps, actor, { district: f.district, street: f.street, q: f.q, cursor, limit }),
  }),
  organisations: define<OrganisationItem>({
    sheet: { zh: '组织', en: 'Organisations' },
    columns: [
      c('类型', 'Type', (x, l) =>
        zh(l) ? (ORGANISATION_TYPE_ZH[x.type as keyof typeof ORGANISATION_TYPE_ZH] ?? x.type) : x.type,
      ),
      c('专业类别', 'Kind', (x) => x.kind),
      c('名称', 'Name', (x) => x.name),
      c('简称', 'Short name', (x) => x.shortName),
      c('行政区划代码', 'Division code', (x) => x.divisionCode),
      c('所属区划', 'Division', (x) => x.divisionName),
      c('统一社会信用代码', 'Credit code', (x) => x.creditCode),
      c('电话', 'Phone', (x) => x.phone),
      c('地址', 'Address', (x) => x.address),
    ],
    page: (deps, actor, f, cursor, limit) =>
      registry.listOrganisations(deps, actor, { type: f.type, division: f.division, q: f.q, cursor, limit }),
  }),
  owners: define<OwnerItem>({
    sheet: { zh: '业主', en: 'Owners' },
    columns: [
      c('业主姓名', 'Name', (x) => x.name),
      c('类型', 'Kind', (x, l) => (zh(l) ? (OWNER_KIND_ZH[x.kind] ?? x.kind) : x.kind)),
      c('手机', 'Phone', (x) => x.phone),
      c('证件号码', 'ID number', (x) => x.idNumber),
      c('房屋', 'Units', (x, l) => x.units.map((u) => u.label).join(zh(l) ? '、' : '; ')),
    ],
    page: (deps, actor, f, cursor, limit) => {
      if (!f.compound) throw new AppError('transfer.compound_required', 400);
      return registry.listOwners(deps, actor, f.compound, { q: f.q, cursor, limit });
    },
  }),
  users: define<UserItem>({
    sheet: { zh: '账号', en: 'Users' },
    columns: [
      c('用户名', 'Username', (x) => x.username),
      c('姓名', 'Display name', (x) => x.displayName),
      c('手机', 'Phone', (x) => x.phone),
      c('角色', 'Roles', (x, l) =>
        x.roles
          .map((g) => {
            const def = roleDefinition(g.role);
            const role = def ? (zh(l) ? def.zh : def.en) : g.role;
            return g.scopeName ? `${role}（${g.scopeName}）` : role;
          })
          .join(zh(l) ? '；' : '; '),
      ),
      c('语言', 'Locale', (x) => x.locale),
      c('状态', 'Status', (x, l) =>
        x.disabled
          ? zh(l)
            ? '已停用'
            : 'disabled'
          : x.locked
            ? zh(l)
              ? '已锁定'
              : 'locked'
            : zh(l)
              ? '正常'
              : 'active',
      ),
      c('创建时间', 'Created at', (x) => x.createdAt),
    ],
    page: (deps, actor, f, cursor, limit) =>
      users.listUsers(deps, actor, { q: f.q, role: f.role, cursor, limit }),
  }),
  audit: define<AuditItem>({
    sheet: { zh: '审计日志', en: 'Audit log' },
    columns: [
      c('序号', 'Seq', (x) => x.seq, 'int'),
      c('时间', 'At', (x) => x.at),
      c('操作人', 'Actor', (x) => x.actorName),
      c('操作人ID', 'Actor id', (x) => x.actorId),
      c('操作', 'Action', (x) => x.action),
      c('对象类型', 'Target type', (x) => x.targetType),
      c('对象ID', 'Target id', (x) => x.targetId),
      c('修改前', 'Before', (x) => json(x.before)),
      c('修改后', 'After', (x) => json(x.after)),
      c('请求ID', 'Request id', (x) => x.requestId),
      c('哈希', 'Hash', (x) => x.hash),
    ],
    page: (deps, actor, f, cursor, limit) =>
      auditLog.listAudit(deps, actor, {
        targetType: f.targetType,
        targetId: f.targetId,
        actorId: f.actorId,
        action: f.action,
        cursor,
        limit,
      }),
  }),
  cases: define<CaseItem>({
    sheet: { zh: '案件', en: 'Cases' },
    columns: [
      c('案件编号', 'Case number', (x) => x.caseNo),
      c('标题', 'Title', (x) => x.title),
      c('问题类别', 'Category', (x) => x.categoryName),
      c('状态', 'Status', (x, l) => labelOf(CASE_STATUS_LABELS, x.status, lang(l))),
      c('紧急程度', 'Urgency', (x, l) => labelOf(URGENCY_LABELS, x.urgency, lang(l))),
      c('来源渠道', 'Channel', (x, l) => labelOf(CHANNEL_LABELS, x.channel, lang(l))),
      c('街镇', 'Street', (x) => x.streetName),
      c('小区', 'Compound', (x) => x.compoundName),
      c('主办单位', 'Lead organisation', (x) => x.leadOrgName),
      c('处置时限', 'Due at (Shanghai)', (x) =>
        x.nextDueAt ? formatShanghaiMinute(new Date(x.nextDueAt)) : null,
      ),
      c('时限状态', 'Due state', (x, l) => labelOf(DUE_STATE_LABELS, x.dueState, lang(l))),
      c('督办次数', 'Supervision level', (x) => x.supervisionLevel, 'int'),
      c('受理时间', 'Received at (Shanghai)', (x) => formatShanghaiMinute(new Date(x.createdAt))),
    ],
    page: (deps, actor, f, cursor, limit) =>
      cases.listQueue(deps, actor, {
        queue: f.queue ?? 'all',
        orgId: f.orgId,
        street: f.street,
        status: f.status,
        category: f.category,
        q: f.q,
        cursor,
        limit,
      }),
  }),
  // 考核结果: one row per unit and indicator — the arithmetic of each total (value, target, score, weight, contribution).
  assessment: define<AssessmentLine>({
    sheet: { zh: '考核结果', en: 'Assessment results' },
    columns: [
      c('考核周期', 'Period', (x) => x.periodName),
      c('层级', 'Level', (x, l) => (zh(l) ? (x.level === 'street' ? '街镇' : '职能部门') : x.level)),
      c('被考核单位', 'Unit', (x) => x.unitName),
      c('排名', 'Rank', (x) => x.rank, 'int'),
      c('总分', 'Total', (x) => x.total),
      c('指标', 'Indicator', (x) => x.indicatorName),
      c('权重', 'Weight', (x) => x.weight, 'int'),
      c('目标值', 'Target', (x) => x.target, 'percent'),
      c('实际值', 'Value', (x) => x.value, 'percent'),
      c('得分', 'Score', (x) => x.score),
      c('贡献分', 'Contribution', (x) => x.contribution),
    ],
    page: async (deps, actor, f) => {
      if (!f.period) throw new AppError('transfer.period_required', 400);
      return { items: await assessment.resultLines(deps, actor, f.period, f.level), nextCursor: null };
    },
  }),
};

const EXPORT_PAGE = 500;

/** `compounds-20261127.xlsx`: the list and the date in Shanghai. */
function exportFileName(list: ExportList, format: ExportFormat, now: Date): string {
  const day = shanghaiDate(now).replace(/-/g, '');
  return `${list}-${day}.${format}`;
}

export interface ExportFile extends SheetFile {
  rows: number;
}

/** Exports a list with the filters and access checks of its list endpoint, in pages of 500 (max 100,000 rows). */
export async function exportList(
  deps: Deps,
  actor: Actor,
  list: ExportList,
  format: ExportFormat,
  filters: ExportFilters,
  locale: Locale,
): Promise<ExportFile> {
  requireExport(actor, list);
  const spec = EXPORTS[list];
  const rows: OutValue[][] = [];
  let cursor: string | undefined;
  do {
    const page = await spec.page(deps, actor, filters, cursor, EXPORT_PAGE);
    if (rows.length + page.items.length > MAX_EXPORT_ROWS) {
      throw new AppError('transfer.export_too_large', 400, { max: MAX_EXPORT_ROWS });
    }
    for (const item of page.items) rows.push(spec.columns.map((col) => col.value(item, locale)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const columns: OutColumn[] = spec.columns.map((col) => ({
    header: zh(locale) ? col.header : col.en,
    ...(col.type ? { type: col.type } : {}),
  }));
  const file = await writeSheet(format, exportFileName(list, format, deps.clock.now()), {
    sheetName: zh(locale) ? spec.sheet.zh : spec.sheet.en,
    columns,
    rows,
  });
  return { ...file, rows: rows.length };
}
