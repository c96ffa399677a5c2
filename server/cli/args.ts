// Tiny flag parser for the CLI: `--name value`, `--name=value`, boolean `--flag`, positionals.
export interface ParsedArgs {
  flags: Record<string, string | true>;
  positionals: string[];
}

export function parseArgs(args: string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (eq > 0) flags[name] = a.slice(eq + 1);
      else if (booleanFlags.includes(name) || i + 1 >= args.length || args[i + 1].startsWith('--'))
        flags[name] = true;
      else flags[name] = args[++i];
    } else positionals.push(a);
  }
  return { flags, positionals };
}

export class UsageError extends Error {}

export function stringFlag(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags[name];
  if (v === true) throw new UsageError(`--${name} needs a value`);
  return v;
}
