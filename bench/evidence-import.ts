/**
 * The evidence benchmark's import, in its own process as `passerelle import` runs: opens the
 * (already created) target store, times the import of the archive, prints one JSON line.
 * Usage: node --import tsx bench/evidence-import.ts DIR ARCHIVE
 */
import { importArchive } from '../src/services/export/import-archive.ts';
import { openStore } from '../src/store/db.ts';

const [dataDir, archive] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir! });
const start = performance.now();
const cpu = process.cpuUsage();
const imported = await importArchive(store.db, archive!);
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
await store.close();
process.stdout.write(
  `${JSON.stringify({
    tickets: imported.rows.tickets ?? 0,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
