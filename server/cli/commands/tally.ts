// `gongzhi tally <file.json|->` — count an owners' vote exactly (民法典 Art 278; see domain/vote-tally.ts).
//
// Input:  {"matter": M, "units": [{"id", "owner", "registeredArea"?, "surveyedArea"?, "contractArea"?}],
//          "ballots": [{"owner", "choice": "yes"|"no"|"abstain"}]}   (areas in m², at most two decimals)
// Output: one JSON line on stdout {matter, rule, totalArea, totalPersons, participatingArea,
//          participatingPersons, yesArea, yesPersons, quorumMet, passed}; areas as "1234.50" strings.
// Exit:   0 when counted (whether or not the motion passed); 2 on any invalid input, with the problems on
//         stderr (prefixed "gongzhi tally: ") and nothing on stdout.
import { readFile } from 'node:fs/promises';

import { tallyResultToJson, tallyVote, validateTallyInput } from '../../../domain/vote-tally.js';
import { parseCommandArgs, UsageError } from '../args.js';

const PREFIX = 'gongzhi tally: ';
const USAGE = 'usage: gongzhi tally <file.json>   (use - to read standard input)\n';
const MAX_REPORTED = 50;

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
  const file = positionals[0];

  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    return fail([`cannot read ${file === '-' ? 'standard input' : file}: ${errorMessage(err)}`]);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM (files saved by Windows tools)

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return fail([`${file === '-' ? 'standard input' : file} is not valid JSON: ${errorMessage(err)}`]);
  }

  const validated = validateTallyInput(raw);
  if (!validated.ok) return fail(validated.problems.map((p) => p.message));

  // JSON.parse rounded every number to a double before validation saw it; check the original number text
  // too, so that e.g. 1.5e2 or 12.3400000000000000001 cannot slip through as 150 / 12.34.
  const inexact = inexactNumberLiterals(text);
  if (inexact.length > 0) {
    return fail(
      inexact.map(
        (n) =>
          `number ${n.literal} at line ${n.line}, column ${n.column}: areas must be plain decimals with at most two decimals`,
      ),
    );
  }

  const result = tallyVote(validated.value);
  process.stdout.write(`${JSON.stringify(tallyResultToJson(result))}\n`);
  return 0;
}

function fail(messages: string[], usage = false): number {
  const shown = messages.slice(0, MAX_REPORTED).map((m) => `${PREFIX}${m}\n`);
  if (messages.length > MAX_REPORTED)
    shown.push(`${PREFIX}… and ${messages.length - MAX_REPORTED} more problems\n`);
  process.stderr.write(shown.join('') + (usage ? USAGE : ''));
  return 2;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Number tokens in (already valid) JSON text that use an exponent or have more than two significant decimals.
 * Every number in a tally document is an area, so any such token is a problem.
 */
export function inexactNumberLiterals(text: string): { literal: string; line: number; column: number }[] {
  const found: { literal: string; line: number; column: number }[] = [];
  const NUMBER = /-?\d+(?:\.(\d+))?([eE][+-]?\d+)?/y;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c /* \ */ ? 2 : 1;
      i++;
    } else if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) {
        i++;
        continue;
      }
      const decimals = (m[1] ?? '').replace(/0+$/, '').length;
      if (m[2] !== undefined || decimals > 2) found.push({ literal: m[0], line, column: i - lineStart + 1 });
      i += m[0].length;
    } else {
      if (c === 0x0a /* \n */) {
        line++;
        lineStart = i + 1;
      }
      i++;
    }
  }
  return found;
}
