import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAllMailboxes } from '../../src/jobs/mail-collector.ts';
import { createMailbox } from '../../src/services/mail/create-mailbox.ts';
import { startDovecot, type Dovecot } from '../helpers/dovecot.ts';
import { mailLoad, mailOutcomes } from '../helpers/mail-load.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const KEY = 'c'.repeat(64);
const DESK = 'twice@eu.test';
const N = 40;

/**
 * COL-2 with several nodes: two collectors (as two nodes would run them) read the same mailbox on
 * the same store at the same time — their leases lapse at once (1 ms), so both fetch the same
 * unseen messages and race to write them. On PostgreSQL they write through different connections.
 * Every message must be recorded once and become exactly one ticket or one comment.
 */
describe.each(STORE_KINDS)('two collectors on one mailbox (%s)', (kind) => {
  let dovecot: Dovecot;
  let server: TestServer;

  beforeAll(async () => {
    dovecot = await startDovecot();
    dovecot.addUser(DESK, 'imap-secret');
    server = await startTestServer(kind, { MAIL_SECRET_KEY: KEY });
    await createMailbox(
      server.db,
      null,
      'EU',
      {
        name: 'twice',
        imapHost: dovecot.host,
        imapPort: dovecot.port,
        imapTls: false,
        imapUser: DESK,
        imapSecret: 'imap-secret',
        ticketType: 'incident',
        service: 'Link',
        sensitivity: 'LIMITED',
        address: DESK,
      },
      KEY,
    );
    const client = await dovecot.client(DESK);
    for (const raw of mailLoad(N, `twice-${kind}`)) await client.append('INBOX', raw);
    await client.logout();
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await dovecot?.stop();
  });

  it('turns each message into exactly one ticket or comment', { timeout: 300_000 }, async () => {
    const collector = (holder: string) =>
      collectAllMailboxes(server.db, {
        secretKey: KEY,
        instanceId: server.instanceId,
        mail: false,
        holder,
        batch: 10,
        leaseMs: 1,
      });
    const unseen = async () => (await dovecot.inbox(DESK)).filter((m) => !m.seen).length;
    let duplicates = 0;
    for (let pass = 0; pass < 10 && (await unseen()) > 0; pass++) {
      // The second node comes a moment later, when the first one's lease has already lapsed.
      const later = new Promise((resolve) => setTimeout(resolve, 20)).then(() => collector('node-b'));
      const [a, b] = await Promise.all([collector('node-a'), later]);
      duplicates +=
        (a.twice?.duplicate ?? 0) + (b.twice?.duplicate ?? 0) + (a.twice?.failed ?? 0) + (b.twice?.failed ?? 0);
    }
    expect(await unseen()).toBe(0);
    const outcome = await mailOutcomes(server.db);
    const recorded = Object.entries(outcome)
      .filter(([key]) => ['ticket', 'comment', 'ignored', 'quarantined'].includes(key))
      .reduce((sum, [, n]) => sum + n, 0);
    expect(recorded).toBe(N);
    expect(outcome.tickets).toBe(outcome.ticket);
    expect(outcome.comments).toBe(outcome.comment ?? 0);
    expect(outcome.tickets + outcome.comments).toBe(N);
    expect(outcome.duplicatedTickets).toBe(0);
    // The race did happen: some messages were read by both collectors.
    expect(duplicates).toBeGreaterThan(0);
  });
});
