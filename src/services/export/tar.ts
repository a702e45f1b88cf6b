import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip, gzipSync } from 'node:zlib';

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

/**
 * A .tar.gz whose leading members (the manifest) are known only once the others are written. Each
 * other file is compressed into a body as soon as it is complete — zlib and file reads run on
 * libuv's threads, alongside what the caller does next — and `finish` writes the leading members
 * as a gzip member of their own, then the body, then the end of the archive: one tar stream, in
 * three gzip members (RFC 1952 §2.2: a gzip file is a series of members; gunzip and tar read it whole).
 */
export class TarGzWriter {
  private readonly gzip = createGzip({ level: 1 });
  private readonly written: Promise<void>;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly root: string,
    private readonly bodyFile: string,
    private readonly mtime = new Date(),
  ) {
    this.written = pipeline(this.gzip, createWriteStream(bodyFile));
    this.written.catch(() => undefined);
  }

  /** Queues `file` (relative to the root, complete and unchanged from now on) as the body's next member. */
  add(file: string): void {
    this.queue = this.queue.then(async () => {
      const { size } = await stat(join(this.root, file));
      await this.put(header(file, size, this.mtime));
      for await (const chunk of createReadStream(join(this.root, file))) await this.put(chunk as Buffer);
      if (size % 512) await this.put(Buffer.alloc(512 - (size % 512)));
    });
    // Observed here so that a failure waits for `finish` instead of ending the process.
    this.queue.catch(() => undefined);
  }

  /** Writes the archive to `out`: `leading` (relative to the root) first, then every added file. */
  async finish(leading: string[], out: string): Promise<void> {
    await this.queue;
    this.gzip.end();
    await this.written;
    const head: Buffer[] = [];
    for (const file of leading) {
      const content = await readFile(join(this.root, file));
      head.push(header(file, content.length, this.mtime), content);
      if (content.length % 512) head.push(Buffer.alloc(512 - (content.length % 512)));
    }
    const body = this.bodyFile;
    async function* members() {
      yield gzipSync(Buffer.concat(head), { level: 1 });
      for await (const chunk of createReadStream(body)) yield chunk as Buffer;
      yield gzipSync(Buffer.alloc(1024), { level: 1 });
    }
    await pipeline(Readable.from(members()), createWriteStream(out));
  }

  /** Stops writing the body (after a failure). */
  abort(): void {
    this.gzip.destroy();
  }

  private async put(chunk: Buffer): Promise<void> {
    if (!this.gzip.write(chunk)) await once(this.gzip, 'drain');
  }
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
