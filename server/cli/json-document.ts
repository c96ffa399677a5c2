// The JSON documents the counting commands read (`gongzhi tally`, `gongzhi fund share|topup`): a file or `-` for
// standard input, a UTF-8 BOM tolerated, and every number checked on its original text — JSON.parse rounds
// numbers to doubles before validation sees them, so 1.5e2 or 12.3400000000000000001 could slip through as
// 150 / 12.34. Every number in these documents is an area or a sum with at most two decimals.
import { readFile } from 'node:fs/promises';

/** `numberProblems`: numbers with an exponent or more than two decimals — a problem in every such document. */
export type JsonDocument =
  { ok: true; raw: unknown; numberProblems: string[] } | { ok: false; problems: string[] };

/** Reads and parses `file` (`-` = stdin); problems name the source and, for numbers, line and column. */
export async function readJsonDocument(file: string): Promise<JsonDocument> {
  const source = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    return { ok: false, problems: [`cannot read ${source}: ${errorMessage(err)}`] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // UTF-8 BOM (files saved by Windows tools)
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`${source} is not valid JSON: ${errorMessage(err)}`] };
  }
  const numberProblems = inexactNumberLiterals(text).map(
    (n) =>
      `number ${n.literal} at line ${n.line}, column ${n.column}: write a plain decimal with at most two decimals`,
  );
  return { ok: true, raw, numberProblems };
}

/** Writes each problem prefixed to stderr (at most 50, then a count) and returns exit code 2. */
export function failWith(prefix: string, messages: string[], usage?: string): number {
  const MAX_REPORTED = 50;
  const shown = messages.slice(0, MAX_REPORTED).map((m) => `${prefix}${m}\n`);
  if (messages.length > MAX_REPORTED)
    shown.push(`${prefix}… and ${messages.length - MAX_REPORTED} more problems\n`);
  process.stderr.write(shown.join('') + (usage ?? ''));
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

/** Number tokens in (already valid) JSON text that use an exponent or have more than two significant decimals. */
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
