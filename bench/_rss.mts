import { openStore } from '../src/store/db.ts';
const rss = (l: string) => console.log(l, Math.round(process.memoryUsage().rss / 1e6), 'peak', Math.round(process.resourceUsage().maxRSS / 1024));
rss('start');
const { PGlite } = await import('@electric-sql/pglite');
const dir = process.argv[2]!;
if (process.argv[3] === 'raw') { const c = await PGlite.create(dir); rss('raw create'); await c.query('select 1'); rss('q'); process.exit(0); }
const a = await openStore({ dataDir: dir });
rss('after open');
