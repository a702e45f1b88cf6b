import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../src/store/schema/index.ts';
import { anonymous, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const tokenOf = (url: string) => url.split('/account-link/')[1]!;

describe.each(STORE_KINDS)('ISM-6 / PARTY-1 administration pages (%s)', (kind) => {
  let server: TestServer;
  let euAdmin: Client, chAdmin: Client, euAgent: Client, euSecurity: Client, chAgent: Client;
  let idOf: (username: string) => Promise<string>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAdmin, chAdmin, euAgent, euSecurity, chAgent] = await Promise.all([
      signIn(server.url, 'eu.admin'),
      signIn(server.url, 'ch.admin'),
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'eu.security'),
      signIn(server.url, 'ch.agent'),
    ]);
    idOf = async (username) => {
      const rows = await server.db.select({ id: users.id }).from(users).where(eq(users.username, username));
      return rows[0]!.id;
    };
  });
  afterAll(() => server.close());

  const auditCount = async () => (await server.db.select().from(auditLog)).length;

  it("lists the party's own accounts with their last sign-in, and never another party's", async () => {
    const listed = await euAdmin.get('/parties/EU/accounts');
    expect(listed.status).toBe(200);
    const admin = listed.body.items.find((a: { username: string }) => a.username === 'eu.admin');
    expect(admin.lastSignInAt).not.toBeNull();
    expect(listed.body.items.every((a: { party: string }) => a.party === 'EU')).toBe(true);
    expect((await euAdmin.get('/parties/CH/accounts')).status).toBe(403);
    expect((await euAgent.get('/parties/EU/accounts')).status).toBe(403);
  });

  it('invites a person by a one-time link through which they set their password, then sign in', async () => {
    const invited = await euAdmin.post('/parties/EU/accounts', {
      username: 'eu.newcomer',
      displayName: 'Nora Newcomer',
      email: 'nora@example.org',
      roles: ['agent'],
      clearance: 'LIMITED',
      language: 'fr',
    });
    expect(invited.status).toBe(201);
    expect(invited.body.account).toMatchObject({ username: 'eu.newcomer', hasPassword: false, lastSignInAt: null });
    const token = tokenOf(invited.body.link.url);
    const open = anonymous(server.url);
    expect((await open.get(`/auth/account-links/${token}`)).body).toMatchObject({
      purpose: 'invite',
      username: 'eu.newcomer',
      language: 'fr',
    });
    const short = await open.post(`/auth/account-links/${token}`, { password: 'short' }, { 'accept-language': 'fr' });
    expect(short.status).toBe(400);
    expect(short.body.error.field).toBe('password');
    expect((await open.post(`/auth/account-links/${token}`, { password: 'a-long-new-password' })).status).toBe(200);
    // Good once.
    const again = await open.post(`/auth/account-links/${token}`, { password: 'another-long-password' });
    expect(again.body.error.code).toBe('account_link.invalid');
    const newcomer = await signIn(server.url, 'eu.newcomer', 'a-long-new-password');
    expect((await newcomer.get('/me')).body.user).toMatchObject({ party: 'EU', roles: ['agent'] });
    const audit = await server.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.targetId, invited.body.account.id)));
    expect(audit).toHaveLength(1);
  });

  it('refuses a clearance above the granter’s own and roles they may not grant, changing nothing', async () => {
    // eu.admin holds LIMITED.
    const before = await auditCount();
    const high = await euAdmin.post(
      '/parties/EU/accounts',
      { username: 'eu.high', displayName: 'High', email: 'h@example.org', roles: ['agent'], clearance: 'SENSITIVE' },
      { 'accept-language': 'fr' },
    );
    expect(high.status).toBe(403);
    expect(high.body.error).toMatchObject({ code: 'access_review.clearance_above_own', field: 'clearance' });
    expect(high.body.error.message).toMatch(/habilitation/);
    const agent2 = await idOf('eu.agent2');
    const raise = await euAdmin.patch(`/parties/EU/accounts/${agent2}`, { clearance: 'CRITICAL' });
    expect(raise.body.error.code).toBe('access_review.clearance_above_own');
    const level3 = await euAdmin.patch(`/parties/EU/accounts/${agent2}`, { roles: ['agent', 'auditor'] });
    expect(level3.body.error).toMatchObject({ code: 'access_review.role_not_grantable', field: 'roles.1' });
    const row = (await server.db.select().from(users).where(eq(users.id, agent2)))[0]!;
    expect(row).toMatchObject({ clearance: 'LIMITED', roles: ['agent'] });
    expect(await auditCount()).toBe(before);
    expect((await server.db.select().from(users).where(eq(users.username, 'eu.high'))).length).toBe(0);
  });

  it("refuses every change to another party's account from the other party's seat, changing nothing", async () => {
    const chAgentId = await idOf('ch.agent');
    const before = await auditCount();
    expect((await euAdmin.patch(`/parties/CH/accounts/${chAgentId}`, { active: false })).status).toBe(403);
    // Through its own party's path: the account is not found there.
    expect((await euAdmin.patch(`/parties/EU/accounts/${chAgentId}`, { active: false })).status).toBe(404);
    expect((await euAdmin.post(`/parties/EU/accounts/${chAgentId}/password-reset`)).status).toBe(404);
    expect((await euAdmin.post(`/parties/EU/accounts/${chAgentId}/totp-reset`)).status).toBe(404);
    const chDesk = (await chAdmin.get('/parties')).body.items
      .find((p: { id: string }) => p.id === 'CH')
      .groups.find((g: { kind: string }) => g.kind === 'desk').id;
    expect((await euAdmin.put(`/parties/EU/groups/${chDesk}/members/${await idOf('eu.agent')}`, {})).status).toBe(404);
    expect((await euAdmin.put(`/parties/CH/groups/${chDesk}/members/${chAgentId}`, {})).status).toBe(403);
    expect((await euAdmin.put('/parties/CH/contacts', emptyContacts())).status).toBe(403);
    expect(await auditCount()).toBe(before);
    expect((await chAgent.get('/me')).status).toBe(200);
  });

  it('disables an account at once (sessions end) and resets password and second factor with audit', async () => {
    const agentId = await idOf('eu.agent');
    expect((await euAgent.get('/me')).status).toBe(200);
    // Not on one's own account.
    expect(
      (await euAdmin.patch(`/parties/EU/accounts/${await idOf('eu.admin')}`, { active: false })).body.error.code,
    ).toBe('access_review.own_account');
    const disabled = await euAdmin.patch(`/parties/EU/accounts/${agentId}`, { active: false });
    expect(disabled.body).toMatchObject({ active: false });
    expect((await euAgent.get('/me')).status).toBe(401);
    await euAdmin.patch(`/parties/EU/accounts/${agentId}`, { active: true, language: 'fr' });
    const reset = await euAdmin.post(`/parties/EU/accounts/${agentId}/password-reset`);
    expect(reset.status).toBe(200);
    await expect(signIn(server.url, 'eu.agent')).rejects.toThrow(/401/);
    await anonymous(server.url).post(`/auth/account-links/${tokenOf(reset.body.url)}`, {
      password: 'agent-new-password',
    });
    const back = await signIn(server.url, 'eu.agent', 'agent-new-password');
    expect((await back.get('/me')).body.user.language).toBe('fr');
    const totp = await euAdmin.post(`/parties/EU/accounts/${agentId}/totp-reset`);
    expect(totp.body).toMatchObject({ totpEnabled: false });
    // The reset ended the account's sessions.
    expect((await back.get('/me')).status).toBe(401);
    euAgent = await signIn(server.url, 'eu.agent', 'agent-new-password');
    const actions = (await server.db.select().from(auditLog).where(eq(auditLog.targetId, agentId))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['user.disable', 'user.update', 'user.password_reset', 'user.totp_reset']),
    );
  });

  it('creates groups and changes their members; sets the desk and on-call contact', async () => {
    const group = await euAdmin.post('/parties/EU/groups', { name: 'EU Network', kind: 'resolver' });
    expect(group.status).toBe(201);
    expect((await euAdmin.post('/parties/EU/groups', { name: 'eu network', kind: 'resolver' })).body.error.code).toBe(
      'group.exists',
    );
    const resolver = await idOf('eu.resolver');
    const added = await euAdmin.put(`/parties/EU/groups/${group.body.id}/members/${resolver}`, {});
    expect(added.body.memberIds).toEqual([resolver]);
    const removed = await euAdmin.del(`/parties/EU/groups/${group.body.id}/members/${resolver}`);
    expect(removed.body.memberIds).toEqual([]);
    const contacts = {
      desk: { email: 'desk@eu.example', phone: '+32 2 000 00 00' },
      onCall: { name: 'Duty officer', email: null, phone: '+32 470 00 00 00' },
    };
    expect((await euAgent.put('/parties/EU/contacts', contacts)).status).toBe(403);
    const bad = await euAdmin.put('/parties/EU/contacts', { ...contacts, desk: { email: 'nope', phone: null } });
    expect(bad.body.error.field).toBe('desk.email');
    expect((await euAdmin.put('/parties/EU/contacts', contacts)).body).toEqual(contacts);
    // Both parties read them.
    expect((await chAgent.get('/parties/EU/contacts')).body).toEqual(contacts);
  });

  it('grants an approved tool_access request: the account is created, invited and linked to the request', async () => {
    const ref = (
      await euAgent.post('/requests', {
        catalogueItem: 'tool_access',
        values: { person: 'Grace Hopper', email: 'grace@example.org', tool: 'passerelle', role: 'agent' },
      })
    ).body.ref;
    const early = await euAdmin.post(`/tickets/${ref}/grant-access`, {
      username: 'eu.grace',
      roles: ['agent'],
      clearance: 'LIMITED',
    });
    expect(early.body.error.code).toBe('request.approval_required');
    await euAgent.post(`/tickets/${ref}/actions/request_approval`, {});
    expect((await chAgent.post(`/tickets/${ref}/actions/approve`, {})).status).toBe(200);
    // The other party's administrator cannot grant it; nor a clearance above the granter's own.
    expect(
      (
        await chAdmin.post(`/tickets/${ref}/grant-access`, {
          username: 'ch.grace',
          roles: ['agent'],
          clearance: 'LIMITED',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await euAdmin.post(`/tickets/${ref}/grant-access`, {
          username: 'eu.grace',
          roles: ['agent'],
          clearance: 'CRITICAL',
        })
      ).body.error.code,
    ).toBe('access_review.clearance_above_own');
    expect((await server.db.select().from(users).where(eq(users.username, 'eu.grace'))).length).toBe(0);
    const granted = await euAdmin.post(`/tickets/${ref}/grant-access`, {
      username: 'eu.grace',
      roles: ['agent'],
      clearance: 'LIMITED',
    });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ username: 'eu.grace', change: 'created' });
    const account = (await euAdmin.get('/parties/EU/accounts')).body.items.find(
      (a: { username: string }) => a.username === 'eu.grace',
    );
    const ticket = (await euAgent.get(`/tickets/${ref}`)).body;
    expect(account).toMatchObject({
      displayName: 'Grace Hopper',
      email: 'grace@example.org',
      accessRequestId: ticket.id,
    });
    expect(ticket.timeline.at(-1)).toMatchObject({
      kind: 'account_granted',
      data: { username: 'eu.grace', change: 'created' },
    });
    // The other party does not see the internal event.
    expect((await chAgent.get(`/tickets/${ref}`)).body.timeline.map((e: { kind: string }) => e.kind)).not.toContain(
      'account_granted',
    );
    // A second request changes an existing account instead.
    const ref2 = (
      await euAgent.post('/requests', {
        catalogueItem: 'tool_access',
        values: { person: 'Grace Hopper', email: 'grace@example.org', tool: 'passerelle', role: 'resolver' },
      })
    ).body.ref;
    await euAgent.post(`/tickets/${ref2}/actions/request_approval`, {});
    await chAgent.post(`/tickets/${ref2}/actions/approve`, {});
    const changed = await euAdmin.post(`/tickets/${ref2}/grant-access`, {
      userId: account.id,
      roles: ['agent', 'resolver'],
      clearance: 'LIMITED',
    });
    expect(changed.body).toMatchObject({ change: 'changed', link: null });
    expect((await server.db.select().from(users).where(eq(users.id, account.id)))[0]!.roles).toEqual([
      'agent',
      'resolver',
    ]);
  });

  it('keeps administration with party administrators: a security officer of the party is refused', async () => {
    // eu.security holds CRITICAL but is not a party administrator.
    expect((await euSecurity.get('/parties/EU/accounts')).status).toBe(403);
    const agent2 = await idOf('eu.agent2');
    expect((await euSecurity.patch(`/parties/EU/accounts/${agent2}`, { clearance: 'SENSITIVE' })).status).toBe(403);
    expect((await server.db.select().from(users).where(eq(users.id, agent2)))[0]!.clearance).toBe('LIMITED');
  });
});

function emptyContacts() {
  return { desk: { email: null, phone: null }, onCall: { name: null, email: null, phone: null } };
}
