/**
 * `npm run bench -- [--tickets N] [other options of bench/run.ts]`: runs the API benchmark
 * (bench/run.ts), the SLA benchmark (bench/sla.ts), the evidence benchmark (bench/evidence.ts:
 * export, import, audit verification, backup) with the same ticket count, then the mail benchmark
 * (bench/mail.ts, `--messages N`, default 1 000), one after the other so they do not share the two
 * cores. Each prints its own JSON line.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: { tickets: { type: 'string', default: '100000' }, messages: { type: 'string', default: '1000' } },
  strict: false,
  allowPositionals: true,
});
const run = (script: string, scriptArgs: string[]) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
// --messages is the mail phase's alone (bench/run.ts parses its options strictly).
const apiArgs = args.filter((a, i) => !a.startsWith('--messages') && args[i - 1] !== '--messages');
run('bench/run.ts', apiArgs);
run('bench/sla.ts', ['--tickets', String(values.tickets)]);
run('bench/evidence.ts', ['--tickets', String(values.tickets)]);
run('bench/mail.ts', ['--messages', String(values.messages)]);
