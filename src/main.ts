import { loadConfig } from './config.ts';

/** Entry point: `passerelle serve` or an administration command (see `passerelle help`). */
async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  if (command === 'serve') {
    const { serve } = await import('./server.ts');
    await serve(loadConfig());
    return;
  }
  const { runCli } = await import('./cli/run.ts');
  process.exitCode = await runCli(command, rest, loadConfig());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
