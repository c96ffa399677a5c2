// The `gongzhi` command line: one sub-command per file in ./commands, dispatched by name.
import { UsageError } from './args.js';
import { registerAllMessages } from '../messages.js';

const commands: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  apikey: () => import('./commands/apikey.js'),
  audit: () => import('./commands/audit.js'),
  backup: () => import('./commands/backup.js'),
  migrate: () => import('./commands/migrate.js'),
  openapi: () => import('./commands/openapi.js'),
  restore: () => import('./commands/restore.js'),
  seed: () => import('./commands/seed.js'),
  serve: () => import('./commands/serve.js'),
  user: () => import('./commands/user.js'),
  due: () => import('./commands/due.js'),
  tally: () => import('./commands/tally.js'),
  import: () => import('./commands/import.js'),
  export: () => import('./commands/export.js'),
  fund: () => import('./commands/fund.js'),
};

async function main(argv: string[]): Promise<number> {
  registerAllMessages();
  const [name, ...rest] = argv;
  const load = name ? commands[name] : undefined;
  if (!load) {
    process.stderr.write(
      `usage: gongzhi <command> [options]\ncommands: ${Object.keys(commands).sort().join(', ')}\n`,
    );
    return 2;
  }
  const command = await load();
  return command.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
