#!/usr/bin/env node
// Runs the server bundle (dist/passerelle.mjs, built at install by `npm run build:server`) while it
// is newer than every server source file; otherwise the TypeScript sources through tsx's loader,
// so an edited checkout never runs stale code. PASSERELLE_SOURCES=1 forces the sources.
import { readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/passerelle.mjs`;

/** The newest modification time of the server's sources (the console under src/web is not in the bundle). */
function newestSource() {
  let newest = 0;
  for (const entry of readdirSync(`${root}src`, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.includes('/src/web')) continue;
    newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.PASSERELLE_SOURCES === '1') return false;
  try {
    return statSync(bundle).mtimeMs >= newestSource();
  } catch {
    return false;
  }
}

if (bundleIsFresh()) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
