import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Linux counts a thread's time in clock ticks of 10 ms (USER_HZ = 100). */
const TICK_MS = 10;

/** CPU time per request of one phase, in ms, by where it was spent. */
export interface CpuShare {
  /** The server's main thread: HTTP, authentication, the use case, serialisation. */
  main_ms: number;
  /** The server's busiest other thread: the embedded store's thread (PGlite); near 0 on PostgreSQL. */
  store_ms: number;
  /** The server's other threads (V8's garbage-collection helpers, libuv's pool). */
  other_ms: number;
  /** The machine's PostgreSQL processes (the store on PostgreSQL; idle otherwise). */
  postgres_ms: number;
  /** The benchmark's own process (its HTTP client), on the same cores. */
  client_ms: number;
  total_ms: number;
  /**
   * The mean latency the CPU time alone imposes at this many requests in flight (Little's law:
   * in flight × total ÷ cores), before any waiting for a busy thread.
   */
  floor_mean_ms: number;
}

/** utime + stime of a /proc stat line, in ms (fields 14 and 15, after the command's closing parenthesis). */
function statMs(path: string): number {
  try {
    const stat = readFileSync(path, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0; // the thread or process ended
  }
}

function threadsOf(pid: number): Map<number, number> {
  const times = new Map<number, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) times.set(Number(tid), statMs(`/proc/${pid}/task/${tid}/stat`));
  return times;
}

function postgresMs(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += statMs(`/proc/${entry}/stat`);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

interface Snapshot {
  servers: Map<number, Map<number, number>>;
  postgres: number;
  client: NodeJS.CpuUsage;
}

/**
 * Measures where a phase's CPU time goes, from /proc (Linux only; elsewhere `start` returns
 * null): the server processes' threads, PostgreSQL's processes and this process.
 */
export class CpuMeter {
  private readonly available: boolean;

  constructor(private readonly serverPids: number[]) {
    this.available = serverPids.every((pid) => {
      try {
        readdirSync(`/proc/${pid}/task`);
        return true;
      } catch {
        return false;
      }
    });
  }

  private snapshot(): Snapshot {
    return {
      servers: new Map(this.serverPids.map((pid) => [pid, threadsOf(pid)])),
      postgres: postgresMs(),
      client: process.cpuUsage(),
    };
  }

  /** Starts measuring a phase of `concurrency` in flight; the function returned ends it and shares the time over `requests`. */
  start(concurrency: number): ((requests: number) => CpuShare | null) | null {
    if (!this.available) return null;
    const before = this.snapshot();
    return (requests) => {
      if (requests === 0) return null;
      const after = this.snapshot();
      let main = 0;
      let store = 0;
      let other = 0;
      for (const [pid, threads] of after.servers) {
        // A thread that ends between the two readings reads as 0: its delta is clamped, not negative.
        const deltas = [...threads].map(
          ([tid, ms]) => [tid, Math.max(0, ms - (before.servers.get(pid)?.get(tid) ?? 0))] as const,
        );
        main += deltas.find(([tid]) => tid === pid)?.[1] ?? 0;
        const others = deltas.filter(([tid]) => tid !== pid).map(([, ms]) => ms);
        const busiest = Math.max(0, ...others);
        store += busiest;
        other += others.reduce((sum, ms) => sum + ms, 0) - busiest;
      }
      const client = process.cpuUsage(before.client);
      const clientMs = (client.user + client.system) / 1000;
      // PostgreSQL processes that end during the phase take their time with them (the pool keeps its own open).
      const postgres = Math.max(0, after.postgres - before.postgres);
      const total = main + store + other + postgres + clientMs;
      const per = (ms: number) => Math.round((ms / requests) * 100) / 100;
      return {
        main_ms: per(main),
        store_ms: per(store),
        other_ms: per(other),
        postgres_ms: per(postgres),
        client_ms: per(clientMs),
        total_ms: per(total),
        floor_mean_ms: Math.round(((concurrency * total) / requests / availableParallelism()) * 10) / 10,
      };
    };
  }
}
