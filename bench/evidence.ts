/**
 * Evidence benchmark (AUD-1/3/5): seeds N tickets (each with two timeline events) and M chained
 * audit entries on the embedded store, then times the party export, the import of that archive
 * into a fresh store (another process, as `passerelle import`), the audit chain verification and
 * the backup. Both stores are created and seeded by child processes beforehand
 * (bench/evidence-seed.ts: creating a PGlite store alone peaks near 900 MB). Prints one JSON line.
 * Usage: node --import tsx bench/evidence.ts [--tickets 100000] [--audit 200000]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../src/services/audit/verify-chain.ts';
import { exportParty } from '../src/services/export/export-party.ts';
import { backupStore } from '../src/store/backup.ts';
import { openStore } from '../src/store/db.ts';

const { values } = parseArgs({
  options: { tickets: { type: 'string', default: '100000' }, audit: { type: 'string', default: '200000' } },
  allowPositionals: true,
  strict: false,
});
const n = Number(values.tickets);
const m = Number(values.audit);
const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-evidence-'));
const log = (message: string) => process.stderr.write(`${message}\n`);
const seconds = (from: number) => (performance.now() - from) / 1000;
/** CPU seconds of this process since `from` (PGlite runs in it): less sensitive than wall time to other work on the machine. */
const cpu = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1e6;
};

const child = (args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed`);
  return result.stdout.toString();
};

try {
  // Both stores are created (initdb) and seeded by other processes: see bench/evidence-seed.ts.
  child(['bench/evidence-seed.ts', join(dir, 'source'), String(n), String(m)]);
  child(['bin/passerelle.js', 'init'], { DATA_DIR: join(dir, 'target'), DATABASE_URL: '' });
  const store = await openStore({ dataDir: join(dir, 'source') });
  let t = performance.now();
  let c = process.cpuUsage();
  const report = await verifyAuditChain(store.db);
  const verifyS = seconds(t);
  const verifyCpu = cpu(c);
  if (!report.ok) throw new Error(`chain does not verify: ${JSON.stringify(report.problem)}`);
  log(`verified ${report.entries} entries in ${verifyS.toFixed(1)} s`);

  t = performance.now();
  c = process.cpuUsage();
  const archive = join(dir, 'eu.tar.gz');
  const manifest = await exportParty(store.db, 'EU', archive);
  const exportS = seconds(t);
  const exportCpu = cpu(c);
  const exported = manifest.files.find((f) => f.kind === 'tickets')!.rows;
  log(`exported ${exported} tickets in ${exportS.toFixed(1)} s (${(statSync(archive).size / 1e6).toFixed(1)} MB)`);

  t = performance.now();
  const backup = await backupStore(store.db, join(dir, 'backup.gz'));
  const backupS = seconds(t);
  log(`backed up ${backup.rows} rows in ${backupS.toFixed(1)} s (${(backup.bytes / 1e6).toFixed(1)} MB)`);
  await store.close();

  const sourceRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

  // The import runs as `passerelle import` would: its own process on the (already created) target store.
  const imported = JSON.parse(child(['bench/evidence-import.ts', join(dir, 'target'), archive])) as {
    tickets: number;
    seconds: number;
    cpuSeconds: number;
    peakRssMb: number;
  };
  log(`imported ${imported.tickets} tickets in ${imported.seconds.toFixed(1)} s`);

  console.log(
    JSON.stringify({
      bench: 'evidence',
      tickets: n,
      auditEntries: report.entries,
      exportTicketsPerS: Math.round(exported / exportS),
      importTicketsPerS: Math.round(imported.tickets / imported.seconds),
      verifyEntriesPerS: Math.round(report.entries / verifyS),
      backupS: Number(backupS.toFixed(1)),
      // The same per CPU second of the process doing the work (what a quiet machine would give, near enough).
      perCpuSecond: {
        export: Math.round(exported / exportCpu),
        import: Math.round(imported.tickets / imported.cpuSeconds),
        verify: Math.round(report.entries / verifyCpu),
      },
      // Verification, export and backup in one process; the import in another.
      peakRssMb: Math.max(sourceRssMb, imported.peakRssMb),
      peakRssMbByProcess: { verifyExportBackup: sourceRssMb, import: imported.peakRssMb },
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
