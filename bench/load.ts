import { Agent, request as httpRequest } from 'node:http';
import type { CpuMeter, CpuShare } from './cpu.ts';

/** A keep-alive HTTP/1.1 client for the API, authenticated with a Bearer token. */
export class ApiClient {
  private readonly agent: Agent;
  private readonly base: URL;

  constructor(
    baseUrl: string,
    private readonly token: string,
    sockets: number,
  ) {
    this.base = new URL(baseUrl);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** Sends a request and reads the whole answer; rejects unless the status is 2xx. */
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<string> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          agent: this.agent,
          host: this.base.hostname,
          port: this.base.port,
          method,
          path,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve(text);
            else reject(new Error(`${method} ${path} → ${status} ${text.slice(0, 200)}`));
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close() {
    this.agent.destroy();
  }
}

export interface PhaseOptions {
  /** Requests in flight at any time (closed loop: each worker sends its next when one returns). */
  concurrency: number;
  /** Stop after this many requests … */
  count: number;
  /** … or after this many seconds, whichever comes first. */
  maxSeconds: number;
  /** Sends request number `i`. */
  send: (i: number) => Promise<unknown>;
}

export interface PhaseResult {
  /** Latencies of the successful requests, in ms. */
  latencies: number[];
  errors: number;
  firstError: string | null;
  seconds: number;
  /** Where the phase's CPU time went, per request (bench/cpu.ts), when measured. */
  cpu?: CpuShare | null;
}

/** Runs one load phase: `concurrency` workers share a budget of requests and a deadline. */
export async function runPhase(options: PhaseOptions): Promise<PhaseResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;

  const worker = async () => {
    while (issued < options.count && performance.now() < deadline) {
      const i = issued++;
      const t0 = performance.now();
      try {
        await options.send(i);
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000 };
}

/** runPhase, with where its CPU time went when a meter is given. */
export async function runMeasuredPhase(options: PhaseOptions, meter?: CpuMeter): Promise<PhaseResult> {
  const stop = meter?.start(options.concurrency);
  const result = await runPhase(options);
  return { ...result, cpu: stop?.(result.latencies.length + result.errors) ?? null };
}
