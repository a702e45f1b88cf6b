import type { Browser } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAllMailboxes } from '../../src/jobs/mail-collector.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { mailHandler } from '../../src/jobs/send-mail.ts';
import { receiptHandler } from '../../src/jobs/send-receipt.ts';
import { replyHandler } from '../../src/jobs/send-reply.ts';
import { signIn } from '../helpers/client.ts';
import { startDovecot, type Dovecot } from '../helpers/dovecot.ts';
import { messageIdOf, PDF, rawMessage } from '../helpers/messages.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { ensureConsoleBuilt, launchBrowser, openTicket, signInAs } from './browser.ts';

const KEY = 'd'.repeat(64);
const DESK = 'desk@eu.test';
const REQUESTER = 'requester@registry.test';

/** COL-2 end to end: a mail arrives, the agent finds the ticket, attaches files, answers; the answer lands threaded in the requester's IMAP mailbox. */
describe('console: a ticket by e-mail, answered by e-mail', () => {
  let dovecot: Dovecot;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    dovecot = await startDovecot();
    dovecot.addUser(DESK, 'desk-pw');
    dovecot.addUser(REQUESTER, 'requester-pw');
    smtp = await startSmtp();
    [server, browser] = await Promise.all([
      startTestServer('pglite', { SMTP_URL: smtp.url, MAIL_SECRET_KEY: KEY }),
      launchBrowser(),
    ]);
    const admin = await signIn(server.url, 'eu.admin');
    const created = await admin.post('/parties/EU/mailboxes', {
      name: 'desk',
      imapHost: '127.0.0.1',
      imapPort: dovecot.port,
      imapTls: false,
      imapUser: DESK,
      imapSecret: 'desk-pw',
      ticketType: 'incident',
      service: 'Registry',
      sensitivity: 'LIMITED',
      address: DESK,
    });
    expect(created.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
    await dovecot?.stop();
  });

  /** The jobs' mail goes through smtp-server; what is addressed to the requester is put in their IMAP mailbox. */
  const deliver = async () => {
    const settings = { smtpUrl: smtp.url, from: 'Passerelle <passerelle@eu.test>', instanceId: server.instanceId };
    const handlers = {
      mail: mailHandler(server.db, settings),
      mail_receipt: receiptHandler(server.db, settings),
      mail_reply: replyHandler(server.db, settings),
    };
    while ((await runDueJobs(server.db, handlers)) > 0);
    for (const m of smtp.received.splice(0)) if (m.to.includes(REQUESTER)) await dovecot.append(REQUESTER, m.raw);
  };

  it(
    'files the mail, lets the agent attach files and answer, and threads the answer',
    { timeout: 180_000 },
    async () => {
      const original = rawMessage({
        from: `Rita Requester <${REQUESTER}>`,
        to: DESK,
        subject: 'Allocation report missing',
        text: 'The monthly allocation report did not arrive.',
        attachments: [{ name: 'screenshot.pdf', type: 'application/octet-stream', content: PDF }],
      });
      await dovecot.append(DESK, original);
      const counts = await collectAllMailboxes(server.db, {
        secretKey: KEY,
        instanceId: server.instanceId,
        mail: true,
        holder: 'e2e',
      });
      expect(counts.desk?.ticket).toBe(1);
      await deliver();

      const agent = await signInAs(browser, server.url, 'eu.agent');
      // The queue shows the new ticket; its reference opens it.
      await agent.getByRole('row').filter({ hasText: 'Allocation report missing' }).getByRole('link').first().click();
      const heading = agent.getByRole('heading', { level: 1, name: /EU-INC-\d{4}-\d{6}/ });
      await heading.waitFor();
      const ref = /EU-INC-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')![0];
      await openTicket(agent, ref);
      const files = agent.getByRole('region', { name: 'Attachments' });
      await files.getByRole('link', { name: 'screenshot.pdf' }).waitFor();
      expect(await files.getByRole('row').filter({ hasText: 'screenshot.pdf' }).textContent()).toContain(
        'application/pdf',
      );

      // Two files at once, through the file chooser of the drop zone.
      await files.locator('input[type=file]').setInputFiles([
        { name: 'procedure.txt', mimeType: 'text/plain', buffer: Buffer.from('Run the report job again.') },
        { name: 'log.txt', mimeType: 'text/plain', buffer: Buffer.from('job 42 failed') },
      ]);
      await files.getByRole('link', { name: 'procedure.txt' }).waitFor();
      await files.getByRole('link', { name: 'log.txt' }).waitFor();

      const reply = agent.getByRole('region', { name: `Reply by e-mail to ${REQUESTER}` });
      await reply.getByLabel('Message').fill('We re-ran the job; the procedure is attached.');
      await reply.getByRole('checkbox', { name: /procedure\.txt/ }).check();
      await reply.getByRole('button', { name: 'Send the reply' }).click();
      await reply.getByRole('status').filter({ hasText: 'Reply queued for sending.' }).waitFor();
      await deliver();

      // In the requester's mailbox: the receipt, then the answer, threaded under the original.
      const client = await dovecot.client(REQUESTER);
      const lock = await client.getMailboxLock('INBOX');
      const messages = await client.fetchAll('1:*', { source: true });
      lock.release();
      await client.logout();
      const parsed = await Promise.all(messages.map((m) => simpleParser(m.source!)));
      const answer = parsed.find((m) => m.text?.includes('We re-ran the job'))!;
      expect(answer).toBeDefined();
      expect(answer.subject).toBe(`Re: [${ref}] Allocation report missing`);
      expect(answer.from?.value[0]?.address).toBe(DESK);
      expect(answer.inReplyTo).toBe(messageIdOf(original));
      const receipt = parsed.find((m) => m !== answer)!;
      expect([answer.references].flat()).toEqual(expect.arrayContaining([messageIdOf(original), receipt.messageId]));
      expect(answer.attachments.map((a) => a.filename)).toEqual(['procedure.txt']);
    },
  );
});
