import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
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

/** The chunks of the production build of `npm run build:web`, kept in memory (built once for the file). */
let built: Promise<Rollup.OutputChunk[]> | undefined;
function buildChunks(): Promise<Rollup.OutputChunk[]> {
  built ??= build({ configFile: config, logLevel: 'silent', build: { write: false } }).then((result) =>
    ((Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[])
      .flatMap((o) => o.output)
      .filter((o): o is Rollup.OutputChunk => o.type === 'chunk'),
  );
  return built;
}

/** The entry chunk and every chunk it imports statically, transitively: what a browser loads before any page. */
function initialChunks(chunks: Rollup.OutputChunk[]): Rollup.OutputChunk[] {
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const seen = new Set<string>();
  const visit = (chunk: Rollup.OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const name of chunk.imports) visit(byName.get(name)!);
  };
  chunks.filter((c) => c.isEntry).forEach(visit);
  return [...seen].map((name) => byName.get(name)!);
}

const brotliBytes = (code: string) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

describe('console bundle', () => {
  it('holds the contract (zod schemas) and no server code', { timeout: 120_000 }, async () => {
    const chunks = await buildChunks();
    const modules = chunks.flatMap((c) => c.moduleIds).map((id) => id.replaceAll('\\', '/'));

    // The bundle really is the console with the shared contract in it, so the checks below can fail.
    expect(modules.some((id) => id.endsWith('/src/contract/actions.ts'))).toBe(true);
    expect(modules.some((id) => id.endsWith('/src/web/app/App.tsx'))).toBe(true);

    expect(modules.filter((id) => SERVER_MODULES.some((re) => re.test(id)))).toEqual([]);
    const code = chunks.map((c) => c.code).join('\n');
    expect(SERVER_MARKERS.filter((marker) => code.includes(marker))).toEqual([]);
  });

  it(
    'loads each page on its first opening: the initial JavaScript is ≤ 250 KB brotli and holds no page',
    {
      timeout: 120_000,
    },
    async () => {
      const chunks = await buildChunks();
      const initial = initialChunks(chunks);
      const initialModules = initial.flatMap((c) => c.moduleIds).map((id) => id.replaceAll('\\', '/'));
      // The shell is in the initial load, so the checks below look at the right chunks.
      expect(initialModules.some((id) => id.endsWith('/src/web/app/Shell.tsx'))).toBe(true);

      const pages = chunks
        .flatMap((c) => c.moduleIds)
        .map((id) => id.replaceAll('\\', '/'))
        .filter((id) => /\/src\/web\/app\/\w+\/\w+Page(View)?\.tsx$/.test(id));
      expect(pages.length).toBeGreaterThanOrEqual(20);
      expect(initialModules.filter((id) => pages.includes(id))).toEqual([]);
      // Each page is the facade module of a chunk loaded by a dynamic import.
      const dynamic = new Set(chunks.flatMap((c) => c.dynamicImports));
      for (const page of pages) {
        const chunk = chunks.find((c) => c.moduleIds.some((id) => id.replaceAll('\\', '/') === page))!;
        expect(dynamic.has(chunk.fileName), page).toBe(true);
      }

      const initialBytes = initial.reduce((sum, c) => sum + brotliBytes(c.code), 0);
      expect(initialBytes).toBeLessThanOrEqual(250 * 1024);
    },
  );
});
