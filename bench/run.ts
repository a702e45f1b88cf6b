/**
 * Passerelle benchmark: seeds N incidents into a fresh embedded store, starts the server and
 * drives its HTTP API with concurrent clients. Progress goes to stderr; the result is ONE
 * JSON line on stdout. See BENCHMARKS.md.
 *
 *   npm run bench -- --tickets 100000 [--concurrency 16] [--analyze] [--keep]
 *                    [--store pglite|postgres] [--nodes N]
 *
 * `--store postgres` runs on a new database of the DATABASE_URL server (dropped afterwards);
 * `--nodes N` (PostgreSQL only) starts N servers on it behind HAProxy (docs/deploy.md) and drives
 * the API through HAProxy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CpuMeter } from './cpu.ts';
import { ApiClient, type PhaseResult } from './load.ts';
import { measureCreateLimit } from './limit.ts';
import { timeSlaCheck } from './monitor.ts';
import { runScenario } from './scenario.ts';
import { seedTickets } from './seed.ts';
import { benchDatabase } from './database.ts';
import { runCli, startBalancer, startServer, type RunningServer } from './server.ts';
import { round1, summarise } from './stats.ts';

const { values } = parseArgs({
  options: {
    tickets: { type: 'string', default: '100000' },
    concurrency: { type: 'string', default: '16' },
    /** ANALYZE after seeding (PGlite has no autovacuum, so by default the planner has no statistics). */
    analyze: { type: 'boolean', default: false },
    /** Keep the data directory (its path is logged) for EXPLAIN sessions. */
    keep: { type: 'boolean', default: false },
    store: { type: 'string', default: 'pglite' },
    nodes: { type: 'string', default: '1' },
  },
});
const tickets = Number(values.tickets);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(tickets) || tickets < 1) throw new Error('--tickets must be a positive integer');
if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');
const storeKind = values.store;
if (storeKind !== 'pglite' && storeKind !== 'postgres') throw new Error('--store must be pglite or postgres');
if (storeKind === 'postgres' && !process.env.DATABASE_URL) throw new Error('--store postgres needs DATABASE_URL');
const nodeCount = Number(values.nodes);
if (!Number.isInteger(nodeCount) || nodeCount < 1) throw new Error('--nodes must be a positive integer');
if (nodeCount > 1 && storeKind !== 'postgres') throw new Error('--nodes above 1 needs --store postgres');

const log = (message: string) => process.stderr.write(`${message}\n`);

/** Throughput and latency figures of one phase; its first error, if any, goes to the log. */
function figures(phase: PhaseResult) {
  if (phase.firstError) log(`first error: ${phase.firstError}`);
  return {
    ...summarise(phase.latencies),
    errors: phase.errors,
    per_s: round1(phase.latencies.length / phase.seconds),
    ...(phase.cpu ? { cpu: phase.cpu } : {}),
  };
}

async function main() {
  const loadBefore = round1(loadavg()[0]!);
  const dataDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-'));
  const database = storeKind === 'postgres' ? await benchDatabase(process.env.DATABASE_URL!) : undefined;
  const env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: database?.url ?? '' };
  const where = database ? { databaseUrl: database.url } : { dataDir };
  let servers: RunningServer[] = [];
  let balancer: Awaited<ReturnType<typeof startBalancer>> | undefined;
  let api: ApiClient | undefined;
  try {
    log(database ? `database ${new URL(database.url).pathname.slice(1)}` : `data dir ${dataDir}`);
    log('init --demo');
    await runCli(['init', '--demo'], env);
    log(`seeding ${tickets} incidents`);
    const seed = await seedTickets(where, tickets, { analyze: values.analyze, log });
    log(`seeded ${seed.tickets} tickets, ${seed.events} events in ${seed.seconds.toFixed(1)} s`);
    const token = (await runCli(['token', 'create', '--username', 'eu.agent', '--name', 'bench'], env)).trim();

    for (let i = 0; i < nodeCount; i++) {
      const server = await startServer(env, log);
      servers.push(server);
      log(`server pid ${server.pid} at ${server.url}`);
    }
    if (nodeCount > 1) {
      balancer = await startBalancer(servers, dataDir, log);
      log(`HAProxy at ${balancer.url} in front of ${nodeCount} nodes`);
    }
    api = new ApiClient(balancer?.url ?? servers[0]!.url, token, concurrency);
    const cpu = new CpuMeter(servers.map((s) => s.pid));
    const result = await runScenario(api, { concurrency, refs: seed.sampleRefs, log, cpu });
    // The largest node's peak: each node is a process of its own (on its own machine in production).
    const rssMb = Math.max(...servers.map((s) => s.peakRssMb()));
    await balancer?.stop();
    balancer = undefined;
    await Promise.all(servers.map((s) => s.stop()));
    servers = [];
    // The same store's limit, in the same run: the bare create transaction, as many in flight.
    log(`limit: bare create transactions on the store, ${concurrency} in flight`);
    const limit = await measureCreateLimit(where, concurrency);
    log('SLA monitor: one pass over the store');
    const slaCheck = await timeSlaCheck(where).catch((error: unknown) => {
      log(`SLA monitor pass failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return null;
    });

    const phases = {
      create: figures(result.create),
      limit_create: figures(limit),
      get: figures(result.get),
      list: figures(result.list),
      search: figures(result.search),
      fulltext: figures(result.fulltext),
      serial_get: figures(result.serial.get),
      serial_list: figures(result.serial.list),
      serial_search: figures(result.serial.search),
      serial_fulltext: figures(result.serial.fulltext),
    };
    const errors = Object.values(phases).reduce((sum, phase) => sum + phase.errors, 0);
    const line = {
      store: storeKind,
      nodes: nodeCount,
      tickets,
      events: seed.events,
      concurrency,
      analyzed: values.analyze,
      seed_s: round1(seed.seconds),
      create_per_s: phases.create.per_s,
      create_p99_ms: phases.create.p99,
      limit_create_per_s: phases.limit_create.per_s,
      /** Creations through the API as a share of the store's limit (target ≥ 0.8). */
      create_ratio:
        phases.limit_create.per_s > 0
          ? Math.round((phases.create.per_s / phases.limit_create.per_s) * 100) / 100
          : null,
      get_p50_ms: phases.get.p50,
      get_p99_ms: phases.get.p99,
      list_p99_ms: phases.list.p99,
      search_p99_ms: phases.search.p99,
      fulltext_p99_ms: phases.fulltext.p99,
      /** The mean latency each phase's CPU time alone imposes at its concurrency (bench/cpu.ts); p99 is at least this. */
      floor_mean_ms: {
        get: result.get.cpu?.floor_mean_ms ?? null,
        list: result.list.cpu?.floor_mean_ms ?? null,
        search: result.search.cpu?.floor_mean_ms ?? null,
      },
      fulltext_serial_p99_ms: phases.serial_fulltext.p99,
      rss_mb: Math.round(rssMb),
      sla_check_s: slaCheck ? round1(slaCheck.seconds) : null,
      sla_check_ms: slaCheck ? Math.round(slaCheck.seconds * 1000) : null,
      sla_check_raised: slaCheck?.raised ?? null,
      errors,
      /** 1-minute load average before and after: other work on the machine skews every figure. */
      load_avg: [loadBefore, round1(loadavg()[0]!)],
      phases,
      list_by_query: result.listByQuery,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    api?.close();
    await balancer?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    if (values.keep) log(`kept ${dataDir}${database ? ` and database ${database.url}` : ''}`);
    else {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    }
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
