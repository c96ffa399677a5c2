// `gongzhi fund share <file.json|->` and `gongzhi fund topup <file.json|->` — the maintenance fund's (专项维修资金)
// arithmetic, exactly as the server's payments and top-up tasks do it (domain/fund.ts; CONTRACTS.md).
//
// share:  {"cost": C, "units": [{"id", "registeredArea"?, "surveyedArea"?, "contractArea"?}]}  (C in yuan > 0,
//         areas in m²; at most two decimals) → {"cost", "totalArea", "shares": [{"id", "area", "amount"}]}
//         (《上海市住宅物业管理规定》 Art 68: by building area; ⌊cost × area / total⌋ fen, largest remainders get
//         the fen left over, ties to the earlier unit).
// topup:  {"ledgers": [{"id", "initial": Y, "balance": Y}]} → {"ledgers": [{"id", "belowThreshold", "due"}],
//         "totalDue"} (Art 65: under 30 % of the initial deposit → due brings it to 50 %, rounded up to the fen).
// verify: every unit ledger equals its entries, every building ledger its units, every account its buildings
//         (Art 66); exit 1 naming the first mismatch (needs DATABASE_URL like every database command).
// Exit:   0 when computed; 2 on invalid input, the problems on stderr (prefixed "gongzhi fund: "), nothing on stdout.
import { formatAreaM2 } from '../../../domain/area.js';
import { apportionCost, topUpDue } from '../../../domain/fund.js';
import { validateShareInput, validateTopUpInput } from '../../../domain/fund-input.js';
import { formatYuan } from '../../../domain/money.js';
import { verifyLedgers } from '../../modules/fund/fund.service.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { withDeps } from '../context.js';
import { failWith, readJsonDocument } from '../json-document.js';

const PREFIX = 'gongzhi fund: ';
const USAGE =
  'usage: gongzhi fund share <file.json>   cost sharing by building area (Art 68)\n' +
  '       gongzhi fund topup <file.json>   top-up due per ledger (Art 65)\n' +
  '       gongzhi fund verify              unit ledgers add up to buildings and accounts (Art 66)\n' +
  '       (use - to read standard input)\n';

export async function run(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [sub, ...rest] = args;
  if (sub === 'verify') return verify(rest);
  if (sub !== 'share' && sub !== 'topup') {
    return fail(
      [sub === undefined ? 'missing sub-command' : `unknown sub-command ${JSON.stringify(sub)}`],
      true,
    );
  }
  let positionals: string[];
  try {
    ({ positionals } = parseCommandArgs(rest, { options: {}, positionals: true }));
  } catch (err) {
    if (err instanceof UsageError) return fail([err.message], true);
    throw err;
  }
  if (positionals.length !== 1) {
    return fail(
      [
        positionals.length === 0
          ? 'missing input file'
          : `expected one input file, got ${positionals.length}`,
      ],
      true,
    );
  }
  const doc = await readJsonDocument(positionals[0]);
  if (!doc.ok) return fail(doc.problems);
  const output = sub === 'share' ? share(doc.raw) : topup(doc.raw);
  if (!output.ok) return fail([...output.problems, ...doc.numberProblems]);
  if (doc.numberProblems.length > 0) return fail(doc.numberProblems);
  process.stdout.write(`${JSON.stringify(output.value)}\n`);
  return 0;
}

type Output = { ok: true; value: unknown } | { ok: false; problems: string[] };

function share(raw: unknown): Output {
  const v = validateShareInput(raw);
  if (!v.ok) return { ok: false, problems: v.problems.map((p) => p.message) };
  const shares = apportionCost(v.value.costFen, v.value.units);
  const totalCenti = v.value.units.reduce((sum, u) => sum + BigInt(u.centi), 0n);
  return {
    ok: true,
    value: {
      cost: formatYuan(v.value.costFen),
      totalArea: formatAreaM2(totalCenti),
      shares: shares.map((s, i) => ({
        id: v.value.units[i].given,
        area: formatAreaM2(s.centi),
        amount: formatYuan(s.fen),
      })),
    },
  };
}

function topup(raw: unknown): Output {
  const v = validateTopUpInput(raw);
  if (!v.ok) return { ok: false, problems: v.problems.map((p) => p.message) };
  let total = 0n;
  const ledgers = v.value.ledgers.map((l) => {
    const due = topUpDue(l.initialFen, l.balanceFen);
    total += BigInt(due.dueFen);
    return { id: l.id, belowThreshold: due.belowThreshold, due: formatYuan(due.dueFen) };
  });
  return { ok: true, value: { ledgers, totalDue: formatAreaM2(total) } };
}

async function verify(rest: string[]): Promise<number> {
  try {
    parseCommandArgs(rest, { name: 'fund verify', usage: USAGE, options: {} });
  } catch (err) {
    if (err instanceof UsageError) return fail([err.message], true);
    throw err;
  }
  return withDeps(async (deps) => {
    const r = await verifyLedgers(deps.database.db);
    if (r.ok) {
      console.log(`maintenance fund ledgers add up: ${r.accounts} accounts, ${r.units} unit ledgers`);
      return 0;
    }
    const m = r.mismatches[0];
    console.error(
      `maintenance fund ledger MISMATCH: ${m.level} ${m.id} records ${formatYuan(m.recorded)} but its ` +
        `${m.level === 'unit' ? 'entries add' : m.level === 'building' ? 'unit ledgers add' : 'building ledgers add'} ` +
        `up to ${formatYuan(m.computed)} (${r.mismatches.length}${r.mismatches.length >= 20 ? '+' : ''} mismatches)`,
    );
    return 1;
  });
}

function fail(messages: string[], usage = false): number {
  return failWith(PREFIX, messages, usage ? USAGE : undefined);
}
