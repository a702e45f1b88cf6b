import { fileURLToPath } from 'node:url';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const config = fileURLToPath(new URL('../../src/web/vite.config.ts', import.meta.url));

/** Source folders and packages that only the server may load. */
const SERVER_MODULES = [
  /\/src\/(services|store|http|jobs|cli|policies)\//,
  /\/src\/(server|main|config)\.ts$/,
  /\/node_modules\/(drizzle-orm|@electric-sql\/pglite|fastify|@fastify\/|pg|@node-rs\/argon2|nodemailer|pdfkit|otplib)\//,
  /^node:/,
];
/** Text that server code leaves in a bundle even when minified. */
const SERVER_MARKERS = ['drizzle-orm', 'pglite', 'fastify', 'node:crypto', '@node-rs/argon2', 'argon2', 'nodemailer'];

describe('console bundle', () => {
  it('holds the contract (zod schemas) and no server code', { timeout: 120_000 }, async () => {
    // The production build of `npm run build:web`, kept in memory.
    const result = await build({ configFile: config, logLevel: 'silent', build: { write: false } });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const chunks = outputs.flatMap((o) => o.output).filter((o): o is Rollup.OutputChunk => o.type === 'chunk');
    const modules = chunks.flatMap((c) => c.moduleIds).map((id) => id.replaceAll('\\', '/'));

    // The bundle really is the console with the shared contract in it, so the checks below can fail.
    expect(modules.some((id) => id.endsWith('/src/contract/actions.ts'))).toBe(true);
    expect(modules.some((id) => id.endsWith('/src/web/app/App.tsx'))).toBe(true);

    expect(modules.filter((id) => SERVER_MODULES.some((re) => re.test(id)))).toEqual([]);
    const code = chunks.map((c) => c.code).join('\n');
    expect(SERVER_MARKERS.filter((marker) => code.includes(marker))).toEqual([]);
  });
});
