import { commands, parseCommon } from './commands';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(
      `usage: desk <command>\n${Object.values(commands)
        .map((c) => `  ${c.usage}`)
        .join('\n')}`,
    );
    return 2;
  }
  const out = await command.run(parseCommon(args));
  // A verdict (ok or the failing entry) is the answer; only usage and missing files go to stderr.
  for (const line of out.lines) (out.code <= 1 ? console.log : console.error)(line);
  return out.code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
