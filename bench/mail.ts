/**
 * Mail benchmark (COL-2): places N messages (10 % with an attachment, 20 % replies to earlier
 * ones) in a real Dovecot mailbox and times the collector until every one is a ticket or a
 * comment, on the embedded store. Prints one JSON line. (The crash check — a server killed halfway
 * and restarted loses and duplicates nothing — is test/durability/mail-crash.test.ts; two
 * collectors on one mailbox: test/durability/mail-collectors.test.ts.)
 * Usage: node --import tsx bench/mail.ts [--messages N]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { collectAllMailboxes } from '../src/jobs/mail-collector.ts';
import { createMailbox } from '../src/services/mail/create-mailbox.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';
import { startDovecot, type Dovecot } from '../test/helpers/dovecot.ts';
import { mailLoad, mailOutcomes } from '../test/helpers/mail-load.ts';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '1000' } },
  allowPositionals: true,
});
const n = Number(values.messages);
const key = randomBytes(32).toString('hex');
const log = (message: string) => process.stderr.write(`${message}\n`);

async function prepare(dataDir: string, dovecot: Dovecot, user: string): Promise<Store> {
  const store = await openStore({ dataDir });
  await seedDemo(store.db, await instanceId(store.db));
  dovecot.addUser(user, 'bench-secret');
  await createMailbox(
    store.db,
    null,
    'EU',
    {
      name: user.split('@')[0]!,
      imapHost: dovecot.host,
      imapPort: dovecot.port,
      imapTls: false,
      imapUser: user,
      imapSecret: 'bench-secret',
      ticketType: 'incident',
      service: 'Link',
      sensitivity: 'LIMITED',
      address: user,
    },
    key,
  );
  const client = await dovecot.client(user);
  for (const raw of mailLoad(n, 'bench')) await client.append('INBOX', raw);
  await client.logout();
  return store;
}

const outcomes = (store: Store) => mailOutcomes(store.db);

const dovecot = await startDovecot();
const dirs: string[] = [];
const result: Record<string, unknown> = { phase: 'mail', messages: n };
try {
  // 1. Throughput, in this process.
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-bench-mail-'));
  dirs.push(dir);
  const store = await prepare(dir, dovecot, 'bench@eu.test');
  log(`mail: ${n} messages placed; collecting`);
  const start = performance.now();
  await collectAllMailboxes(store.db, {
    secretKey: key,
    instanceId: await instanceId(store.db),
    mail: true,
    holder: 'bench',
  });
  const seconds = (performance.now() - start) / 1000;
  const counted = await outcomes(store);
  await store.close();
  Object.assign(result, {
    seconds: Number(seconds.toFixed(2)),
    messagesPerSecond: Number((n / seconds).toFixed(1)),
    outcome: counted,
    complete: counted.tickets + counted.comments === n,
  });
  log(`mail: ${result.messagesPerSecond} messages/s`);
} finally {
  await dovecot.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
