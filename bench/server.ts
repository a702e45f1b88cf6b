import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The CLI entry of this checkout; every child runs it with its own DATA_DIR. */
const CLI = fileURLToPath(new URL('../bin/passerelle.js', import.meta.url));

/** Runs `passerelle <args>` to completion and returns its stdout; rejects on a non-zero exit. */
export function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, ...env }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`passerelle ${args.join(' ')} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Peak resident set size of the server process so far, in MB (VmHWM). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** How long a server may take to answer its health check after starting. */
const START_SECONDS = 900;

/**
 * Starts `passerelle serve` as a child process and waits until GET /api/health answers; `env`
 * names its store (DATA_DIR, or DATABASE_URL).
 */
export async function startServer(env: Record<string, string>, log: (line: string) => void): Promise<RunningServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [CLI, 'serve'], {
    // The SLA monitor is timed on its own (bench/monitor.ts): its first pass would otherwise land
    // in whichever phase runs a minute after start and stall that phase alone.
    // The benchmark drives one token far past a production rate limit: the limit is off, but its
    // accounting is not (API_RATE_LIMIT=0 skips the counter; the duplicate check still runs on writes).
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
      SLA_CHECK_MS: '3600000',
      API_RATE_LIMIT: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => log(`[server] ${chunk.toString().trimEnd()}`));
  child.stderr?.on('data', (chunk: Buffer) => log(`[server] ${chunk.toString().trimEnd()}`));
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server did not start');

  // Start-up includes the embedded store's first VACUUM (ANALYZE): after seeding a million tickets
  // it reads every page once, which takes minutes on a busy machine.
  const deadline = Date.now() + START_SECONDS * 1000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /api/health within ${START_SECONDS} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    pid,
    peakRssMb() {
      if (child.exitCode !== null || child.signalCode !== null) return 0;
      const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return match ? Number(match[1]) / 1024 : 0;
    },
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitExit(child, 5_000);
      }
    },
  };
}

/**
 * HAProxy (Debian's /usr/sbin/haproxy) in front of the given servers: round-robin, health-checked
 * on /api/health, as docs/deploy.md describes. Resolves once every server is up behind it.
 */
export async function startBalancer(
  servers: RunningServer[],
  dir: string,
  log: (line: string) => void,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const cfg = join(dir, 'haproxy.cfg');
  writeFileSync(
    cfg,
    [
      'global',
      '  maxconn 1024',
      'defaults',
      '  mode http',
      '  timeout connect 5s',
      '  timeout client 120s',
      '  timeout server 120s',
      'frontend passerelle',
      `  bind 127.0.0.1:${port}`,
      '  option forwardfor',
      '  default_backend nodes',
      'backend nodes',
      '  balance roundrobin',
      '  option httpchk GET /api/health',
      '  http-check expect status 200',
      '  default-server inter 1s fall 2 rise 1',
      '  http-response set-header X-Node %[srv_name]',
      ...servers.map((s, i) => `  server n${i} ${new URL(s.url).host} check`),
      '',
    ].join('\n'),
  );
  const child = spawn('/usr/sbin/haproxy', ['-f', cfg, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => log(`[haproxy] ${chunk.toString().trimEnd()}`));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with code ${child.exitCode}`);
    const seen = new Set<string | null>();
    for (let i = 0; i < servers.length * 2; i++) {
      const node = await fetch(`${url}/api/health`)
        .then((r) => (r.ok ? r.headers.get('x-node') : null))
        .catch(() => null);
      seen.add(node);
    }
    if (servers.every((_, i) => seen.has(`n${i}`))) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('HAProxy did not reach every node within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      if (!(await waitExit(child, 5_000))) child.kill('SIGKILL');
    },
  };
}
