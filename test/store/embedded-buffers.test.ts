import { mkdirSync, mkdtempSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseBytes, embeddedBuffersMb } from '../../src/store/embedded-buffers.ts';
import { openStore } from '../../src/store/db.ts';
import { rowsOf } from '../../src/store/audit.ts';

// Issue 16 / NFR-4: the embedded store's shared buffers follow the size of its databases.

const MB = 1024 * 1024;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-buffers-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A file of `bytes` that takes no disk (sparse): its size is what counts. */
function sparseFile(path: string, bytes: number) {
  const fd = openSync(path, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe('embeddedBuffersMb', () => {
  it('gives a third of the databases in 16 MB steps, between 32 and 128 MB', () => {
    expect(embeddedBuffersMb(0)).toBe(32);
    expect(embeddedBuffersMb(96 * MB)).toBe(32);
    expect(embeddedBuffersMb(97 * MB)).toBe(48);
    expect(embeddedBuffersMb(200 * MB)).toBe(80);
    expect(embeddedBuffersMb(340 * MB)).toBe(128);
    expect(embeddedBuffersMb(5000 * MB)).toBe(128);
  });
});

describe('databaseBytes', () => {
  it('adds the files under base/ only, at any depth', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'base', '5'), { recursive: true });
    mkdirSync(join(dir, 'pg_wal'));
    sparseFile(join(dir, 'base', '5', '16384'), 300 * MB);
    writeFileSync(join(dir, 'base', '5', '16384_fsm'), Buffer.alloc(1000));
    sparseFile(join(dir, 'pg_wal', '000000010000000000000001'), 1000 * MB);
    expect(databaseBytes(dir)).toBe(300 * MB + 1000);
  });

  it('is 0 for a new data directory and for an in-memory store', () => {
    expect(databaseBytes(join(tempDir(), 'absent'))).toBe(0);
    expect(databaseBytes('memory://')).toBe(0);
  });
});

describe('the embedded store opened on a data directory', () => {
  const sharedBuffers = async (dataDir: string) => {
    const store = await openStore({ dataDir });
    try {
      return rowsOf<{ shared_buffers: string }>(await store.db.execute(sql`show shared_buffers`))[0]!.shared_buffers;
    } finally {
      await store.close();
    }
  };

  it('starts with 32 MB when new, and with more once its databases have grown', async () => {
    const dataDir = join(tempDir(), 'data');
    expect(await sharedBuffers(dataDir)).toBe('32MB');
    // 600 MB of relation files (sparse, in a database directory PostgreSQL never opens) at the next start.
    mkdirSync(join(dataDir, 'base', '999999'));
    sparseFile(join(dataDir, 'base', '999999', '1'), 600 * MB);
    expect(await sharedBuffers(dataDir)).toBe('128MB');
  });
});
