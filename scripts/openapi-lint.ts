/**
 * `npm run lint:openapi` (part of `npm run check`): builds the OpenAPI document the server serves
 * at /api/openapi.json, in-process and without listening, and lints it with Redocly's recommended
 * ruleset (redocly.yaml). Any error or warning fails, and each problem is printed with where it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import type { Db } from '../src/store/db.ts';

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}
interface Report {
  totals: { errors: number; warnings: number; ignored: number };
  problems: Problem[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');

/** The document as GET /api/openapi.json serves it. Building it reads no data: a database that throws on use proves it. */
async function openapiDocument(): Promise<unknown> {
  const db = new Proxy({} as Db, {
    get: (_target, key) => {
      throw new Error(`building the OpenAPI document must not use the database (db.${String(key)})`);
    },
  });
  const app = await buildApp({ db, config: loadConfig({ LOG_LEVEL: 'silent' }), instanceId: 'openapi-lint' });
  try {
    await app.ready();
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    if (response.statusCode !== 200) throw new Error(`GET /api/openapi.json: ${response.statusCode} ${response.body}`);
    return response.json();
  } finally {
    await app.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'passerelle-openapi-'));
try {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(await openapiDocument(), null, 2));
  const run = spawnSync(
    process.execPath,
    [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json', '--max-problems', '10000'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    },
  );
  let report: Report;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    throw new Error(`redocly lint gave no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  for (const problem of report.problems) {
    const where = decodeURIComponent(problem.location[0]?.pointer ?? '')
      .replace(/~1/g, '/')
      .replace(/~0/g, '~');
    console.error(`${problem.severity} ${problem.ruleId}: ${problem.message}\n    at ${where}`);
  }
  const { errors, warnings } = report.totals;
  console.log(`OpenAPI document (Redocly recommended): ${errors} errors, ${warnings} warnings`);
  if (errors > 0 || warnings > 0 || run.status !== 0) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
