// The `gongzhi` command line: one sub-command per file in ./commands, dispatched by name.
const commands: Record<string, () => Promise<{ run: (args: string[]) => Promise<number> }>> = {
  due: () => import('./commands/due.js'),
};

async function main(argv: string[]): Promise<number> {
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
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
