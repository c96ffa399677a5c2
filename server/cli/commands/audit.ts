// gongzhi audit verify — walks the keyed hash chain and compares it with the signed head kept outside
// the database; exit 1 and the first record affected when it was changed, re-chained or truncated.
import { auditChain } from '../../platform/audit/chain.js';
import { AuditChainBroken, sealAuditLog } from '../../platform/audit/seal.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';

export async function run(args: string[]): Promise<number> {
  const USAGE = 'usage: gongzhi audit verify';
  if (args[0] !== 'verify') throw new UsageError(USAGE);
  parseCommandArgs(args.slice(1), { name: 'audit verify', usage: USAGE, options: {} });
  return withDeps(async (deps) => {
    const chain = auditChain(deps.config, deps.database);
    try {
      const sealed = await sealAuditLog(deps.database, chain);
      if (sealed) console.log(`sealed ${sealed} new records into the chain`);
    } catch (err) {
      if (!(err instanceof AuditChainBroken)) throw err; // verify below names the first record affected
    }
    const result = await verifyAuditChain(deps.database.db, chain);
    if (result.ok) {
      const head =
        result.anchoredSeq === null ? 'no signed head yet' : `signed head at ${result.anchoredSeq}`;
      console.log(`audit log intact: ${result.count} records (${head}, ${chain.anchors.location})`);
      return 0;
    }
    console.error(
      `audit log TAMPERED at record ${result.seq}: ${result.reason} (${result.count} records verified before it)`,
    );
    return 1;
  });
}
