import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MB = 1024 * 1024;
/** The smallest shared buffers of the embedded store: what a demo or a new desk needs. */
const MIN_BUFFERS_MB = 32;
/** The largest: enough for a word search's pages at 100,000 tickets, within the memory budget (NFR-4). */
const MAX_BUFFERS_MB = 128;

/**
 * Shared buffers for an embedded store whose databases take `databaseBytes` on disk: a third of
 * them, in steps of 16 MB, between 32 and 128 MB. PGlite keeps all of its shared buffers resident
 * from the start (an idle demo server holds 86 MB more with 128 MB than with 32 MB), so a small store
 * gets few; a page read beyond them comes from the operating system's file cache through
 * Emscripten's file system, which made a word search's count half again as costly at 100,000 tickets
 * with 32 MB as with 128 MB (BENCHMARKS.md, *Shared buffers that follow the store*).
 */
export function embeddedBuffersMb(databaseBytes: number): number {
  const third = Math.ceil(databaseBytes / 3 / (16 * MB)) * 16;
  return Math.min(MAX_BUFFERS_MB, Math.max(MIN_BUFFERS_MB, third));
}

/** Bytes of the embedded store's databases (its `base` directory); 0 for a new or in-memory store. */
export function databaseBytes(dataDir: string): number {
  if (dataDir.startsWith('memory://')) return 0;
  let entries;
  try {
    entries = readdirSync(join(dataDir, 'base'), { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    try {
      bytes += statSync(join(entry.parentPath, entry.name)).size;
    } catch (error) {
      // A file PostgreSQL removed between the listing and now (a dropped relation) takes no room.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return bytes;
}
