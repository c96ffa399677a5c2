// gongzhi audit verify — walks the hash chain; exit 1 and the first tampered record when broken.
import { sealAuditLog, verifyAuditChain } from '../../platform/audit/audit.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';

export async function run(args: string[]): Promise<number> {
  const USAGE = 'usage: gongzhi audit verify';
  if (args[0] !== 'verify') throw new UsageError(USAGE);
  parseCommandArgs(args.slice(1), { name: 'audit verify', usage: USAGE, options: {} });
  return withDeps(async (deps) => {
    const sealed = await sealAuditLog(deps.database);
    if (sealed) console.log(`sealed ${sealed} new records into the chain`);
    const result = await verifyAuditChain(deps.database.db);
    if (result.ok) {
      console.log(`audit log intact: ${result.count} records`);
      return 0;
    }
    console.error(
      `audit log TAMPERED at record ${result.seq}: ${result.reason} (${result.count} records verified before it)`,
    );
    return 1;
  });
}
