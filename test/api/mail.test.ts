import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { mailHandler } from '../../src/jobs/send-mail.ts';
import { receiptHandler } from '../../src/jobs/send-receipt.ts';
import { jobs } from '../../src/store/schema/index.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP exchange: Passerelle's mail jobs talk to an smtp-server on loopback. */
describe.each(STORE_KINDS)('e-mail notifications over SMTP (%s)', (kind) => {
  let smtp: SMTPServer;
  let port: number;
  let server: TestServer;
  const received: Received[] = [];
  let accept = true;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (!accept) return callback(new Error('mailbox unavailable'));
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as AddressInfo).port;
    server = await startTestServer(kind, { SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await server.close();
    await new Promise<void>((resolve) => smtp.close(resolve));
  });

  const deliver = () =>
    runDueJobs(server.db, {
      mail: mailHandler(server.db, {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Passerelle <desk@passerelle.test>',
        instanceId: server.instanceId,
      }),
      mail_receipt: receiptHandler(server.db, {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: 'Passerelle <desk@passerelle.test>',
        instanceId: server.instanceId,
      }),
    });
  // Quoted-printable back to UTF-8 text, enough to read bodies and Q-encoded subjects.
  const decoded = (m: Received) =>
    Buffer.from(
      m.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');

  it('confirms a recorded ticket with its number, and tells the other desk in its own language', async () => {
    const agent = await signIn(server.url, 'eu.agent');
    const { body } = await agent.post('/incidents', incidentBody({ title: 'Mail me' }));
    await agent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    expect(received).toHaveLength(0); // nothing is sent inside the request
    await deliver();
    const confirmation = received.find((m) => m.to.includes('eu.agent@demo.invalid'));
    expect(confirmation).toBeDefined();
    expect(decoded(confirmation!)).toContain(`[${body.ref}] recorded: Mail me`);
    const toCh = received.find((m) => m.to.includes('ch.agent@demo.invalid'));
    expect(decoded(toCh!)).toContain(`Le ticket ${body.ref} a été transféré de EU à CH Service Desk`);
    // Each mail sent is on the timeline, for the recipient's own party only.
    const sent = (client: Client) =>
      client
        .get(`/tickets/${body.ref}`)
        .then((r) =>
          r.body.timeline
            .filter((e: { kind: string }) => e.kind === 'notification_sent')
            .map((e: { data: { recipient: string } }) => e.data.recipient),
        );
    expect(await sent(agent)).toContain('EU Desk Agent');
    const chSent = await sent(await signIn(server.url, 'ch.agent'));
    expect(chSent).toContain('CH Desk Agent');
    expect(chSent).not.toContain('EU Desk Agent');
  });

  it('mails the closure of an incident the other party never joined to its desk, in its language and within its clearance (INC-6)', async () => {
    received.length = 0;
    const agent = await signIn(server.url, 'eu.agent');
    const { body } = await agent.post('/incidents', incidentBody({ title: 'Closed at EU', sensitivity: 'SENSITIVE' }));
    await agent.post(`/tickets/${body.ref}/actions/resolve`, { resolution: 'Restarted' });
    await agent.post(`/tickets/${body.ref}/actions/verify`, {});
    const closed = await agent.post(`/tickets/${body.ref}/actions/close`, {
      checklist: {
        categorisationVerified: true,
        informationComplete: true,
        documentationUpdated: true,
        stakeholdersInformed: true,
      },
    });
    expect(closed.status).toBe(200);
    await deliver();
    const toCh = received.find((m) => m.to.includes('ch.agent@demo.invalid'));
    expect(toCh && decoded(toCh)).toContain(`Le ticket ${body.ref} a été formellement clôturé`);
    // CH's agent cleared for LIMITED only gets nothing about a SENSITIVE incident.
    expect(received.some((m) => m.to.includes('ch.agent2@demo.invalid'))).toBe(false);
  });

  it('sends the requester named on the ticket a receipt with the number only', async () => {
    received.length = 0;
    const agent = await signIn(server.url, 'ch.agent');
    const { body } = await agent.post(
      '/incidents',
      incidentBody({ title: 'Secret project X', reporterEmail: 'operator@registry.example' }),
    );
    await deliver();
    const receipt = received.find((m) => m.to.includes('operator@registry.example'));
    expect(decoded(receipt!)).toContain(`Votre demande a été enregistrée sous le numéro ${body.ref}`);
    expect(decoded(receipt!)).not.toContain('Secret project X');
    expect((await agent.post('/incidents', incidentBody({ reporterEmail: 'not-an-address' }))).body.error.field).toBe(
      'reporterEmail',
    );
  });

  it('never mails a ticket above the recipient’s clearance', async () => {
    received.length = 0;
    const agent = await signIn(server.url, 'eu.agent');
    const { body } = await agent.post(
      '/incidents',
      incidentBody({ title: 'Sensitive mail', sensitivity: 'SENSITIVE' }),
    );
    await agent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    await deliver();
    const recipients = received.flatMap((m) => m.to);
    expect(recipients).toContain('ch.agent@demo.invalid');
    expect(recipients).not.toContain('ch.agent2@demo.invalid');
  });

  it('keeps a mail job when SMTP refuses, and delivers it on a later attempt', async () => {
    received.length = 0;
    accept = false;
    const agent = await signIn(server.url, 'ch.agent');
    const { body } = await agent.post('/incidents', incidentBody({ title: 'Retry me' }));
    await deliver();
    expect(received).toHaveLength(0);
    const [pending] = (await server.db.select().from(jobs)).filter((j) => j.doneAt === null);
    expect(pending).toMatchObject({ attempts: 1, failedAt: null });
    expect(pending!.lastError).toMatch(/mailbox unavailable/);
    accept = true;
    await runDueJobs(
      server.db,
      {
        mail: mailHandler(server.db, {
          smtpUrl: `smtp://127.0.0.1:${port}`,
          from: 'x@passerelle.test',
          instanceId: server.instanceId,
        }),
      },
      new Date(Date.now() + 3_600_000),
    );
    expect(received.map(decoded).some((m) => m.includes(body.ref))).toBe(true);
  });
});
