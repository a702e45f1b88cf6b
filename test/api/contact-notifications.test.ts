import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICE_HOURS, type DayHours } from '../../src/domain/business-time.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { contactMailHandler } from '../../src/jobs/send-contact-mail.ts';
import { mailHandler } from '../../src/jobs/send-mail.ts';
import { remindConsultations } from '../../src/services/consultations/remind-consultations.ts';
import { notifyEvents } from '../../src/services/notifications/notify-events.ts';
import { writeCalendarVersion } from '../../src/services/sla/calendar-version.ts';
import { jobs } from '../../src/store/schema/index.ts';
import { lockTicket } from '../../src/store/ticket-reads.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const DAY = 86_400_000;

/** CBM-1: the notification rules reach the other party through its directory of points of contact. */
describe.each(STORE_KINDS)('notifications through the points of contact (%s)', (kind) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TestServer;
  let euAgent: Client;
  let euAdmin: Client;
  let chAdmin: Client;
  let chAgent: Client;
  let chAgent2: Client;
  let chResolver: Client;
  let chManager: Client;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer(kind, { SMTP_URL: smtp.url });
    [euAgent, euAdmin, chAdmin, chAgent, chAgent2, chResolver, chManager] = await Promise.all([
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'eu.admin'),
      signIn(server.url, 'ch.admin'),
      signIn(server.url, 'ch.agent'),
      signIn(server.url, 'ch.agent2'),
      signIn(server.url, 'ch.resolver'),
      signIn(server.url, 'ch.manager'),
    ]);
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const settings = () => ({
    smtpUrl: smtp.url,
    from: 'desk@passerelle.test',
    instanceId: server.instanceId,
  });
  const deliver = () =>
    runDueJobs(server.db, {
      mail: mailHandler(server.db, settings()),
      contact_mail: contactMailHandler(server.db, settings()),
    });
  // Quoted-printable back to text, enough to read the bodies.
  const mailTo = (address: string) =>
    smtp.received
      .filter((m) => m.to.includes(address))
      .map((m) =>
        Buffer.from(
          m.raw
            .toString()
            .replace(/=\r?\n/g, '')
            .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
      );
  const told = async (who: Client, ref: string) =>
    (
      (await who.get('/notifications')).body.items as { body: string; ticketRef: string | null; subject: string }[]
    ).filter((n) => n.ticketRef === ref || n.subject.includes(ref));

  /** CH's calendar from now on: open around the clock, or closed from yesterday to tomorrow. */
  const chOpen = async (open: boolean) => {
    const day = (d: number) => new Date(Date.now() + d * DAY).toISOString().slice(0, 10);
    await server.db.transaction((tx) =>
      writeCalendarVersion(tx, 'CH', {
        country: 'CH',
        region: null,
        weekly: open ? Array.from({ length: 7 }, (): DayHours => [[0, 1440]]) : OFFICE_HOURS,
        extraClosures: open ? [] : [day(-1), day(0), day(1)],
        onCallPriorities: [],
        effectiveFrom: day(-3),
        createdBy: null,
      }),
    );
  };
  const contact = async (who: Client, body: Record<string, unknown>) => {
    const created = await who.post('/contacts', {
      structure: 'Registry operations',
      phone: '+41 58 000 00 00',
      channels: ['email'],
      ...body,
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const transferred = async (over: Record<string, unknown>) => {
    const { body } = await euAgent.post('/incidents', incidentBody(over));
    expect((await euAgent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' })).status).toBe(200);
    return body as { ref: string; id: string };
  };

  it("reaches the holder's technical contact through its account, never above the account's clearance", async () => {
    await chOpen(true);
    const id = await contact(chAdmin, {
      level: 'technical',
      name: 'Resolver on duty',
      email: 'CH.Resolver@demo.invalid',
    });
    const limited = await transferred({ title: 'Link flaps' });
    expect((await told(chResolver, limited.ref)).map((n) => n.subject)).toEqual([
      expect.stringContaining('Link flaps'),
    ]);

    // The directory now names an account cleared LIMITED: a SENSITIVE ticket never reaches it.
    const entry = (await chAdmin.get(`/contacts/${id}`)).body;
    await chAdmin.put(`/contacts/${id}`, {
      level: 'technical',
      structure: 'Registry operations',
      name: 'Junior on duty',
      phone: '+41 58 000 00 00',
      email: 'ch.agent2@demo.invalid',
      channels: ['email'],
      version: entry.version,
    });
    const sensitive = await transferred({ title: 'Key rotation failed', sensitivity: 'SENSITIVE' });
    expect(await told(chAgent2, sensitive.ref)).toEqual([]);
    expect(await told(chResolver, sensitive.ref)).toEqual([]);
    expect(await told(chAgent, sensitive.ref)).toHaveLength(1);
    expect((await chAdmin.del(`/contacts/${id}`)).status).toBe(200);
  });

  it('mails a contact outside Passerelle the reference, and the title only up to the lowest level', async () => {
    await chOpen(true);
    const id = await contact(chAdmin, { level: 'technical', name: 'Duty desk', email: 'duty@ch.example' });
    const limited = await transferred({ title: 'Gateway alpha down', description: 'Root cause zeta-internal' });
    const sensitive = await transferred({
      title: 'Covert beta',
      description: 'Compromised omega key',
      sensitivity: 'SENSITIVE',
    });
    await deliver();
    const mails = mailTo('duty@ch.example');
    expect(mails).toHaveLength(2);
    const [toLimited, toSensitive] = [limited.ref, sensitive.ref].map((ref) => mails.find((m) => m.includes(ref))!);
    expect(toLimited).toContain('Gateway alpha down');
    expect(toLimited).toContain('transferred to CH');
    expect(toLimited).toContain('transféré à CH');
    expect(toSensitive).toBeDefined();
    // RFC 3834: an automatic mail, which the contact's own robots (or a mailbox Passerelle collects) must not answer.
    for (const m of mails) {
      expect(m).toMatch(/^Auto-Submitted: auto-generated\r?$/m);
      expect(m).toMatch(/^X-Auto-Response-Suppress: All\r?$/m);
    }
    for (const secret of ['Covert beta', 'Compromised omega', 'zeta-internal', 'Root cause'])
      expect(mails.join('\n')).not.toContain(secret);

    // Checked again when sent: an entry withdrawn meanwhile is not mailed.
    const queued = await transferred({ title: 'Gateway gamma down' });
    expect((await chAdmin.del(`/contacts/${id}`)).status).toBe(200);
    await deliver();
    expect(mailTo('duty@ch.example').join('\n')).not.toContain(queued.ref);
  });

  it("reaches the out-of-hours on-call contact outside the party's business hours", async () => {
    await chOpen(false);
    const tech = await contact(chAdmin, { level: 'technical', name: 'Day desk', email: 'day@ch.example' });
    const onCall = await contact(chAdmin, {
      level: 'on_call',
      name: 'Night duty',
      email: 'night@ch.example',
      channels: ['email', 'phone'],
      aroundTheClock: true,
    });
    const ticket = await transferred({ title: 'Night outage' });
    await deliver();
    expect(mailTo('night@ch.example').join('\n')).toContain(ticket.ref);
    expect(mailTo('day@ch.example')).toEqual([]);

    // An SLA breach reaches the on-call contact out of hours only: in hours the desk handles it.
    const breach = async () => {
      await server.db.transaction(async (tx) => {
        const row = await lockTicket(tx, ticket.id);
        const data = { clock: 'gtr' as const, targetMs: 3_600_000, elapsedMs: 3_700_000 };
        await notifyEvents(
          tx,
          row,
          [{ event: { kind: 'sla_breached', data }, visibility: 'shared' }],
          null,
          true,
          new Date(),
        );
      });
      await deliver();
      return mailTo('night@ch.example').filter((m) => m.includes('service-level target breached')).length;
    };
    expect(await breach()).toBe(1);
    await chOpen(true);
    expect(await breach()).toBe(1);
    await chAdmin.del(`/contacts/${tech}`);
    await chAdmin.del(`/contacts/${onCall}`);
    await chOpen(true);
  });

  it("flags a lapsed contact in the notification and tells the party's desk instead", async () => {
    const id = await contact(chAdmin, { level: 'technical', name: 'Former lead', email: 'former@ch.example' });
    await server.db.execute(sql`update contact_points set confirmed_at = now() - interval '400 days' where id = ${id}`);
    const ticket = await transferred({ title: 'Stale route' });
    await deliver();
    expect(mailTo('former@ch.example')).toEqual([]);
    const [notice] = await told(chAgent, ticket.ref);
    expect(notice!.body).toMatch(/Former lead \(Registry operations\).*(lapsed|échu)/);
    await chAdmin.del(`/contacts/${id}`);
  });

  it('never reaches a party not involved in the ticket, whatever the event names', async () => {
    const euTech = await contact(euAdmin, { level: 'technical', name: 'EU duty', email: 'eu-duty@eu.example' });
    const euNight = await contact(euAdmin, {
      level: 'on_call',
      name: 'EU night',
      email: 'eu-night@eu.example',
      channels: ['email', 'desk'],
      aroundTheClock: true,
    });
    const { body } = await chAgent.post('/incidents', incidentBody({ title: 'CH only matter' }));
    // A security alert naming EU on a ticket EU is not on (a bug elsewhere must not leak it).
    await server.db.transaction(async (tx) => {
      const row = await lockTicket(tx, body.id);
      await notifyEvents(
        tx,
        row,
        [
          {
            event: { kind: 'security_alert', data: { parties: ['CH', 'EU'], roles: ['agent'], reasons: ['test'] } },
            visibility: 'shared',
          },
        ],
        null,
        true,
        new Date(),
      );
    });
    const queued = await server.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, 'contact_mail'), sql`${jobs.payload}->>'ticketId' = ${body.id}`));
    expect(queued).toEqual([]);
    await deliver();
    expect([...mailTo('eu-duty@eu.example'), ...mailTo('eu-night@eu.example')]).toEqual([]);
    expect(await told(euAgent, body.ref)).toEqual([]);
    expect(await told(chAgent, body.ref)).not.toEqual([]);
    await euAdmin.del(`/contacts/${euTech}`);
    await euAdmin.del(`/contacts/${euNight}`);
  });

  it("mails the other party's contacts a shared exchange or vulnerability, the title only at the lowest level", async () => {
    await chOpen(true);
    const ids = [
      await contact(chAdmin, { level: 'policy', name: 'Policy desk', email: 'policy@ch.example' }),
      await contact(chAdmin, { level: 'technical', name: 'Tech desk', email: 'tech@ch.example' }),
    ];
    const ownPolicy = await contact(euAdmin, { level: 'policy', name: 'EU policy', email: 'eu-policy@eu.example' });
    const [euManager, euSecurity] = await Promise.all([
      signIn(server.url, 'eu.manager'),
      signIn(server.url, 'eu.security'),
    ]);
    const exchange = (title: string, sensitivity: string) =>
      euManager.post('/exchanges', { kind: 'threats', title, language: 'en', body: 'Body delta-secret', sensitivity });
    expect((await exchange('Threat view alpha', 'LIMITED')).status).toBe(201);
    expect((await exchange('Threat view classified', 'SENSITIVE')).status).toBe(201);
    const vulnerability = await euSecurity.post('/vulnerabilities', {
      title: 'Gateway signature bypass',
      description: 'A crafted message passes epsilon-check.',
      vendor: 'Passerelle consortium',
      product: 'Link gateway',
      productVersion: '4.2.1',
      remediationCategory: 'workaround',
      remediation: 'Reject unsigned messages.',
      sensitivity: 'LIMITED',
    });
    expect(vulnerability.status).toBe(201);
    await deliver();
    const policy = mailTo('policy@ch.example');
    expect(policy).toHaveLength(2);
    expect(policy.join('\n')).toContain('Threat view alpha');
    expect(policy.join('\n')).toContain('partagé avec CH');
    expect(mailTo('tech@ch.example').join('\n')).toContain('Gateway signature bypass');
    for (const secret of ['classified', 'delta-secret', 'epsilon-check'])
      expect([...policy, ...mailTo('tech@ch.example')].join('\n')).not.toContain(secret);
    // The writing party's own contacts are not told of what it shared.
    expect(mailTo('eu-policy@eu.example')).toEqual([]);
    for (const id of ids) await chAdmin.del(`/contacts/${id}`);
    await euAdmin.del(`/contacts/${ownPolicy}`);
  });

  it("tells the consulted party's policy contact about a consultation, within its clearance", async () => {
    await chOpen(true);
    const id = await contact(chAdmin, { level: 'policy', name: 'Policy officer', email: 'ch.manager@demo.invalid' });
    const ask = (title: string, sensitivity: string) =>
      euAgent.post('/consultations', {
        title,
        situation: 'Scans from an address block CH announced.',
        party: 'CH',
        service: 'link',
        sensitivity,
        acknowledgeBy: new Date(Date.now() + 4 * 3_600_000).toISOString(),
        answerBy: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      });
    const asked = await ask('Address block scans', 'LIMITED');
    expect(asked.status).toBe(201);
    const notices = JSON.stringify((await chManager.get('/notifications')).body);
    expect(notices).toContain('Address block scans');
    await chAdmin.del(`/contacts/${id}`);

    await contact(chAdmin, { level: 'policy', name: 'Junior policy', email: 'ch.agent2@demo.invalid' });
    expect((await ask('Classified scans', 'SENSITIVE')).status).toBe(201);
    expect(JSON.stringify((await chAgent2.get('/notifications')).body)).not.toContain('Classified scans');
    expect(JSON.stringify((await chAgent.get('/notifications')).body)).toContain('Classified scans');
  });

  it('mails a missed consultation deadline as such, not as a new request', async () => {
    await chOpen(true);
    const id = await contact(chAdmin, { level: 'policy', name: 'Policy desk', email: 'policy@ch.example' });
    const asked = await euAgent.post('/consultations', {
      title: 'Peering request',
      situation: 'A new peering is proposed.',
      party: 'CH',
      service: 'link',
      sensitivity: 'LIMITED',
      acknowledgeBy: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      answerBy: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    });
    expect(asked.status).toBe(201);
    const ref = asked.body.ref as string;
    await deliver();
    const first = mailTo('policy@ch.example').filter((m) => m.includes(ref));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('CH is asked to consult');
    expect(first[0]).toContain('CH est invité à une consultation');

    expect(await remindConsultations(server.db, new Date(Date.now() + 5 * 3_600_000), true)).toBeGreaterThanOrEqual(1);
    await deliver();
    const reminder = mailTo('policy@ch.example').filter((m) => m.includes(ref))[1];
    expect(reminder).toBeDefined();
    expect(reminder).toContain('a consultation deadline of CH has passed');
    expect(reminder).toContain('une échéance de consultation de CH est dépassée');
    expect(reminder).not.toContain('asked to consult');
    expect(reminder).not.toContain('invité à une consultation');
    await chAdmin.del(`/contacts/${id}`);
  });
});
