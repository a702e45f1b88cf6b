import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCbm } from '../../src/jobs/cbm-checks.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { thirdPartyAgent } from '../helpers/third-party.ts';

describe.each(STORE_KINDS)('glossary, exchanges and expert meetings (CBM-2, 3, 6) (%s)', (kind) => {
  let server: TestServer;
  let euManager: Client;
  let chManager: Client;
  let euAgent: Client;
  let chAgent: Client;
  let chAgent2: Client;
  let chSecurity: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euManager, chManager, euAgent, chAgent, chAgent2, chSecurity] = await Promise.all([
      signIn(server.url, 'eu.manager'),
      signIn(server.url, 'ch.manager'),
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'ch.agent'),
      signIn(server.url, 'ch.agent2'),
      signIn(server.url, 'ch.security'),
    ]);
  });
  afterAll(() => server.close());

  it('agrees a term once every party accepts its current version, keeping every version', async () => {
    const proposed = await euAgent.post('/glossary', {
      term: 'Incident TIC',
      definitionFr: 'Événement qui compromet un système d’information.',
      definitionEn: 'An event that compromises an information system.',
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', currentVersion: 1, parties: ['CH', 'EU'] });
    const id = proposed.body.id;
    expect(
      (await chAgent.post('/glossary', { term: 'incident tic', definitionFr: 'x', definitionEn: 'x' })).body.error
        .field,
    ).toBe('term');
    await chAgent.post(`/glossary/${id}/comments`, { body: 'Say "ICT" in English.' });
    // An agent does not accept for the party.
    expect((await chAgent.post(`/glossary/${id}/accept`, { version: 1 })).status).toBe(403);
    const revised = await chAgent.post(`/glossary/${id}/versions`, {
      definitionFr: 'Événement qui compromet un système TIC.',
      definitionEn: 'An event that compromises an ICT system.',
      version: 1,
    });
    expect(revised.body).toMatchObject({ status: 'proposed', currentVersion: 2 });
    expect(revised.body.versions.map((v: { number: number }) => v.number)).toEqual([2, 1]);
    expect((await euManager.post(`/glossary/${id}/accept`, { version: 1 })).status).toBe(409);
    const accepted = await euManager.post(`/glossary/${id}/accept`, { version: 2 });
    // CH proposed version 2, EU accepted it: every party did.
    expect(accepted.body.status).toBe('agreed');
    expect((await euManager.post(`/glossary/${id}/accept`, { version: 2 })).status).toBe(409);
    expect(accepted.body.comments[0]).toMatchObject({ party: 'CH', body: 'Say "ICT" in English.' });
  });

  it('distributes a submission with TLP, read receipts for its party, questions and answers', async () => {
    const missing = await euManager.post(
      '/exchanges',
      { kind: 'yearly_summary', year: 2026, title: 'Synthèse 2026', language: 'fr', body: 'Texte.' },
      { 'accept-language': 'fr' },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe('bodyEn');
    expect(missing.body.error.message).toContain('traduction anglaise');
    const created = await euManager.post('/exchanges', {
      kind: 'yearly_summary',
      year: 2026,
      title: 'Synthèse 2026',
      language: 'fr',
      body: 'Texte.',
      bodyEn: 'Text.',
      sensitivity: 'SENSITIVE',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tlp: 'AMBER', bodyEn: 'Text.', reads: [{ party: 'EU' }] });
    const id = created.body.id;
    expect(
      (
        await euManager.post('/exchanges', {
          kind: 'yearly_summary',
          year: 2026,
          title: 'again',
          language: 'en',
          body: 'x',
        })
      ).body.error.field,
    ).toBe('year');

    const chView = await chAgent.get(`/exchanges/${id}`);
    expect(chView.body).toMatchObject({ body: 'Texte.', reads: null });
    const asked = await chAgent.post(`/exchanges/${id}/questions`, { question: 'Which sectors?' });
    const questionId = asked.body.questions[0].id;
    expect((await chAgent.post(`/exchanges/${id}/questions/${questionId}/answer`, { answer: 'x' })).status).toBe(403);
    const answered = await euAgent.post(`/exchanges/${id}/questions/${questionId}/answer`, { answer: 'Energy.' });
    expect(answered.body.questions[0]).toMatchObject({ answer: 'Energy.', party: 'CH' });
    expect(answered.body.reads.some((r: { party: string }) => r.party === 'CH')).toBe(true);

    // Lower clearance: nothing, on every path.
    expect((await chAgent2.get(`/exchanges/${id}`)).status).toBe(404);
    expect((await chAgent2.post(`/exchanges/${id}/questions`, { question: 'q' })).status).toBe(404);
    expect((await chAgent2.get('/exchanges')).body.items).toEqual([]);
    expect(JSON.stringify((await chAgent2.get('/notifications')).body)).not.toContain('Synthèse 2026');
    // A third party cleared for it sees it: submissions go to every party.
    const atAgent = await thirdPartyAgent(server.db, server.url);
    expect((await atAgent.get(`/exchanges/${id}`)).status).toBe(200);
  });

  it('reminds a party of its yearly summary once, from 45 days before it is due', async () => {
    const year = new Date().getUTCFullYear();
    expect((await checkCbm(server.db, new Date(Date.UTC(year, 5, 1)))).summaries).toBe(0);
    const due = new Date(Date.UTC(year, 10, 1));
    const first = await checkCbm(server.db, due);
    // EU submitted for 2026 only when the current year is 2026; CH and AT have not.
    expect(first.summaries).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify((await chManager.get('/notifications')).body)).toContain(`CH ${year}`);
    expect((await checkCbm(server.db, due)).summaries).toBe(0);
  });

  it('keeps minutes, decisions and action items to completion, links exchanges per reader, warns below three', async () => {
    const secret = await euManager.post('/exchanges', {
      kind: 'threats',
      title: 'Threat picture',
      language: 'en',
      body: 'Details.',
      sensitivity: 'SENSITIVE',
    });
    const open = await euManager.post('/exchanges', { kind: 'measures', title: 'Measures', language: 'en', body: 'x' });
    const year = new Date().getUTCFullYear();
    const before = await chAgent.get(`/meetings?year=${year + 1}`);
    expect(before.body.year).toMatchObject({ held: 0, planned: 0, warning: true });
    const meeting = await euManager.post('/meetings', {
      title: 'Experts Q1',
      startsAt: new Date(Date.UTC(year + 1, 1, 10, 9)).toISOString(),
      location: 'Vienna',
      agenda: '1. Threats 2. Glossary',
      participants: [
        { party: 'EU', name: 'EU expert' },
        { party: 'CH', name: 'CH expert' },
      ],
      exchangeIds: [secret.body.id, open.body.id],
    });
    expect(meeting.status).toBe(201);
    const id = meeting.body.id;
    expect((await chManager.post(`/meetings/${id}/minutes`, { minutes: 'x', decisions: [] })).status).toBe(403);
    await euManager.post(`/meetings/${id}/minutes`, { minutes: 'We met.', decisions: ['Adopt the glossary'] });
    const withAction = await euManager.post(`/meetings/${id}/actions`, { description: 'Send contacts', party: 'CH' });
    const actionId = withAction.body.actions[0].id;
    expect((await euManager.post(`/meetings/${id}/actions/${actionId}/complete`, {})).status).toBe(403);
    const done = await chAgent.post(`/meetings/${id}/actions/${actionId}/complete`, { note: 'Sent.' });
    expect(done.body.actions[0]).toMatchObject({ doneAt: expect.any(String), note: 'Sent.' });
    expect(done.body).toMatchObject({ minutes: 'We met.', decisions: ['Adopt the glossary'] });
    // The linked exchanges each reader may read: CH's LIMITED agent sees the meeting but not the SENSITIVE exchange.
    expect((await chSecurity.get(`/meetings/${id}`)).body.exchanges).toHaveLength(2);
    const lowView = await chAgent2.get(`/meetings/${id}`);
    expect(lowView.status).toBe(200);
    expect(lowView.body.exchanges.map((e: { id: string }) => e.id)).toEqual([open.body.id]);
    // Linking an exchange the organiser may not read is refused.
    const unknown = await euManager.post(`/meetings/${id}/minutes`, {
      minutes: 'x',
      decisions: [],
      exchangeIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.body.error.field).toBe('exchangeIds.0');
    const after = await chAgent.get(`/meetings?year=${year + 1}`);
    expect(after.body.year).toMatchObject({ planned: 1, warning: true });
    // The warning reaches the organisers once per quarter.
    const sept = new Date(Date.UTC(year, 8, 1));
    const warned = await checkCbm(server.db, sept);
    expect(warned.meetings).toBe(true);
    expect((await checkCbm(server.db, sept)).meetings).toBe(false);
  });
});
