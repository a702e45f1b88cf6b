import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX } from '../../src/domain/priority.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { agreementApplyHandler } from '../../src/services/agreements/apply-proposal.ts';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { partyDate } from '../helpers/dates.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const day = partyDate;

describe.each(STORE_KINDS)('agreement changes need both parties (%s)', (kind) => {
  let server: TestServer;
  let euAdmin: Client;
  let chAdmin: Client;
  let euAgent: Client;
  let chAgent: Client;
  let euSecurity: Client;
  const applyDue = (offsetDays: number) =>
    runDueJobs(
      server.db,
      { agreement_apply: agreementApplyHandler(server.db) },
      new Date(Date.now() + offsetDays * 86_400_000),
    );

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAdmin, chAdmin, euAgent, chAgent, euSecurity] = await Promise.all([
      signIn(server.url, 'eu.admin'),
      signIn(server.url, 'ch.admin'),
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'ch.agent'),
      signIn(server.url, 'eu.security'),
    ]);
  });
  afterAll(() => server.close());

  const stricter = { ...DEFAULT_PRIORITY_MATRIX, C3: { I1: 'P2', I2: 'P3', I3: 'P4' } };
  const levels = [
    { level: 1, name: 'EU desk' },
    { level: 2, name: 'EU duty manager' },
    { level: 3, name: 'Joint working group' },
  ];

  it('refuses a change made by one party alone, and changes nothing', async () => {
    const matrix = await euAdmin.patch('/parties/EU', { priorityMatrix: stricter });
    expect(matrix.status).toBe(409);
    expect(matrix.body.error).toMatchObject({ code: 'agreement.proposal_required', field: 'priorityMatrix' });
    const fr = await euAdmin.patch('/parties/EU', { escalationLevels: levels }, { 'accept-language': 'fr' });
    expect(fr.body.error).toMatchObject({ code: 'agreement.proposal_required', field: 'escalationLevels' });
    expect(fr.body.error.message).toMatch(/accord entre les parties/);
    // Mixed with a party's own setting: the whole request is refused.
    expect((await euAdmin.patch('/parties/EU', { attachmentMaxBytes: 2000, priorityMatrix: null })).status).toBe(409);
    const eu = (await euAgent.get('/parties')).body.items.find((p: { id: string }) => p.id === 'EU');
    expect(eu.priorityMatrix).toEqual(DEFAULT_PRIORITY_MATRIX);
    expect(eu.attachmentMaxBytes).not.toBe(2000);
    expect(eu.escalationLevels).not.toEqual(levels);
    // Notification levels are common; the national scale stays the party's own.
    const policy = (await euSecurity.get('/parties/EU/security-policy')).body;
    const notify = await euSecurity.put('/parties/EU/security-policy', { ...policy, notifyImpacts: ['I1'] });
    expect(notify.status).toBe(409);
    expect(notify.body.error.field).toBe('notifyImpacts');
    expect((await euSecurity.get('/parties/EU/security-policy')).body.notifyImpacts).toEqual(['I1', 'I2']);
    expect(
      (await euSecurity.put('/parties/EU/security-policy', { ...policy, severityScale: { 'Niveau 1': 'low' } })).status,
    ).toBe(200);
    expect((await euAdmin.get('/agreement/proposals')).body.items).toEqual([]);
  });

  it('applies a matrix change only once the other party accepted it and its date came; past tickets keep theirs', async () => {
    const before = (await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C3' }))).body;
    expect(before.priority).toBe('P3');
    const bad = await euAdmin.post('/agreement/proposals', {
      effectiveFrom: day(-1),
      change: { kind: 'priority_matrix', matrix: stricter },
    });
    expect(bad.body.error.field).toBe('effectiveFrom');
    expect(
      (
        await euAgent.post('/agreement/proposals', {
          effectiveFrom: day(2),
          change: { kind: 'priority_matrix', matrix: stricter },
        })
      ).status,
    ).toBe(403);
    const proposed = await euAdmin.post('/agreement/proposals', {
      effectiveFrom: day(2),
      reason: 'Stricter handling of C3',
      change: { kind: 'priority_matrix', matrix: stricter },
    });
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      party: 'EU',
      proposedByParty: 'EU',
      awaitedParties: ['CH'],
    });
    // Visible to both parties; CH's administrator is told.
    expect((await chAdmin.get('/agreement/proposals')).body.items.map((p: { id: string }) => p.id)).toEqual([id]);
    expect((await chAgent.get(`/agreement/proposals/${id}`)).body.status).toBe('proposed');
    const notes = (await chAdmin.get('/notifications')).body.items;
    const note = notes.find((n: { kind: string }) => n.kind === 'agreement_proposed');
    // The kind of change is named as people read it, in the reader's language, never by its key.
    expect(`${note.subject} ${note.body}`).toMatch(/Priority matrix|Matrice de priorité/);
    expect(`${note.subject} ${note.body}`).not.toContain('priority_matrix');
    // Only an awaited party's administrator decides.
    expect((await euAdmin.post(`/agreement/proposals/${id}/accept`, {})).body.error.code).toBe('agreement.not_awaited');
    expect((await chAgent.post(`/agreement/proposals/${id}/accept`, {})).status).toBe(403);
    expect((await chAdmin.post(`/agreement/proposals/${id}/refuse`, { reason: ' ' })).body.error.field).toBe('reason');
    expect((await chAdmin.post(`/agreement/proposals/${id}/withdraw`, { reason: 'not mine' })).status).toBe(403);
    // Nothing applies before acceptance, whatever the date.
    expect(await applyDue(10)).toBe(0);
    const accepted = await chAdmin.post(`/agreement/proposals/${id}/accept`, {});
    expect(accepted.body).toMatchObject({ status: 'accepted', decisions: [{ party: 'CH', decision: 'accepted' }] });
    expect((await chAdmin.post(`/agreement/proposals/${id}/accept`, {})).status).toBe(409);
    expect(await applyDue(0)).toBe(0); // its date has not come
    expect((await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C3' }))).body.priority).toBe(
      'P3',
    );
    expect(await applyDue(3)).toBe(1);
    expect((await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C3' }))).body.priority).toBe(
      'P2',
    );
    expect((await euAgent.get(`/tickets/${before.ref}`)).body.priority).toBe('P3');
    const versions = (await chAgent.get('/agreement/proposals?status=applied&kind=priority_matrix')).body.items;
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ id, version: 1, status: 'applied' });
    expect(await applyDue(4)).toBe(0); // applied once
  });

  it('closes a proposal refused (with its reason) or withdrawn, and applies neither', async () => {
    const a = (
      await euAdmin.post('/agreement/proposals', {
        effectiveFrom: day(2),
        change: { kind: 'escalation_levels', levels },
      })
    ).body;
    const refused = await chAdmin.post(`/agreement/proposals/${a.id}/refuse`, { reason: 'L3 is not a working group' });
    expect(refused.body).toMatchObject({ status: 'refused', closedReason: 'L3 is not a working group' });
    expect((await chAdmin.post(`/agreement/proposals/${a.id}/accept`, {})).body.error.code).toBe('agreement.closed');
    const b = (
      await euAdmin.post('/agreement/proposals', {
        effectiveFrom: day(2),
        change: { kind: 'escalation_levels', levels },
      })
    ).body;
    expect((await euAdmin.post(`/agreement/proposals/${b.id}/withdraw`, { reason: 'Wrong names' })).body.status).toBe(
      'withdrawn',
    );
    expect((await chAdmin.post(`/agreement/proposals/${b.id}/accept`, {})).status).toBe(409);
    expect(await applyDue(5)).toBe(0);
    const eu = (await euAgent.get('/parties')).body.items.find((p: { id: string }) => p.id === 'EU');
    expect(eu.escalationLevels).not.toEqual(levels);
    const badOrder = await euAdmin.post('/agreement/proposals', {
      effectiveFrom: day(2),
      change: {
        kind: 'escalation_levels',
        levels: [
          { level: 2, name: 'x' },
          { level: 1, name: 'y' },
        ],
      },
    });
    expect(badOrder.body.error.field).toBe('change.levels');
  });

  it('applies accepted escalation levels, used by hierarchical escalation', async () => {
    const p = (
      await euAdmin.post('/agreement/proposals', {
        effectiveFrom: day(1),
        change: { kind: 'escalation_levels', levels },
      })
    ).body;
    await chAdmin.post(`/agreement/proposals/${p.id}/accept`, {});
    expect(await applyDue(2)).toBe(1);
    const { body } = await euAgent.post('/incidents', incidentBody());
    const up = await euAgent.post(`/tickets/${body.ref}/actions/escalate`, { mode: 'hierarchical', reason: 'Decide' });
    expect(up.body.timeline.at(-1).data).toMatchObject({ toLevel: 2, levelName: 'EU duty manager' });
  });

  it('applies accepted notification levels, keeping the party’s own scale', async () => {
    const p = (
      await chAdmin.post('/agreement/proposals', {
        party: 'EU',
        effectiveFrom: day(1),
        change: {
          kind: 'notification_policy',
          notifyImpacts: ['I1'],
          notifyCia: ['confidentiality'],
          notifyPersonalData: true,
          minSeverity: 'high',
        },
      })
    ).body;
    expect(p).toMatchObject({ party: 'EU', proposedByParty: 'CH', awaitedParties: ['EU'] });
    await euAdmin.post(`/agreement/proposals/${p.id}/accept`, {});
    expect(await applyDue(2)).toBe(1);
    const policy = (await euSecurity.get('/parties/EU/security-policy')).body;
    expect(policy).toMatchObject({ notifyImpacts: ['I1'], minSeverity: 'high', severityScale: { 'Niveau 1': 'low' } });
  });

  it('refuses to accept once the effective date has come', async () => {
    const p = (
      await euAdmin.post('/agreement/proposals', {
        effectiveFrom: day(1),
        change: { kind: 'service_target', service: 'Link', targetPct: 99.5 },
      })
    ).body;
    const { decideProposal } = await import('../../src/services/agreements/decide-proposal.ts');
    const { actorOf } = await import('../../src/services/auth/actor.ts');
    const { findUserByName } = await import('../../src/store/directory.ts');
    const ch = actorOf((await findUserByName(server.db, 'ch.admin'))!);
    await expect(
      decideProposal(server.db, ch, p.id, 'accepted', undefined, new Date(Date.now() + 3 * 86_400_000)),
    ).rejects.toMatchObject({ code: 'agreement.expired' });
    expect((await chAdmin.get(`/agreement/proposals/${p.id}`)).body.status).toBe('proposed');
  });
});
