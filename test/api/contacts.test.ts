import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCbm } from '../../src/jobs/cbm-checks.ts';
import { actorOf } from '../../src/services/auth/actor.ts';
import { exportParty } from '../../src/services/export/export-party.ts';
import { extractTarGz } from '../../src/services/export/tar.ts';
import { findUserByName } from '../../src/store/directory.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const DAY = 86_400_000;
const onCall = {
  level: 'on_call',
  structure: 'EU Registry operations',
  name: 'Duty officer',
  phone: '+32 2 299 11 11',
  email: 'oncall@eu.example',
  channels: ['phone', 'email'],
  escalationLevel: 2,
};

describe.each(STORE_KINDS)('directory of points of contact (CBM-1) (%s)', (kind) => {
  let server: TestServer;
  let euAdmin: Client;
  let euSecurity: Client;
  let euAgent: Client;
  let chAdmin: Client;
  let chAgent: Client;
  let chAgent2: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAdmin, euSecurity, euAgent, chAdmin, chAgent, chAgent2] = await Promise.all([
      signIn(server.url, 'eu.admin'),
      signIn(server.url, 'eu.security'),
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'ch.admin'),
      signIn(server.url, 'ch.agent'),
      signIn(server.url, 'ch.agent2'),
    ]);
  });
  afterAll(() => server.close());

  const notificationsOf = async (who: Client) => JSON.stringify((await who.get('/notifications')).body);

  it('keeps an on-call contact, records each change and shows it to the other party', async () => {
    const created = await euAdmin.post('/contacts', onCall);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ party: 'EU', aroundTheClock: true, status: 'current', version: 1 });
    const id = created.body.id;
    expect((await chAgent.get('/contacts?party=EU')).body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(await notificationsOf(chAgent)).toContain('Duty officer');

    const changed = await euAdmin.put(`/contacts/${id}`, { ...onCall, phone: '+32 2 299 22 22', version: 1 });
    expect(changed.body).toMatchObject({ phone: '+32 2 299 22 22', version: 2 });
    const detail = await chAgent.get(`/contacts/${id}`);
    expect(detail.body.history[0]).toMatchObject({
      kind: 'updated',
      changes: { phone: { from: '+32 2 299 11 11', to: '+32 2 299 22 22' } },
    });
    expect((await chAgent.get('/contacts/changes')).body.items.length).toBeGreaterThanOrEqual(2);

    // Only EU's keepers change EU's entries.
    expect((await chAdmin.put(`/contacts/${id}`, onCall)).status).toBe(403);
    expect((await chAdmin.post(`/contacts/${id}/confirm`)).status).toBe(403);
    expect((await euAgent.post(`/contacts/${id}/confirm`)).status).toBe(403);
    expect((await euAdmin.put(`/contacts/${id}`, { ...onCall, version: 1 })).status).toBe(409);
  });

  it('names the directory contact on a hierarchical escalation of the holding party', async () => {
    const incident = await euAgent.post('/incidents', {
      title: 'Link down',
      service: 'link',
      impact: 'I2',
      criticality: 'C2',
    });
    const escalated = await euAgent.post(`/tickets/${incident.body.ref}/actions/escalate`, {
      mode: 'hierarchical',
      reason: 'Needs a decision',
    });
    expect(escalated.status).toBe(200);
    const event = escalated.body.timeline.find((e: { kind: string }) => e.kind === 'escalated');
    expect(event.data.contact).toContain('Duty officer');
    expect(event.data.contact).toContain('+32 2 299 22 22');
    // … and so does the notification to the level managers, in their language.
    const manager = await signIn(server.url, 'eu.manager');
    const told = (await manager.get('/notifications')).body.items as { body: string }[];
    expect(told.some((n) => n.body.includes('Contact at this level: Duty officer'))).toBe(true);
  });

  it('keeps a sensitive entry from a lower clearance, and refuses bad input', async () => {
    const secret = await euSecurity.post('/contacts', {
      ...onCall,
      level: 'decision',
      name: 'Deputy minister office',
      escalationLevel: 3,
      sensitivity: 'SENSITIVE',
    });
    expect(secret.status).toBe(201);
    expect((await chAgent2.get(`/contacts/${secret.body.id}`)).status).toBe(404);
    expect(JSON.stringify((await chAgent2.get('/contacts')).body)).not.toContain('Deputy minister');
    expect(JSON.stringify((await chAgent2.get('/contacts/changes')).body)).not.toContain(secret.body.id);
    expect(await notificationsOf(chAgent2)).not.toContain('Deputy minister');
    expect((await chAgent.get(`/contacts/${secret.body.id}`)).status).toBe(200);
    // An administrator cleared LIMITED does not record a SENSITIVE entry.
    expect((await euAdmin.post('/contacts', { ...onCall, sensitivity: 'SENSITIVE' })).status).toBe(403);
    const noPhone = await euAdmin.post('/contacts', { ...onCall, phone: null }, { 'accept-language': 'fr' });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.field).toBe('phone');
    const notAllDay = await euAdmin.post('/contacts', { ...onCall, aroundTheClock: false });
    expect(notAllDay.body.error.field).toBe('aroundTheClock');
  });

  it('reminds the party before an entry lapses and flags a stale one to both parties, once each', async () => {
    const id = (
      await chAdmin.post('/contacts', {
        ...onCall,
        structure: 'CH OFCOM',
        name: 'CH technical lead',
        level: 'technical',
      })
    ).body.id;
    const soon = new Date(Date.now() + 340 * DAY);
    const first = await checkCbm(server.db, soon);
    expect(first.contacts.reminded).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(chAdmin)).toContain('CH technical lead');
    expect((await checkCbm(server.db, soon)).contacts).toEqual({ reminded: 0, flagged: 0 });
    const late = new Date(Date.now() + 370 * DAY);
    const stale = await checkCbm(server.db, late);
    expect(stale.contacts.flagged).toBeGreaterThanOrEqual(1);
    expect((await checkCbm(server.db, late)).contacts).toEqual({ reminded: 0, flagged: 0 });
    const euSide = JSON.parse(await notificationsOf(euAgent)) as { items: { subject: string }[] };
    expect(euSide.items.some((n) => n.subject.includes('CH technical lead') && n.subject.includes('confirm'))).toBe(
      true,
    );
    // Confirming starts a new year: current again.
    const confirmed = await chAdmin.post(`/contacts/${id}/confirm`);
    expect(confirmed.body.status).toBe('current');
  });
});

describe('the party export carries its cooperation records within the exporter’s clearance (AUD-3, CBM-1)', () => {
  it('leaves out an entry above the administrator’s clearance', async () => {
    const server = await startTestServer('pglite');
    const dir = await mkdtemp(join(tmpdir(), 'cbm-export-'));
    try {
      const [admin, security] = await Promise.all([signIn(server.url, 'eu.admin'), signIn(server.url, 'eu.security')]);
      await admin.post('/contacts', { ...onCall, name: 'Open entry' });
      await security.post('/contacts', { ...onCall, name: 'Secret entry', sensitivity: 'CRITICAL' });
      const user = await findUserByName(server.db, 'eu.admin');
      await exportParty(server.db, 'EU', join(dir, 'eu.tar.gz'), { actor: actorOf(user!) });
      const names = await extractTarGz(join(dir, 'eu.tar.gz'), join(dir, 'x'));
      const contacts = names.find((f) => f.endsWith('contact_points.jsonl'))!;
      const text = await readFile(join(dir, 'x', contacts), 'utf8');
      expect(text).toContain('Open entry');
      expect(text).not.toContain('Secret entry');
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  }, 60_000);
});
