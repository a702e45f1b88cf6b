import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { collectAllMailboxes } from '../../src/jobs/mail-collector.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { mailHandler } from '../../src/jobs/send-mail.ts';
import { receiptHandler } from '../../src/jobs/send-receipt.ts';
import { replyHandler } from '../../src/jobs/send-reply.ts';
import { ingestMessage } from '../../src/services/mail/ingest-message.ts';
import { openSecret, mailKey } from '../../src/services/mail/mail-secret.ts';
import { findMailboxByName } from '../../src/store/mail.ts';
import { jobs, mailboxes } from '../../src/store/schema/index.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startDovecot, type Dovecot } from '../helpers/dovecot.ts';
import { messageIdOf, PDF, rawMessage } from '../helpers/messages.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const KEY = 'a'.repeat(64);
const DESK = 'desk@eu.test';

/** COL-2 against real servers: Dovecot (IMAP) for what arrives, smtp-server for what leaves. */
describe.each(STORE_KINDS)('desk mailboxes over IMAP and SMTP (%s)', (kind) => {
  let dovecot: Dovecot;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  let admin: Client;
  let agent: Client;
  let mailboxId: string;

  beforeAll(async () => {
    dovecot = await startDovecot();
    dovecot.addUser(DESK, 'imap-secret-1');
    smtp = await startSmtp();
    server = await startTestServer(kind, { SMTP_URL: smtp.url, MAIL_SECRET_KEY: KEY });
    admin = await signIn(server.url, 'eu.admin');
    agent = await signIn(server.url, 'eu.agent');
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
    await dovecot.stop();
  });

  const settings = () => ({
    smtpUrl: smtp.url,
    from: 'Passerelle <passerelle@eu.test>',
    instanceId: server.instanceId,
  });
  const collect = () =>
    collectAllMailboxes(server.db, { secretKey: KEY, instanceId: server.instanceId, mail: true, holder: 'test' });
  const deliver = async () => {
    const handlers = {
      mail: mailHandler(server.db, settings()),
      mail_receipt: receiptHandler(server.db, settings()),
      mail_reply: replyHandler(server.db, settings()),
    };
    while ((await runDueJobs(server.db, handlers)) > 0);
  };
  const ticket = (client: Client, ref: string) => client.get(`/tickets/${ref}`).then((r) => r.body);
  const receiveOne = async (message: Parameters<typeof rawMessage>[0]) => {
    const raw = rawMessage(message);
    await dovecot.append(DESK, raw);
    const counts = await collect();
    return { raw, counts: counts.desk! };
  };
  const latestRef = async () =>
    (await agent.get('/tickets?sort=-createdAt&limit=1')).body.items[0]?.ref as string | undefined;

  it('lets only the party’s administrators add a mailbox, and seals its secret', async () => {
    const body = {
      name: 'desk',
      imapHost: '127.0.0.1',
      imapPort: dovecot.port,
      imapTls: false,
      imapUser: DESK,
      imapSecret: 'imap-secret-1',
      ticketType: 'incident',
      service: 'Registry',
      sensitivity: 'LIMITED',
      address: DESK,
      maxAttachmentBytes: 50_000,
    };
    expect((await agent.post('/parties/EU/mailboxes', body)).status).toBe(403);
    expect((await (await signIn(server.url, 'ch.admin')).post('/parties/EU/mailboxes', body)).status).toBe(403);
    const bad = await admin.post('/parties/EU/mailboxes', { ...body, imapPort: 70000 }, { 'accept-language': 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('imapPort');
    const created = await admin.post('/parties/EU/mailboxes', body);
    expect(created.status).toBe(201);
    mailboxId = created.body.id;
    expect(JSON.stringify(created.body)).not.toContain('imap-secret-1');
    const [row] = await server.db.select().from(mailboxes).where(eq(mailboxes.id, mailboxId));
    expect(row!.imapSecret).not.toContain('imap-secret-1');
    expect(openSecret(mailKey(KEY), row!.imapSecret)).toBe('imap-secret-1');
    expect(() => openSecret(mailKey('b'.repeat(64)), row!.imapSecret)).toThrow();
    expect((await admin.get('/parties/EU/mailboxes')).body.items.map((m: { name: string }) => m.name)).toEqual([
      'desk',
    ]);
    expect((await (await signIn(server.url, 'ch.admin')).get('/parties/EU/mailboxes')).status).toBe(403);
    expect((await admin.post('/parties/EU/mailboxes', body)).body.error.code).toBe('mailbox.exists');
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/v1/parties/{id}/mailboxes',
      '/api/v1/parties/{id}/mailboxes/{mailboxId}',
      '/api/v1/parties/{id}/mail-quarantine',
      '/api/v1/parties/{id}/mail-quarantine/{messageId}/retry',
      '/api/v1/parties/{id}/mail-quarantine/{messageId}/drop',
      '/api/v1/tickets/{id}/email-replies',
      '/api/v1/tickets/{id}/attachments/upload',
    ])
      expect(doc.paths).toHaveProperty([path]);
  });

  it('opens a ticket from a new message, with its attachments, and answers with a threaded receipt', async () => {
    const { raw, counts } = await receiveOne({
      from: 'Anna Operator <Anna@Registry.example>',
      subject: 'Cannot open the transfer screen',
      text: 'Since 9:00 the transfer screen shows an error.',
      attachments: [{ name: '../../etc/screen shot.pdf', type: 'application/octet-stream', content: PDF }],
    });
    expect(counts.ticket).toBe(1);
    const ref = (await latestRef())!;
    const t = await ticket(agent, ref);
    expect(t).toMatchObject({
      title: 'Cannot open the transfer screen',
      description: 'Since 9:00 the transfer screen shows an error.',
      reporter: 'Anna Operator',
      reporterEmail: 'anna@registry.example',
      channel: 'email',
      type: 'incident',
      service: 'Registry',
      sensitivity: 'LIMITED',
    });
    const files = (await agent.get(`/tickets/${ref}/attachments`)).body.items;
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ name: 'screen shot.pdf', mediaType: 'application/pdf', sensitivity: 'LIMITED' });
    // Marked \Seen only after the ticket was written.
    expect((await dovecot.inbox(DESK)).every((m) => m.seen)).toBe(true);
    await deliver();
    const receipt = smtp.received.find((m) => m.to.includes('anna@registry.example'))!;
    expect(receipt.mail.from?.value[0]?.address).toBe(DESK);
    expect(receipt.mail.subject).toContain(ref);
    expect(receipt.mail.inReplyTo).toBe(messageIdOf(raw));
    expect(receipt.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(receipt.mail.text).not.toContain('transfer screen');
  });

  it('keeps HTML as plain text only', async () => {
    await receiveOne({
      from: 'html@registry.example',
      subject: 'HTML only',
      html: '<p>Hello <b>desk</b></p><script>alert(1)</script><img src="http://x/y.png" onerror="z()">',
    });
    const t = await ticket(agent, (await latestRef())!);
    expect(t.title).toBe('HTML only');
    expect(t.description).toContain('Hello desk');
    expect(t.description).not.toMatch(/<|script|onerror/);
  });

  it('does nothing with a message seen twice, even when the crash came before it was marked', async () => {
    const raw = rawMessage({ from: 'twice@registry.example', subject: 'Twice', text: 'Once only' });
    const mailbox = (await findMailboxByName(server.db, 'desk'))!;
    // The ticket was written but the node died before \Seen: the message is still unseen in IMAP.
    const first = await ingestMessage(server.db, mailbox, Buffer.from(raw), {
      instanceId: server.instanceId,
      mail: true,
    });
    expect(first.outcome).toBe('ticket');
    await dovecot.append(DESK, raw);
    await dovecot.append(DESK, raw);
    const counts = (await collect()).desk!;
    expect(counts).toMatchObject({ ticket: 0, duplicate: 2 });
    expect((await dovecot.inbox(DESK)).every((m) => m.seen)).toBe(true);
    const list = (await agent.get('/tickets?q=Twice')).body.items;
    expect(list).toHaveLength(1);
  });

  it('adds a reply from the reporter as a shared comment, by In-Reply-To or by the reference in the subject', async () => {
    const { raw } = await receiveOne({ from: 'bob@registry.example', subject: 'Login fails', text: 'Login fails' });
    const ref = (await latestRef())!;
    await deliver();
    const receipt = smtp.received.find((m) => m.to.includes('bob@registry.example'))!;
    const { counts } = await receiveOne({
      from: 'Bob <BOB@registry.example>',
      subject: 'Re: something else',
      text: 'Here is the log.',
      inReplyTo: receipt.mail.messageId!,
      references: `${messageIdOf(raw)} ${receipt.mail.messageId!}`,
      attachments: [{ name: 'log.txt', type: 'text/plain', content: Buffer.from('ERROR 42') }],
    });
    expect(counts.comment).toBe(1);
    await receiveOne({ from: 'bob@registry.example', subject: `Re: [${ref}] Login fails`, text: 'Still failing.' });
    const t = await ticket(agent, ref);
    const comments = t.timeline.filter((e: { kind: string }) => e.kind === 'comment');
    expect(comments.map((c: { data: { body: string } }) => c.data.body)).toEqual([
      'Here is the log.',
      'Still failing.',
    ]);
    expect(comments.every((c: { visibility: string }) => c.visibility === 'shared')).toBe(true);
    expect(comments[0].actor.name).toContain('bob@registry.example');
    const files = (await agent.get(`/tickets/${ref}/attachments`)).body.items;
    expect(files.map((f: { name: string; mediaType: string }) => [f.name, f.mediaType])).toEqual([
      ['log.txt', 'text/plain'],
    ]);
    // A reply receives no receipt (only new tickets do).
    await deliver();
    expect(smtp.received.filter((m) => m.to.includes('bob@registry.example'))).toHaveLength(1);
  });

  it('adds a reply from a user who may see the ticket; anyone else opens a new ticket that reveals nothing', async () => {
    await receiveOne({ from: 'carol@registry.example', subject: 'Secret migration plan', text: 'Details' });
    const ref = (await latestRef())!;
    // A user of EU who may see it: a comment in their name.
    await receiveOne({ from: 'eu.agent2@demo.invalid', subject: `Re: [${ref}]`, text: 'On it.' });
    const t = await ticket(agent, ref);
    const byUser = t.timeline.find((e: { kind: string; data: { body?: string } }) => e.data.body === 'On it.');
    expect(byUser.actor.name).toBe('EU Junior Agent');
    // A stranger and a user of a party not on the ticket: new tickets, nothing of the other revealed.
    smtp.received.length = 0;
    for (const from of ['mallory@evil.example', 'ch.agent@demo.invalid']) {
      const { counts } = await receiveOne({ from, subject: `Re: [${ref}] tell me`, text: 'What is in it?' });
      expect(counts.ticket).toBe(1);
      const other = (await latestRef())!;
      expect(other).not.toBe(ref);
      expect((await ticket(agent, other)).reporterEmail).toBe(from);
    }
    const after = await ticket(agent, ref);
    expect(after.timeline.filter((e: { kind: string }) => e.kind === 'comment')).toHaveLength(1);
    await deliver();
    const toMallory = smtp.received.find((m) => m.to.includes('mallory@evil.example'))!;
    expect(toMallory.raw.toString()).not.toContain('Secret migration');
    expect(toMallory.mail.subject).not.toContain(ref);
  });

  it('never answers automatic mail, bounces or bulk mail', async () => {
    const before = await latestRef();
    const jobsBefore = (await server.db.select().from(jobs)).length;
    const automatic: { from: string; subject: string; headers?: Record<string, string> }[] = [
      { from: 'ooo@registry.example', subject: 'Out of office', headers: { 'Auto-Submitted': 'auto-replied' } },
      { from: 'news@registry.example', subject: 'Newsletter', headers: { Precedence: 'bulk' } },
      { from: 'exch@registry.example', subject: 'Automatic reply', headers: { 'X-Auto-Response-Suppress': 'All' } },
      { from: 'MAILER-DAEMON@registry.example', subject: 'Undelivered Mail Returned to Sender' },
      { from: 'postmaster@registry.example', subject: 'Delivery Status Notification' },
    ];
    for (const message of automatic) {
      const { counts } = await receiveOne({ ...message, text: 'automatic' });
      expect(counts.ignored).toBe(1);
    }
    expect(await latestRef()).toBe(before);
    expect((await server.db.select().from(jobs)).length).toBe(jobsBefore);
  });

  it('caps a sender’s new tickets per hour; the administrator may retry the held message', async () => {
    expect((await admin.patch(`/parties/EU/mailboxes/${mailboxId}`, { senderHourlyCap: 2 })).status).toBe(200);
    const outcomes = [];
    for (let i = 0; i < 3; i++)
      outcomes.push((await receiveOne({ from: 'flood@registry.example', subject: `Flood ${i}`, text: 'x' })).counts);
    expect(outcomes.map((c) => (c.ticket ? 'ticket' : c.quarantined ? 'quarantined' : '?'))).toEqual([
      'ticket',
      'ticket',
      'quarantined',
    ]);
    const held = (await admin.get('/parties/EU/mail-quarantine?status=held')).body.items;
    const flood = held.find((q: { subject: string }) => q.subject === 'Flood 2');
    expect(flood.reason).toBe('sender_rate_limited');
    const retried = await admin.post(`/parties/EU/mail-quarantine/${flood.id}/retry`);
    expect(retried.body.outcome).toBe('ticket');
    expect((await admin.post(`/parties/EU/mail-quarantine/${flood.id}/retry`)).body.error.code).toBe(
      'quarantine.decided',
    );
    await admin.patch(`/parties/EU/mailboxes/${mailboxId}`, { senderHourlyCap: 20 });
  });

  it('keeps bad mail in quarantine with the reason, and goes on with the next message', async () => {
    const eightBit = Buffer.concat([
      Buffer.from('From: raw@registry.example\r\nSubject: caf'),
      Buffer.from([0xe9]),
      Buffer.from('\r\nMessage-ID: <8bit@registry.example>\r\n\r\nbody\r\n'),
    ]);
    const unknownCharset =
      'From: cs@registry.example\r\nSubject: charset\r\nMessage-ID: <cs@registry.example>\r\n' +
      'Content-Type: text/plain; charset=x-klingon-7\r\n\r\nbody\r\n';
    const broken =
      'From: mime@registry.example\r\nSubject: broken\r\nMessage-ID: <mime@registry.example>\r\n' +
      'MIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\nno boundary at all\r\n';
    const huge = rawMessage({
      from: 'big@registry.example',
      subject: 'big file',
      text: 'see attached',
      attachments: [{ name: 'big.bin', type: 'application/octet-stream', content: Buffer.alloc(60_000, 7) }],
    });
    for (const raw of [eightBit, unknownCharset, broken, huge]) await dovecot.append(DESK, raw);
    await dovecot.append(
      DESK,
      rawMessage({ from: 'fine@registry.example', subject: 'After the bad ones', text: 'ok' }),
    );
    const counts = (await collect()).desk!;
    expect(counts).toMatchObject({ quarantined: 4, ticket: 1, failed: 0 });
    expect((await ticket(agent, (await latestRef())!)).title).toBe('After the bad ones');
    const held = (await admin.get('/parties/EU/mail-quarantine?status=held')).body.items;
    const reasons = Object.fromEntries(held.map((q: { sender: string; reason: string }) => [q.sender, q.reason]));
    expect(reasons).toMatchObject({
      'raw@registry.example': 'eight_bit_headers',
      'cs@registry.example': 'unknown_charset',
      'mime@registry.example': 'broken_mime',
      'big@registry.example': 'attachment_too_large',
    });
    expect((await agent.get('/parties/EU/mail-quarantine')).status).toBe(403);
    expect((await (await signIn(server.url, 'ch.admin')).get('/parties/EU/mail-quarantine')).status).toBe(403);
    const big = held.find((q: { sender: string }) => q.sender === 'big@registry.example');
    // Still too large when retried: it stays held, with its reason.
    expect((await admin.post(`/parties/EU/mail-quarantine/${big.id}/retry`)).body).toMatchObject({
      outcome: 'quarantined',
      reason: 'attachment_too_large',
    });
    expect((await admin.post(`/parties/EU/mail-quarantine/${big.id}/drop`)).body.status).toBe('dropped');
    expect(
      (await admin.get('/parties/EU/mail-quarantine?status=dropped')).body.items.map((q: { id: string }) => q.id),
    ).toContain(big.id);
  });

  it('answers the requester by e-mail: shared, threaded, in their language, with attachments they may receive', async () => {
    const { raw, counts: first } = await receiveOne({
      from: 'Dora <dora@registry.example>',
      subject: 'Certificat expiré',
      text: 'Notre certificat a expiré.',
      headers: { 'Content-Language': 'fr' },
    });
    expect(first.ticket).toBe(1);
    const ref = (await latestRef())!;
    await deliver();
    const receipt = smtp.received.find((m) => m.to.includes('dora@registry.example'))!;
    const limited = await agent.post(`/tickets/${ref}/attachments`, {
      name: 'howto.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('Renew it like this').toString('base64'),
    });
    const sensitive = await agent.post(`/tickets/${ref}/attachments`, {
      name: 'internal.txt',
      mediaType: 'text/plain',
      contentBase64: Buffer.from('internal').toString('base64'),
      sensitivity: 'SENSITIVE',
    });
    await agent.post(`/tickets/${ref}/actions/comment`, { body: 'Internal note: do not send', visibility: 'internal' });
    const refused = await agent.post(`/tickets/${ref}/email-replies`, {
      body: 'Voici la marche à suivre.',
      attachmentIds: [limited.body.id, sensitive.body.id],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.field).toBe('attachmentIds.1');
    const sent = await agent.post(`/tickets/${ref}/email-replies`, {
      body: 'Voici la marche à suivre.',
      attachmentIds: [limited.body.id],
    });
    expect(sent.status).toBe(201);
    smtp.received.length = 0;
    await deliver();
    const answer = smtp.received.find((m) => m.to.includes('dora@registry.example'))!;
    expect(answer.mail.from?.value[0]?.address).toBe(DESK);
    expect(answer.mail.subject).toBe(`Re: [${ref}] Certificat expiré`);
    expect(answer.mail.messageId).toBe(sent.body.messageId);
    expect(answer.mail.inReplyTo).toBe(messageIdOf(raw));
    expect(answer.mail.references).toEqual(expect.arrayContaining([messageIdOf(raw), receipt.mail.messageId]));
    expect(answer.mail.text).toContain('Voici la marche à suivre.');
    expect(answer.mail.text).toContain('Répondez à ce message');
    expect(answer.mail.text).not.toContain('Internal note');
    expect(answer.mail.attachments.map((a) => a.filename)).toEqual(['howto.txt']);
    const timeline = (await ticket(agent, ref)).timeline;
    expect(timeline.find((e: { data: { emailedTo?: string } }) => e.data.emailedTo)).toMatchObject({
      kind: 'comment',
      visibility: 'shared',
      data: { emailedTo: 'dora@registry.example' },
    });
    // Her answer to that mail comes back to the ticket.
    const { counts } = await receiveOne({
      from: 'dora@registry.example',
      subject: 'Re: Certificat',
      text: 'Merci, c’est réglé.',
      inReplyTo: sent.body.messageId,
    });
    expect(counts.comment).toBe(1);
    // A ticket without a requester address cannot be answered by e-mail.
    const own = await agent.post('/incidents', {
      title: 'No requester',
      service: 'Registry',
      impact: 'I3',
      criticality: 'C3',
    });
    expect((await agent.post(`/tickets/${own.body.ref}/email-replies`, { body: 'x' })).body.error.code).toBe(
      'mail.no_requester',
    );
  });
});
