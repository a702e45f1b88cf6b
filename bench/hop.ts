/**
 * The cost of the embedded store's thread per statement: N `select 1` on PGlite in this thread,
 * then through PgliteProxy (src/store/pglite-proxy.ts), one at a time and 16 in flight. Prints one
 * JSON line: microseconds per statement (wall), of them the request thread's busy time (event
 * loop utilisation), and the whole process's CPU time per statement.
 *
 *   node --import tsx bench/hop.ts [--statements 10000]
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PgliteProxy } from '../src/store/pglite-proxy.ts';

const { values } = parseArgs({ options: { statements: { type: 'string', default: '10000' } } });
const count = Number(values.statements);

interface Client {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function time(client: Client, inFlight: number) {
  for (let i = 0; i < 500; i++) await client.query('select 1'); // warm-up
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < count) await client.query('select 1');
    }),
  );
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(loop).active;
  return {
    us_per_statement: Math.round((wall * 1000) / count),
    main_busy_us_per_statement: Math.round((busy * 1000) / count),
    process_cpu_us_per_statement: Math.round((used.user + used.system) / count),
  };
}

const load = loadavg()[0]!;
const direct = await PGlite.create('memory://');
const directSerial = await time(direct, 1);
const directConcurrent = await time(direct, 16);
await direct.close();
const proxy = await PgliteProxy.open('memory://', []);
const proxySerial = await time(proxy, 1);
const proxyConcurrent = await time(proxy, 16);
await proxy.close();
process.stdout.write(
  `${JSON.stringify({
    statements: count,
    direct_serial_us: directSerial.us_per_statement,
    proxy_serial_us: proxySerial.us_per_statement,
    hop_serial_us: proxySerial.us_per_statement - directSerial.us_per_statement,
    direct_16_us: directConcurrent.us_per_statement,
    proxy_16_us: proxyConcurrent.us_per_statement,
    direct_serial_main_busy_us: directSerial.main_busy_us_per_statement,
    proxy_serial_main_busy_us: proxySerial.main_busy_us_per_statement,
    direct_16_main_busy_us: directConcurrent.main_busy_us_per_statement,
    proxy_16_main_busy_us: proxyConcurrent.main_busy_us_per_statement,
    direct_serial_cpu_us: directSerial.process_cpu_us_per_statement,
    proxy_serial_cpu_us: proxySerial.process_cpu_us_per_statement,
    load_avg: [Math.round(load * 10) / 10, Math.round(loadavg()[0]! * 10) / 10],
  })}\n`,
);
