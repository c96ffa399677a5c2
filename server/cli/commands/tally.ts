// `gongzhi tally <file.json|->` — count an owners' vote exactly (民法典 Art 278; see domain/vote-tally.ts).
//
// Input:  {"matter": M, "units": [{"id", "owner", "registeredArea"?, "surveyedArea"?, "contractArea"?}],
//          "ballots": [{"owner", "choice": "yes"|"no"|"abstain"}]}   (areas in m², at most two decimals)
// Output: one JSON line on stdout {matter, rule, totalArea, totalPersons, participatingArea,
//          participatingPersons, yesArea, yesPersons, quorumMet, passed}; areas as "1234.50" strings.
// Exit:   0 when counted (whether or not the motion passed); 2 on any invalid input, with the problems on
//         stderr (prefixed "gongzhi tally: ") and nothing on stdout.
import { tallyResultToJson, tallyVote, validateTallyInput } from '../../../domain/vote-tally.js';
import { parseCommandArgs, UsageError } from '../args.js';
import { failWith, readJsonDocument } from '../json-document.js';

const PREFIX = 'gongzhi tally: ';
const USAGE = 'usage: gongzhi tally <file.json>   (use - to read standard input)\n';

export async function run(args: string[]): Promise<number> {
  if (args.length === 1 && (args[0] === '-h' || args[0] === '--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  let positionals: string[];
  try {
    ({ positionals } = parseCommandArgs(args, { options: {}, positionals: true }));
  } catch (err) {
    if (err instanceof UsageError) return fail([err.message], true);
    throw err;
  }
  if (positionals.length === 0) return fail(['missing input file'], true);
  if (positionals.length > 1) {
    return fail([`expected one input file, got ${positionals.length} arguments`], true);
  }
  const doc = await readJsonDocument(positionals[0]);
  if (!doc.ok) return fail(doc.problems);

  const validated = validateTallyInput(doc.raw);
  if (!validated.ok) return fail([...validated.problems.map((p) => p.message), ...doc.numberProblems]);
  if (doc.numberProblems.length > 0) return fail(doc.numberProblems);

  const result = tallyVote(validated.value);
  process.stdout.write(`${JSON.stringify(tallyResultToJson(result))}\n`);
  return 0;
}

function fail(messages: string[], usage = false): number {
  return failWith(PREFIX, messages, usage ? USAGE : undefined);
}
