import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_MATRIX } from '../../src/domain/priority.ts';
import { incidentBody, signIn, withToken } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('party settings (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAdmin = as('eu.admin');
  const chAdmin = as('ch.admin');
  const euAgent = as('eu.agent');

  const stricter = { ...DEFAULT_PRIORITY_MATRIX, C3: { I1: 'P2', I2: 'P3', I3: 'P4' } };

  it('validates the matrix, and leaves it and the escalation levels to agreement proposals (SNC 10.2)', async () => {
    expect((await chAdmin.patch('/parties/EU', { priorityMatrix: stricter })).status).toBe(403);
    expect((await euAgent.patch('/parties/EU', { priorityMatrix: stricter })).status).toBe(403);
    const bad = await euAdmin.patch('/parties/EU', { priorityMatrix: { ...stricter, C2: { I1: 'P9' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toMatch(/^priorityMatrix\.C2/);
    const alone = await euAdmin.patch('/parties/EU', { priorityMatrix: stricter });
    expect(alone.status).toBe(409);
    expect(alone.body.error.code).toBe('agreement.proposal_required');
    const levels = [
      { level: 1, name: 'EU desk' },
      { level: 2, name: 'EU duty manager' },
    ];
    expect((await euAdmin.patch('/parties/EU', { escalationLevels: levels })).body.error.field).toBe(
      'escalationLevels',
    );
    expect((await euAgent.post('/incidents', incidentBody({ impact: 'I1', criticality: 'C3' }))).body.priority).toBe(
      'P3',
    );
  });

  it('makes a second factor mandatory for the party, once its administrator has one', async () => {
    const token = (await euAgent.post('/me/tokens', { name: 'before the mandate' })).body.token;
    const refused = await euAdmin.patch('/parties/EU', { requireTotp: true });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'auth.totp_mandatory', field: 'requireTotp' });
    const { secret } = (await euAdmin.post('/me/totp/setup')).body;
    expect((await euAdmin.post('/me/totp/enable', { code: await generate({ secret }) })).status).toBe(204);
    expect((await euAdmin.patch('/parties/EU', { requireTotp: true })).body.requireTotp).toBe(true);
    const agent = await signIn(server.url, 'eu.resolver');
    expect((await withToken(server.url, token).get('/tickets')).body.error.code).toBe('auth.totp_mandatory');
    const blocked = await agent.get('/tickets');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('auth.totp_mandatory');
    expect((await agent.get('/me')).body.user.totpRequired).toBe(true);
    expect((await agent.post('/me/totp/setup')).status).toBe(200);
    await euAdmin.patch('/parties/EU', { requireTotp: false });
    expect((await agent.get('/tickets')).status).toBe(200);
  });
});
