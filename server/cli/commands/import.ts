// gongzhi import <compounds|buildings|units|owners|organisations> <file.xlsx|file.csv>
//   [--as USERNAME] [--dry-run] [--lang zh-CN|en]
// The same service as POST /api/v1/imports/:kind. Exit 0 with the count; 2 with the row errors on stderr
// when any row is invalid (nothing is imported) or the file is refused.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Grant } from '../../../domain/access.js';
import { IMPORT_KINDS, type ImportKind } from '../../../contracts/transfer.js';
import type { AuditActor } from '../../platform/audit/audit.js';
import type { Deps } from '../../platform/deps.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/http/errors.js';
import { message, type Locale } from '../../platform/http/messages.js';
import { findUserByUsername, grantsOfUser } from '../../modules/auth/auth.repo.js';
import { importFile, type RenderedRowError } from '../../modules/transfer/transfer.service.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';

const USAGE = `usage: gongzhi import <${IMPORT_KINDS.join('|')}> <file.xlsx|file.csv> [--as USERNAME] [--dry-run] [--lang zh-CN|en]`;
const MAX_PRINTED = 200;

/** The --lang option (default zh-CN). */
export function cliLocale(value: string | undefined): Locale {
  const lang = value ?? 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError('--lang must be zh-CN or en');
  return lang;
}

/**
 * The actor of a CLI run: the named user with their grants (audited under their id), or by default a
 * system actor with an administrator's city-wide grant, audited as "cli".
 */
export async function cliActor(
  deps: Deps,
  username: string | undefined,
): Promise<{ actor: Actor; audit: AuditActor }> {
  if (!username) {
    const grants: Grant[] = [{ role: 'admin', scopeType: 'city', scopeId: 'all' }];
    return {
      actor: { userId: 'cli', username: 'cli', displayName: 'cli', grants, csrfToken: '', via: 'session' },
      audit: { id: null, name: 'cli' },
    };
  }
  const user = await findUserByUsername(deps.database.db, username);
  if (!user) throw new UsageError(`no user ${username}`);
  if (user.disabled) throw new UsageError(`user ${username} is disabled`);
  const grants = await grantsOfUser(deps.database.db, user.id);
  return {
    actor: {
      userId: user.id,
      username,
      displayName: user.display_name,
      grants,
      csrfToken: '',
      via: 'session',
    },
    audit: { id: user.id, name: username },
  };
}

/** Prints an AppError in the chosen language (row errors one per line); returns the exit code. */
export function reportAppError(prefix: string, err: AppError, locale: Locale): number {
  process.stderr.write(`${prefix}${message(err.code, locale, err.params)}\n`);
  const details = err.details as { errors?: RenderedRowError[]; count?: number } | undefined;
  if (details?.errors) {
    const shown = details.errors.slice(0, MAX_PRINTED);
    const lines = shown.map((e) =>
      locale === 'zh-CN'
        ? `  第 ${e.row} 行「${e.column}」：${e.message}\n`
        : `  row ${e.row}, ${e.column}: ${e.message}\n`,
    );
    const more = (details.count ?? details.errors.length) - shown.length;
    if (more > 0) lines.push(locale === 'zh-CN' ? `  … 另有 ${more} 处错误\n` : `  … and ${more} more\n`);
    process.stderr.write(lines.join(''));
  }
  return err.status >= 500 ? 1 : 2;
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    name: 'import',
    usage: USAGE,
    options: { as: { type: 'string' }, 'dry-run': { type: 'boolean' }, lang: { type: 'string' } },
    positionals: true,
  });
  const [kind, file, ...extra] = positionals;
  if (!kind || !file || extra.length > 0 || !(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(USAGE);
  }
  const locale = cliLocale(values.lang);
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (err) {
    process.stderr.write(
      `gongzhi import: cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    return 2;
  }
  return withDeps(async (deps) => {
    const { actor, audit } = await cliActor(deps, values.as);
    try {
      const result = await importFile(
        deps,
        actor,
        kind as ImportKind,
        { name: basename(file), data },
        { dryRun: values['dry-run'] === true, locale, requestId: null, auditAs: audit },
      );
      console.log(
        result.dryRun
          ? locale === 'zh-CN'
            ? `校验通过：${result.rows} 行（试运行，未导入）`
            : `valid: ${result.rows} rows (dry run, nothing imported)`
          : locale === 'zh-CN'
            ? `已导入 ${result.imported} 条${kind}记录（${result.rows} 行）`
            : `imported ${result.imported} ${kind} (${result.rows} rows)`,
      );
      return 0;
    } catch (err) {
      if (err instanceof AppError) return reportAppError('gongzhi import: ', err, locale);
      throw err;
    }
  });
}
