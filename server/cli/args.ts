// Command-line options of every `gongzhi` command, on node:util parseArgs (strict: an unknown option, a
// missing value or an unexpected argument is a UsageError, exit code 2). Options are `--name value`,
// `--name=value` and boolean `--flag`; a value starting with '-' must be written `--name=-value`.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** A wrong command line: main.ts prints the message and exits with code 2. */
export class UsageError extends Error {}

export interface CommandSpec<O extends ParseArgsOptionsConfig> {
  /** The command's words, e.g. 'seed' or 'apikey create': the messages start with `gongzhi <name>: `. */
  name?: string;
  /** Printed after the problem (the command's usage line). */
  usage?: string;
  options: O;
  /** Whether positional arguments are allowed (the command checks how many). Default false. */
  positionals?: boolean;
  /** Refuse an option given twice (otherwise the last one counts). Default false. */
  once?: boolean;
}

/**
 * Parses `args` against the command's options. Throws a UsageError naming the first offending argument:
 * `unknown option --x`, `--x needs a value`, `--x takes no value`, `unexpected argument "y"`,
 * `--x given more than once` (with `once`). With a `name`, the message is `gongzhi <name>: <problem>`
 * followed by the usage on the next line; without one it is the bare problem (for commands that print it).
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(
  args: string[],
  spec: CommandSpec<O>,
) {
  const allowPositionals = spec.positionals ?? false;
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec.options, strict: true, allowPositionals, tokens: true });
  } catch (err) {
    throw usageError(spec, problemIn(args, spec.options, allowPositionals) ?? (err as Error).message);
  }
  if (spec.once) {
    const seen = new Set<string>();
    for (const t of parsed.tokens) {
      if (t.kind !== 'option') continue;
      if (seen.has(t.name)) throw usageError(spec, `--${t.name} given more than once`);
      seen.add(t.name);
    }
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

function usageError(spec: CommandSpec<ParseArgsOptionsConfig>, problem: string): UsageError {
  if (!spec.name) return new UsageError(problem);
  return new UsageError(`gongzhi ${spec.name}: ${problem}${spec.usage ? `\n${spec.usage}` : ''}`);
}

/** The first argument strict parsing refuses, described (re-read leniently to find it). */
function problemIn(
  args: string[],
  options: ParseArgsOptionsConfig,
  allowPositionals: boolean,
): string | null {
  let tokens;
  try {
    ({ tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true }));
  } catch {
    return null;
  }
  for (const t of tokens) {
    if (t.kind === 'option') {
      const def = Object.hasOwn(options, t.name) ? options[t.name] : undefined;
      if (!def) return `unknown option ${t.rawName}`;
      if (def.type === 'string' && (t.value === undefined || (!t.inlineValue && /^-./.test(t.value)))) {
        return `${t.rawName} needs a value`;
      }
      if (def.type === 'boolean' && t.value !== undefined) return `${t.rawName} takes no value`;
    } else if (t.kind === 'positional' && !allowPositionals) {
      return `unexpected argument ${JSON.stringify(t.value)}`;
    }
  }
  return null;
}
