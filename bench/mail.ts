/**
 * Mail benchmark (COL-2): places N messages (10 % with an attachment, 20 % replies to earlier
 * ones) in a real Dovecot mailbox and times the collector until every one is a ticket or a
 * comment, on the embedded store. Then the crash check: the same load collected by a child
 * process killed (SIGKILL) halfway and restarted must end with exactly as many tickets and
 * comments — nothing lost, nothing twice. Prints one JSON line.
 * Usage: node --import tsx bench/mail.ts [--messages N] [--no-crash]
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { seedDemo } from '../src/demo/seed-demo.ts';
import { collectAllMailboxes } from '../src/jobs/mail-collector.ts';
import { createMailbox } from '../src/services/mail/create-mailbox.ts';
import { openStore, type Store } from '../src/store/db.ts';
import { instanceId } from '../src/store/instance.ts';
import { startDovecot, type Dovecot } from '../test/helpers/dovecot.ts';
import { PDF, rawMessage } from '../test/helpers/messages.ts';

const { values } = parseArgs({
  options: { messages: { type: 'string', default: '1000' }, 'no-crash': { type: 'boolean' } },
  allowPositionals: true,
});
const n = Number(values.messages);
const key = randomBytes(32).toString('hex');
const log = (message: string) => process.stderr.write(`${message}\n`);

/** N messages: every fifth a reply (In-Reply-To an earlier new message, from its sender), every tenth with a file. */
function load(): string[] {
  const messages: string[] = [];
  const originals: { id: string; from: string }[] = [];
  for (let i = 0; i < n; i++) {
    const attachment = i % 10 === 3 ? [{ name: `report-${i}.pdf`, type: 'application/pdf', content: PDF }] : [];
    if (i % 5 === 4 && originals.length > 0) {
      const original = originals[(i * 7) % originals.length]!;
      messages.push(
        rawMessage({
          from: original.from,
          subject: 'Re: incident',
          text: `Follow-up ${i}`,
          inReplyTo: original.id,
          attachments: attachment,
        }),
      );
    } else {
      const id = `<bench-${i}@sender.test>`;
      const from = `user${i}@sender.test`;
      originals.push({ id, from });
      messages.push(
        rawMessage({
          from: `User ${i} <${from}>`,
          subject: `Incident ${i}: link down`,
          text: `The link is down since ${i} minutes.`,
          messageId: id,
          attachments: attachment,
        }),
      );
    }
  }
  return messages;
}

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
  for (const raw of load()) await client.append('INBOX', raw);
  await client.logout();
  return store;
}

async function outcomes(store: Store) {
  const rows = async <T>(query: ReturnType<typeof sql>) =>
    ((await store.db.execute(query)) as unknown as { rows: T[] }).rows;
  const byOutcome = await rows<{ outcome: string; n: number }>(
    sql`SELECT outcome, count(*)::int AS n FROM mail_messages GROUP BY outcome`,
  );
  const [tickets] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets WHERE channel = 'email'`);
  const [comments] = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ticket_events WHERE kind = 'comment' AND data->>'via' = 'email'`,
  );
  return {
    ...Object.fromEntries(byOutcome.map((r) => [r.outcome, r.n])),
    tickets: tickets!.n,
    comments: comments!.n,
  };
}

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

  // 2. Crash check: a collector process killed halfway, then restarted.
  if (!values['no-crash']) {
    const crashDir = mkdtempSync(join(tmpdir(), 'passerelle-bench-mail-crash-'));
    dirs.push(crashDir);
    const crashStore = await prepare(crashDir, dovecot, 'crash@eu.test');
    await crashStore.close();
    const collector = () =>
      spawn(process.execPath, ['--import', 'tsx', 'bench/mail-collect.ts'], {
        env: { ...process.env, DATA_DIR: crashDir, MAIL_SECRET_KEY: key },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
    const first = collector();
    // Killed once about half the load is marked Seen in IMAP: mid-batch, with later messages written but not yet marked.
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const seen = (await dovecot.inbox('crash@eu.test')).filter((m) => m.seen).length;
      if (seen >= n / 2 || first.exitCode !== null) break;
    }
    await new Promise((r) => setTimeout(r, 150));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const unseenAfterKill = (await dovecot.inbox('crash@eu.test')).filter((m) => !m.seen).length;
    await new Promise((r) => setTimeout(r, 1_100)); // the dead collector's lease lapses
    const second = collector();
    await new Promise((r) => second.once('exit', r));
    const reopened = await openStore({ dataDir: crashDir });
    const after = await outcomes(reopened);
    await reopened.close();
    const unseen = (await dovecot.inbox('crash@eu.test')).filter((m) => !m.seen).length;
    result.crash = {
      unseenWhenKilled: unseenAfterKill,
      outcome: after,
      lostOrDuplicated: after.tickets !== counted.tickets || after.comments !== counted.comments || unseen !== 0,
    };
  }
} finally {
  await dovecot.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(result)}\n`);
