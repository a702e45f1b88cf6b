import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCertificates } from '../../src/jobs/certificate-checks.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { makeCa, makeLeaf, type TestCa } from '../helpers/pki.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const DAY = 86_400_000;
const bare = (fp: string) => fp.replaceAll(':', '').toLowerCase();

describe.each(STORE_KINDS)('ISM-7 certificate register (%s)', (kind) => {
  let server: TestServer;
  let euAdmin: Client,
    chAdmin: Client,
    euSecurity: Client,
    chSecurity: Client,
    euAgent: Client,
    chAgent: Client,
    euChange: Client,
    chChange: Client;
  let ca: TestCa;
  let rogue: TestCa;
  let caId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const as = (username: string) => signIn(server.url, username);
    [euAdmin, chAdmin, euSecurity, chSecurity, euAgent, chAgent, euChange, chChange] = await Promise.all([
      as('eu.admin'),
      as('ch.admin'),
      as('eu.security'),
      as('ch.security'),
      as('eu.agent'),
      as('ch.agent'),
      as('eu.change'),
      as('ch.change'),
    ]);
    [ca, rogue] = await Promise.all([makeCa('Joint Link Root CA'), makeCa('Rogue CA')]);
  });
  afterAll(() => server.close());

  /** Registered by EU's security officer, verified by CH's, installed and put in use by EU's admin. */
  async function certificateInUse(name: string) {
    const leaf = await makeLeaf(ca, `${name}.eu.example`);
    const created = await euSecurity.post('/certificates', { name, usage: 'link-tls', pem: leaf.pem });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (
        await chSecurity.post(`/certificates/${id}/verify`, {
          channel: 'phone',
          counterpart: 'EU duty officer',
          fingerprint: leaf.fingerprint,
        })
      ).status,
    ).toBe(200);
    expect((await euAdmin.post(`/certificates/${id}/install`, {})).body.state).toBe('installed');
    expect((await euAdmin.post(`/certificates/${id}/use`, {})).body.state).toBe('in_use');
    return { id, leaf };
  }

  /** The other party reviews the change's assessment, then both CABs decide. */
  async function jointCab(ref: string, chDecision: 'approve' | 'reject' = 'approve') {
    const reviewed = await chChange.post(`/tickets/${ref}/actions/review_assessment`, {
      agree: true,
      comment: 'CH agrees',
    });
    expect(reviewed.body.status).toBe('awaiting_approval');
    expect((await euChange.post(`/tickets/${ref}/actions/approve`, { note: 'EU CAB' })).body.status).toBe(
      'awaiting_approval',
    );
    const last = await chChange.post(
      `/tickets/${ref}/actions/${chDecision}`,
      chDecision === 'approve' ? { note: 'CH CAB' } : { reason: 'Not now' },
    );
    expect(last.body.status).toBe(chDecision === 'approve' ? 'approved' : 'rejected');
  }

  it('refuses what is not one PEM certificate, naming the field', async () => {
    const garbage = await euAdmin.post('/trusted-cas', { name: 'x', pem: 'not a certificate' });
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatchObject({ code: 'validation.invalid', field: 'pem' });
    const lines = ca.pem.trim().split('\n');
    const truncated = [...lines.slice(0, 2), ...lines.slice(3)].join('\n');
    expect((await euAdmin.post('/trusted-cas', { name: 'x', pem: truncated })).body.error.field).toBe('pem');
    const twoInOne = await euAdmin.post('/trusted-cas', { name: 'x', pem: `${ca.pem}\n${rogue.pem}` });
    expect(twoInOne.body.error.field).toBe('pem');
    const leaf = await makeLeaf(ca, 'leaf.example');
    const notCa = await euAdmin.post('/trusted-cas', { name: 'leaf', pem: leaf.pem });
    expect(notCa.status).toBe(400);
    expect(notCa.body.error.message).toMatch(/certification authority/);
    const badCert = await euSecurity.post('/certificates', {
      name: 'x',
      usage: 'link-tls',
      pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
    });
    expect(badCert.status).toBe(400);
    expect(badCert.body.error.field).toBe('pem');
    expect((await euSecurity.post('/certificates', { name: 'x', usage: 'link-tls' })).body.error.field).toBe('pem');
  });

  it('counts a CA only once every party trusts it, each through its own administrator', async () => {
    expect((await euSecurity.post('/trusted-cas', { name: 'Joint root', pem: ca.pem })).status).toBe(403);
    const added = await euAdmin.post('/trusted-cas', { name: 'Joint root', pem: ca.pem });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      trustedBy: ['EU'],
      trustedByAll: false,
      subject: 'CN=Joint Link Root CA, O=Passerelle tests',
    });
    caId = added.body.id;
    expect((await chAdmin.post('/trusted-cas', { name: 'again', pem: ca.pem })).body.error.code).toBe(
      'certificate.ca_exists',
    );

    const leaf = await makeLeaf(ca, 'early.eu.example');
    const early = await euSecurity.post('/certificates', { name: 'early', usage: 'link-tls', pem: leaf.pem });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('certificate.untrusted_issuer');

    expect((await chAgent.post(`/trusted-cas/${caId}/trust`)).status).toBe(403);
    expect((await chAdmin.post('/trusted-cas/00000000-0000-4000-8000-000000000000/trust')).status).toBe(404);
    const trusted = await chAdmin.post(`/trusted-cas/${caId}/trust`);
    expect(trusted.body).toMatchObject({ trustedBy: ['EU', 'CH'], trustedByAll: true });
    expect((await euSecurity.post('/certificates', { name: 'early', usage: 'link-tls', pem: leaf.pem })).status).toBe(
      201,
    );
    // A CA only one party trusts is on the list but does not count.
    await euAdmin.post('/trusted-cas', { name: 'EU-only', pem: rogue.pem });
    const byRogue = await makeLeaf(rogue, 'rogue.eu.example');
    expect(
      (await euSecurity.post('/certificates', { name: 'rogue', usage: 'link-tls', pem: byRogue.pem })).body.error.code,
    ).toBe('certificate.untrusted_issuer');
    expect(
      (await euAgent.get('/trusted-cas')).body.items.map((c: { trustedByAll: boolean }) => c.trustedByAll),
    ).toEqual([true, false]);
  });

  it('registers a certificate with the fields read from it, and only a signature by the trusted CA counts', async () => {
    const leaf = await makeLeaf(ca, 'api.eu.example', { days: 200 });
    expect((await euAgent.post('/certificates', { name: 'API', usage: 'api-tls', pem: leaf.pem })).status).toBe(403);
    const created = await euSecurity.post('/certificates', { name: 'API', usage: 'api-tls', pem: leaf.pem });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      party: 'EU',
      subject: 'CN=api.eu.example, O=Passerelle tests',
      issuer: 'CN=Joint Link Root CA, O=Passerelle tests',
      fingerprint: leaf.fingerprint,
      notAfter: leaf.notAfter.toISOString(),
      caId,
      state: 'registered',
      usable: false,
      verification: null,
    });
    expect(created.body.serial).toMatch(/^[0-9A-F]+$/);
    expect(
      (await euAdmin.post('/certificates', { name: 'API again', usage: 'api-tls', pem: leaf.pem })).body.error.code,
    ).toBe('certificate.exists');
    // Names the trusted CA as issuer (and its key identifier) but is signed by another key.
    const forged = await makeLeaf(ca, 'forged.eu.example', { signer: rogue });
    const refused = await euSecurity.post('/certificates', { name: 'forged', usage: 'api-tls', pem: forged.pem });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('certificate.untrusted_issuer');
    // Any signed-in user of a party on the link reads the register, PEM included.
    const list = await chAgent.get('/certificates?party=EU');
    expect(list.status).toBe(200);
    expect(list.body.items.find((c: { id: string }) => c.id === created.body.id).pem.trim()).toBe(
      leaf.pem.replaceAll('\r\n', '\n').trim(),
    );
    expect((await chAgent.get('/certificates?party=CH')).body.items).toEqual([]);
    expect((await chAgent.get('/certificates?party=XX')).status).toBe(404);
  });

  it('makes a certificate usable only after a matching out-of-band fingerprint verification, recorded', async () => {
    const leaf = await makeLeaf(ca, 'link.eu.example');
    const { id } = (await euSecurity.post('/certificates', { name: 'Link', usage: 'link-tls', pem: leaf.pem })).body;
    expect((await euAdmin.post(`/certificates/${id}/install`, {})).body.error.code).toBe('certificate.state_invalid');
    const body = { channel: 'phone', counterpart: 'Anna Keller (CH security)', fingerprint: leaf.fingerprint };
    expect((await euSecurity.post(`/certificates/${id}/verify`, body)).status).toBe(403); // who registered it does not verify it
    expect((await chAgent.post(`/certificates/${id}/verify`, body)).status).toBe(403);
    expect((await chSecurity.post(`/certificates/${id}/verify`, { ...body, channel: 'email' })).body.error.field).toBe(
      'channel',
    );
    expect(
      (await chSecurity.post(`/certificates/${id}/verify`, { ...body, fingerprint: 'abc' })).body.error.field,
    ).toBe('fingerprint');
    const other = await makeLeaf(ca, 'other.example');
    const mismatch = await chSecurity.post(`/certificates/${id}/verify`, { ...body, fingerprint: other.fingerprint });
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error).toMatchObject({ code: 'certificate.fingerprint_mismatch', field: 'fingerprint' });
    expect((await euAgent.get(`/certificates/${id}`)).body).toMatchObject({
      state: 'registered',
      usable: false,
      verification: null,
    });

    // Read out over the phone: lower case, no colons.
    const verified = await chSecurity.post(`/certificates/${id}/verify`, {
      ...body,
      fingerprint: bare(leaf.fingerprint),
    });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      state: 'verified',
      usable: true,
      verification: {
        by: 'CH Security Officer',
        party: 'CH',
        channel: 'phone',
        counterpart: 'Anna Keller (CH security)',
        fingerprint: leaf.fingerprint,
      },
    });
    expect(Date.parse(verified.body.verification.at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await chSecurity.post(`/certificates/${id}/verify`, body)).body.error.code).toBe(
      'certificate.state_invalid',
    );
    expect((await chAdmin.post(`/certificates/${id}/install`, {})).status).toBe(403);
    expect((await euAdmin.post(`/certificates/${id}/use`, {})).body.error.code).toBe('certificate.state_invalid');
    expect((await euAdmin.post(`/certificates/${id}/install`, { note: 'on the link gateway' })).body.state).toBe(
      'installed',
    );
    const inUse = await euAdmin.post(`/certificates/${id}/use`, {});
    expect(inUse.body.state).toBe('in_use');
    expect(inUse.body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'registered',
      'verified',
      'installed',
      'in_use',
    ]);
  });

  it('revokes a certificate only once the joint change is approved by both parties', async () => {
    const { id } = await certificateInUse('revoked-link');
    expect((await euAgent.post(`/certificates/${id}/revocation`, { reason: 'Key compromised' })).status).toBe(403);
    expect((await chSecurity.post(`/certificates/${id}/revocation`, { reason: 'Key compromised' })).status).toBe(403);
    const asked = await euSecurity.post(`/certificates/${id}/revocation`, {
      reason: 'Private key exposed in a backup',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.change.status).toBe('in_review');
    expect(asked.body.certificate).toMatchObject({
      state: 'in_use',
      pendingChange: 'revocation',
      change: { ref: asked.body.change.ref },
    });
    const ref = asked.body.change.ref as string;
    expect((await euSecurity.post(`/certificates/${id}/revocation`, { reason: 'again' })).body.error.code).toBe(
      'certificate.change_pending',
    );
    expect((await euSecurity.post(`/certificates/${id}/renewal`, { reason: 'instead' })).status).toBe(409);

    const change = (await chChange.get(`/tickets/${ref}`)).body;
    expect(change).toMatchObject({
      type: 'change',
      ownerParty: 'EU',
      details: { kind: 'normal', origin: { kind: 'maintenance', reference: `certificate:${id}` } },
    });
    expect([...change.details.assessment.affectedParties].sort()).toEqual(['CH', 'EU']);
    expect(change.participants).toEqual(expect.arrayContaining(['EU', 'CH']));
    const asks = (await chChange.get('/notifications')).body.items;
    expect(
      asks.some((n: { kind: string; ticketRef: string }) => n.kind === 'approval_needed' && n.ticketRef === ref),
    ).toBe(true);

    await chChange.post(`/tickets/${ref}/actions/review_assessment`, { agree: true, comment: 'CH agrees' });
    await euChange.post(`/tickets/${ref}/actions/approve`, {});
    // One CAB is not enough.
    expect((await chAgent.get(`/certificates/${id}`)).body.state).toBe('in_use');
    expect((await chChange.post(`/tickets/${ref}/actions/approve`, {})).body.status).toBe('approved');
    const revoked = (await chAgent.get(`/certificates/${id}`)).body;
    expect(revoked).toMatchObject({ state: 'revoked', usable: false, pendingChange: null });
    expect(revoked.history.at(-1)).toMatchObject({
      kind: 'revocation_approved',
      changeRef: ref,
      from: 'in_use',
      to: 'revoked',
    });
    expect((await euAdmin.post(`/certificates/${id}/install`, {})).status).toBe(409);
    expect((await euSecurity.post(`/certificates/${id}/revocation`, { reason: 'twice' })).body.error.code).toBe(
      'certificate.state_invalid',
    );
  });

  it('renews through a joint change: a rejection restores the certificate, an approval admits its replacement', async () => {
    const { id } = await certificateInUse('renewed-link');
    const first = await euAdmin.post(`/certificates/${id}/renewal`, { reason: 'Expires in two months' });
    expect(first.body.certificate).toMatchObject({ state: 'renewal', pendingChange: 'renewal', usable: true });
    const replacement = await makeLeaf(ca, 'renewed-link-2.eu.example', { days: 400 });
    const early = await euSecurity.post('/certificates', {
      name: 'renewed-link 2',
      usage: 'link-tls',
      pem: replacement.pem,
      renews: id,
    });
    expect(early.body.error).toMatchObject({ code: 'certificate.renewal_not_approved', field: 'renews' });

    await jointCab(first.body.change.ref, 'reject');
    // The background check settles it as well as a read would.
    expect((await checkCertificates(server.db)).settled).toBe(1);
    expect((await euAgent.get(`/certificates/${id}`)).body).toMatchObject({ state: 'in_use', pendingChange: null });

    const second = await euAdmin.post(`/certificates/${id}/renewal`, {
      reason: 'Expires in two months; CH agrees now',
    });
    expect(second.status).toBe(201);
    await jointCab(second.body.change.ref);
    expect((await euAgent.get(`/certificates/${id}`)).body.history.at(-1)).toMatchObject({
      kind: 'renewal_approved',
      changeRef: second.body.change.ref,
    });
    expect((await checkCertificates(server.db)).settled).toBe(0);
    const renewed = await euSecurity.post('/certificates', {
      name: 'renewed-link 2',
      usage: 'link-tls',
      pem: replacement.pem,
      renews: id,
    });
    expect(renewed.status).toBe(201);
    expect(renewed.body.history[0]).toMatchObject({ kind: 'registered', renews: id });
    expect((await euAgent.get(`/certificates/${id}`)).body.history.at(-1)).toMatchObject({
      kind: 'renewed_by',
      certificateId: renewed.body.id,
    });
  });

  it("warns the owning party's security officers and administrators at 60, 30 and 7 days, each once", async () => {
    const leaf = await makeLeaf(ca, 'expiring.eu.example', { days: 90 });
    const { id } = (await euSecurity.post('/certificates', { name: 'Expiring', usage: 'console-tls', pem: leaf.pem }))
      .body;
    await chSecurity.post(`/certificates/${id}/verify`, {
      channel: 'video',
      counterpart: 'EU security',
      fingerprint: leaf.fingerprint,
    });
    const end = leaf.notAfter.getTime();
    const mine = async (client: Client) =>
      (
        (await client.get('/notifications?limit=200')).body.items as {
          kind: string;
          subject: string;
          body: string;
          ticketRef: string | null;
        }[]
      ).filter((n) => n.kind === 'certificate_expiring' && n.body.includes('"Expiring"'));

    expect((await checkCertificates(server.db, new Date(end - 61 * DAY))).warned).toBe(0);
    expect((await checkCertificates(server.db, new Date(end - 59.5 * DAY))).warned).toBe(1);
    expect((await checkCertificates(server.db, new Date(end - 59 * DAY))).warned).toBe(0);
    expect((await mine(euSecurity)).map((n) => n.subject)).toEqual(['Certificate Expiring expires in 60 days']);
    expect(await mine(euAdmin)).toHaveLength(1);
    expect(await mine(euAgent)).toHaveLength(0);
    expect(await mine(chSecurity)).toHaveLength(0);
    const [note] = await mine(euSecurity);
    expect(note!.ticketRef).toBeNull();
    expect(note!.body).toContain(leaf.fingerprint);

    expect((await checkCertificates(server.db, new Date(end - 29.5 * DAY))).warned).toBe(1);
    expect((await checkCertificates(server.db, new Date(end - 6.5 * DAY))).warned).toBe(1);
    expect((await checkCertificates(server.db, new Date(end - 6 * DAY))).warned).toBe(0);
    expect((await mine(euSecurity)).map((n) => n.subject)).toEqual([
      'Certificate Expiring expires in 7 days',
      'Certificate Expiring expires in 30 days',
      'Certificate Expiring expires in 60 days',
    ]);
    const fr = await signIn(server.url, 'eu.security');
    const inFrench = (await fr.get('/notifications', { 'accept-language': 'fr' })).body.items.find(
      (n: { kind: string }) => n.kind === 'certificate_expiring',
    );
    expect(inFrench.subject).toMatch(/^Le certificat .* expire dans \d+ jours$/);
    expect((await euAgent.get(`/certificates/${id}`)).body.alerts.sort()).toEqual(['30', '60', '7']);

    await checkCertificates(server.db, new Date(end + 1000));
    expect((await euAgent.get(`/certificates/${id}`)).body.state).toBe('expired');
  });
});
