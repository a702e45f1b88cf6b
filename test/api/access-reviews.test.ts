import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../src/store/schema/index.ts';
import { signIn, withToken } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

interface Item {
  userId: string;
  username: string;
  roles: string[];
  clearance: string;
  active: boolean;
  decision: string | null;
}

describe.each(STORE_KINDS)('ISM-6 access reviews (%s)', (kind) => {
  let reviewId: string;
  let items: Item[];
  const idOf = (username: string) => items.find((i) => i.username === username)!.userId;

  const { server, as } = useServer(kind);
  const euAdmin = as('eu.admin');
  const chAdmin = as('ch.admin');
  const euAgent = as('eu.agent');
  const euAuditor = as('eu.auditor');

  it("snapshots every account of the administrator's party, and only an administrator starts one", async () => {
    expect((await euAgent.post('/access-reviews')).status).toBe(403);
    expect((await euAuditor.post('/access-reviews')).status).toBe(403);
    const started = await euAdmin.post('/access-reviews');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ party: 'EU', status: 'open', closedAt: null });
    reviewId = started.body.id;
    items = started.body.items;
    expect(items.map((i) => i.username).sort()).toEqual([
      'eu.admin',
      'eu.agent',
      'eu.agent2',
      'eu.auditor',
      'eu.change',
      'eu.imt',
      'eu.manager',
      'eu.resolver',
      'eu.security',
    ]);
    expect(items.find((i) => i.username === 'eu.security')).toMatchObject({
      roles: ['security_officer', 'agent'],
      clearance: 'CRITICAL',
      active: true,
      decision: null,
    });
    expect(started.body).toMatchObject({ accounts: 9, undecided: 9 });
    expect((await euAdmin.post('/access-reviews', { again: true })).body.error.code).toBe('access_review.open_exists');
  });

  it("keeps a party's reviews from everyone but its administrators and auditors", async () => {
    expect((await chAdmin.get(`/access-reviews/${reviewId}`)).status).toBe(404);
    expect((await chAdmin.get('/access-reviews')).body.items).toEqual([]);
    expect((await euAgent.get(`/access-reviews/${reviewId}`)).status).toBe(403);
    expect((await euAgent.get('/access-reviews')).status).toBe(403);
    expect((await euAuditor.get(`/access-reviews/${reviewId}`)).body.items).toHaveLength(9);
    expect((await euAuditor.get('/access-reviews')).body.items.map((r: { id: string }) => r.id)).toEqual([reviewId]);
  });

  it('lets only the party administrator decide', async () => {
    const target = idOf('eu.agent2');
    const ch = await chAdmin.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'revoke' });
    expect(ch.status).toBe(404);
    expect((await euAgent.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'revoke' })).status).toBe(
      403,
    );
    expect((await euAuditor.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'keep' })).status).toBe(
      403,
    );
    expect(
      (
        await euAdmin.post(`/access-reviews/${reviewId}/items/00000000-0000-4000-8000-000000000000`, {
          decision: 'keep',
        })
      ).status,
    ).toBe(404);
    expect((await euAdmin.get(`/access-reviews/${reviewId}`)).body.undecided).toBe(9);
  });

  it('applies a change of roles, never raising a clearance above the administrator’s own', async () => {
    const target = idOf('eu.agent2');
    expect(
      (await euAdmin.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'change' })).body.error,
    ).toMatchObject({ code: 'validation.required', field: 'roles' });
    expect(
      (await euAdmin.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'keep', roles: ['agent'] })).body
        .error.field,
    ).toBe('roles');
    expect(
      (await euAdmin.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'change', roles: ['wizard'] }))
        .status,
    ).toBe(400);
    const above = await euAdmin.post(`/access-reviews/${reviewId}/items/${target}`, {
      decision: 'change',
      clearance: 'SENSITIVE',
    });
    expect(above.status).toBe(403);
    expect(above.body.error.code).toBe('access_review.clearance_above_own');
    const changed = await euAdmin.post(`/access-reviews/${reviewId}/items/${target}`, {
      decision: 'change',
      roles: ['agent', 'requester'],
      note: 'also files requests',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.items.find((i: Item) => i.userId === target)).toMatchObject({
      decision: 'change',
      newRoles: ['agent', 'requester'],
      newClearance: 'LIMITED',
      roles: ['agent'],
      decidedBy: { name: 'EU Administrator' },
    });
    expect((await (await signIn(server.url, 'eu.agent2')).get('/me')).body.user.roles).toEqual(['agent', 'requester']);
    expect(
      (await euAdmin.post(`/access-reviews/${reviewId}/items/${target}`, { decision: 'keep' })).body.error.code,
    ).toBe('access_review.decided');
    // Lowering a clearance is no raise.
    const lowered = await euAdmin.post(`/access-reviews/${reviewId}/items/${idOf('eu.resolver')}`, {
      decision: 'change',
      clearance: 'LIMITED',
    });
    expect(lowered.status).toBe(200);
    expect((await (await signIn(server.url, 'eu.resolver')).get('/me')).body.user.clearance).toBe('LIMITED');
  });

  it('revokes an account at once: sessions and API tokens stop working; never one’s own', async () => {
    expect(
      (await euAdmin.post(`/access-reviews/${reviewId}/items/${idOf('eu.admin')}`, { decision: 'revoke' })).body.error
        .code,
    ).toBe('access_review.own_account');
    const token = (await euAgent.post('/me/tokens', { name: 'monitoring' })).body.token as string;
    expect((await withToken(server.url, token).get('/me')).status).toBe(200);
    const revoked = await euAdmin.post(`/access-reviews/${reviewId}/items/${idOf('eu.agent')}`, {
      decision: 'revoke',
      note: 'left the desk',
    });
    expect(revoked.body.items.find((i: Item) => i.username === 'eu.agent')).toMatchObject({
      decision: 'revoke',
      active: true,
    });
    expect((await euAgent.get('/me')).status).toBe(401);
    expect((await withToken(server.url, token).get('/me')).status).toBe(401);
    await expect(signIn(server.url, 'eu.agent')).rejects.toThrow(/401/);
    const audit = await server.db.select().from(auditLog).where(eq(auditLog.action, 'access_review.revoke'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      party: 'EU',
      targetId: idOf('eu.agent'),
      data: { reviewId, before: { active: true }, after: { active: false }, note: 'left the desk' },
    });
  });

  it('closes only once every account has a decision', async () => {
    const refused = await euAdmin.post(`/access-reviews/${reviewId}/close`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('access_review.undecided');
    expect(refused.body.error.message).toContain('6');
    expect((await euAuditor.post(`/access-reviews/${reviewId}/close`)).status).toBe(403);
    for (const username of ['eu.admin', 'eu.auditor', 'eu.change', 'eu.imt', 'eu.manager', 'eu.security']) {
      expect(
        (await euAdmin.post(`/access-reviews/${reviewId}/items/${idOf(username)}`, { decision: 'keep' })).status,
      ).toBe(200);
    }
    const closed = await euAdmin.post(`/access-reviews/${reviewId}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', undecided: 0 });
    expect(
      (await euAdmin.post(`/access-reviews/${reviewId}/items/${idOf('eu.security')}`, { decision: 'revoke' })).body
        .error.code,
    ).toBe('access_review.closed');
    // The next review starts from the accounts as the last one left them.
    const next = await euAdmin.post('/access-reviews');
    expect(next.body.items.find((i: Item) => i.username === 'eu.agent')).toMatchObject({ active: false });
    expect(next.body.items.find((i: Item) => i.username === 'eu.agent2')).toMatchObject({
      roles: ['agent', 'requester'],
    });
  });
});
