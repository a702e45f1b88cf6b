/**
 * `npm run bench -- [--tickets N] [other options of bench/run.ts]`: runs the API benchmark
 * (bench/run.ts), the SLA benchmark (bench/sla.ts) and the evidence benchmark (bench/evidence.ts:
 * export, import, audit verification, backup) with the same ticket count, one
 * after the other so they do not share the two cores. Each prints its own JSON line.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: { tickets: { type: 'string', default: '100000' } },
  strict: false,
  allowPositionals: true,
});
const run = (script: string, scriptArgs: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('bench/run.ts', args);
run('bench/sla.ts', ['--tickets', String(values.tickets)]);
run('bench/evidence.ts', ['--tickets', String(values.tickets)]);
