import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/** A minimal POSIX ustar writer/reader (regular files only), gzip-compressed: the export archive's container. */
function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(512);
  if (Buffer.byteLength(name) > 100) throw new Error(`archive member name too long: ${name}`);
  block.write(name, 0, 100, 'utf8');
  block.write('0000644\0', 100, 8, 'ascii');
  block.write('0000000\0', 108, 8, 'ascii');
  block.write('0000000\0', 116, 8, 'ascii');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  block.write(
    `${Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    12,
    'ascii',
  );
  block.write('        ', 148, 8, 'ascii');
  block.write('0', 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** Writes `files` (paths relative to `root`) into a .tar.gz at `out`. */
export async function writeTarGz(root: string, files: string[], out: string, mtime = new Date()): Promise<void> {
  async function* blocks() {
    for (const file of files) {
      const { size } = await stat(join(root, file));
      yield header(file, size, mtime);
      for await (const chunk of createReadStream(join(root, file))) yield chunk as Buffer;
      if (size % 512) yield Buffer.alloc(512 - (size % 512));
    }
    yield Buffer.alloc(1024);
  }
  await pipeline(blocks, createGzip({ level: 1 }), createWriteStream(out));
}

/**
 * Extracts a .tar.gz into `dir` (which must be empty); refuses names that leave it. Returns the
 * members' paths. A truncated or corrupt file throws.
 */
export async function extractTarGz(file: string, dir: string): Promise<string[]> {
  const names: string[] = [];
  let pending: Buffer = Buffer.alloc(0);
  let current: { name: string; left: number; pad: number; out: ReturnType<typeof createWriteStream> } | null = null;
  let ended = false;
  const gunzip = createReadStream(file).pipe(createGunzip());
  for await (const chunk of gunzip) {
    pending = pending.length ? Buffer.concat([pending, chunk as Buffer]) : (chunk as Buffer);
    for (;;) {
      if (ended) break;
      if (current) {
        if (current.left > 0) {
          if (pending.length === 0) break;
          const part = pending.subarray(0, Math.min(current.left, pending.length));
          pending = pending.subarray(part.length);
          current.left -= part.length;
          if (!current.out.write(part))
            await new Promise<void>((resolve) => current!.out.once('drain', () => resolve()));
          continue;
        }
        if (pending.length < current.pad) break;
        pending = pending.subarray(current.pad);
        const out = current.out;
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        current = null;
        continue;
      }
      if (pending.length < 512) break;
      const block = pending.subarray(0, 512);
      pending = pending.subarray(512);
      if (block.every((b) => b === 0)) {
        ended = true;
        break;
      }
      const name = block.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
      const size = parseInt(block.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
      let sum = 0;
      for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
      const stored = parseInt(block.subarray(148, 156).toString('ascii').replace(/\0.*$/s, '').trim(), 8);
      if (sum !== stored || Number.isNaN(size)) throw new Error('not a tar archive (bad header)');
      const safe = normalize(name);
      if (safe.startsWith('..') || safe.startsWith('/')) throw new Error(`unsafe member name ${name}`);
      await mkdir(dirname(join(dir, safe)), { recursive: true });
      names.push(safe);
      current = {
        name: safe,
        left: size,
        pad: size % 512 ? 512 - (size % 512) : 0,
        out: createWriteStream(join(dir, safe)),
      };
    }
  }
  if (!ended || current) throw new Error('truncated archive');
  return names;
}
