// gongzhi user create --username U --password P --role R --scope TYPE:ID [--name N]
// gongzhi user unlock --username U
import { isValidGrant, type Grant, type ScopeType } from '../../../domain/access.js';
import { findUserByUsername, resetFailedLogins } from '../../modules/auth/auth.repo.js';
import { createAccount } from '../../modules/users/users.service.js';
import { loadConfig } from '../../config.js';
import { AppError } from '../../platform/http/errors.js';
import { message } from '../../platform/http/messages.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';

const USAGE =
  'usage: gongzhi user create --username U --password P --role ROLE --scope TYPE:ID [--name NAME]\n       gongzhi user unlock --username U';

export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'create') {
    const { values } = parseCommandArgs(rest, {
      name: 'user create',
      usage: USAGE,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string' },
        scope: { type: 'string' },
        name: { type: 'string' },
      },
    });
    const username = values.username;
    if (!username) throw new UsageError(USAGE);
    const password = values.password ?? loadConfig().GONGZHI_PASSWORD;
    const role = values.role ?? 'admin';
    const [scopeType, scopeId] = (values.scope ?? 'city:all').split(':');
    const grant = { role, scopeType: scopeType as ScopeType, scopeId } as Grant;
    if (!password) throw new UsageError('gongzhi user: give --password or GONGZHI_PASSWORD');
    if (!isValidGrant(grant))
      throw new UsageError(`gongzhi user: role ${role} cannot be bound to scope ${scopeType}:${scopeId}`);
    return withDeps(async (deps) => {
      const id = await createAccount(
        deps,
        { id: null, name: 'cli' },
        {
          username,
          displayName: values.name ?? username,
          password,
          locale: 'zh-CN',
          phone: null,
          roles: [grant],
        },
        null,
      ).catch((err: unknown) => {
        // Refused input (a weak password, a taken username): the message, exit 2.
        if (err instanceof AppError && err.status < 500)
          throw new UsageError(`gongzhi user: ${message(err.code, 'en', err.params)}`);
        throw err;
      });
      console.log(`created user ${username} (${id})`);
      return 0;
    });
  }
  if (sub === 'unlock') {
    const { values } = parseCommandArgs(rest, {
      name: 'user unlock',
      usage: USAGE,
      options: { username: { type: 'string' } },
    });
    const username = values.username;
    if (!username) throw new UsageError(USAGE);
    return withDeps(async (deps) => {
      const user = await findUserByUsername(deps.database.db, username);
      if (!user) throw new UsageError(`gongzhi user: no user ${username}`);
      await resetFailedLogins(deps.database.db, user.id, deps.clock.now().toISOString());
      console.log(`unlocked ${username}`);
      return 0;
    });
  }
  throw new UsageError(USAGE);
}
