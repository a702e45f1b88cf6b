import validateStrict from '@secvisogram/csaf-validator-lib/validateStrict.js';
import * as mandatory from '@secvisogram/csaf-validator-lib/mandatoryTests.js';
import * as schemaTests from '@secvisogram/csaf-validator-lib/schemaTests.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const notice = {
  title: 'Signature bypass in the link gateway',
  description: 'A crafted message passes the gateway signature check.',
  vendor: 'Passerelle consortium',
  product: 'Link gateway',
  productVersion: '4.2.1',
  cve: 'CVE-2026-12345',
  remediationCategory: 'workaround',
  remediation: 'Reject messages without a detached signature until 4.2.2.',
  sensitivity: 'SENSITIVE',
};

describe.each(STORE_KINDS)('vulnerability notices and CSAF (CBM-4) (%s)', (kind) => {
  let server: TestServer;
  let euSecurity: Client;
  let chSecurity: Client;
  let chAgent2: Client;
  let chResolver: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euSecurity, chSecurity, chAgent2, chResolver] = await Promise.all([
      signIn(server.url, 'eu.security'),
      signIn(server.url, 'ch.security'),
      signIn(server.url, 'ch.agent2'),
      signIn(server.url, 'ch.resolver'),
    ]);
  });
  afterAll(() => server.close());

  it('notifies the other party, revises the remediation and exports a CSAF 2.0 advisory that passes the mandatory tests', async () => {
    const created = await euSecurity.post('/vulnerabilities', notice);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      party: 'EU',
      tlp: 'AMBER',
      trackingId: expect.stringMatching(/^EU-VN-\d{4}-0001$/),
    });
    const id = created.body.id;
    // CH's security officer is told and reads it.
    const bell = await chSecurity.get('/notifications');
    expect(JSON.stringify(bell.body)).toContain(notice.title);
    expect((await chSecurity.get(`/vulnerabilities/${id}`)).body.title).toBe(notice.title);
    // Only EU changes its notice.
    const foreign = await chSecurity.post(`/vulnerabilities/${id}/remediation`, {
      remediationCategory: 'vendor_fix',
      remediation: 'x',
      summary: 'x',
    });
    expect(foreign.status).toBe(403);
    const revised = await euSecurity.post(`/vulnerabilities/${id}/remediation`, {
      remediationCategory: 'vendor_fix',
      remediation: 'Upgrade to 4.2.2.',
      summary: 'Fix released.',
      version: 1,
    });
    expect(revised.body).toMatchObject({ version: 2, remediationCategory: 'vendor_fix' });
    expect(revised.body.revisions.map((r: { number: string }) => r.number)).toEqual(['1', '2']);
    const stale = await euSecurity.post(`/vulnerabilities/${id}/remediation`, {
      remediationCategory: 'vendor_fix',
      remediation: 'y',
      summary: 'y',
      version: 1,
    });
    expect(stale.status).toBe(409);

    const csaf = await chSecurity.get(`/vulnerabilities/${id}/csaf`);
    expect(csaf.status).toBe(200);
    expect(csaf.body.document).toMatchObject({ csaf_version: '2.0', tracking: { version: '2' } });
    expect(csaf.body.document.distribution.tlp.label).toBe('AMBER');
    const tests = [...Object.values(schemaTests), ...Object.values(mandatory)];
    expect(tests.length).toBeGreaterThan(20);
    const result = await validateStrict(tests, csaf.body);
    const failed = result.tests.filter((t) => !t.isValid).map((t) => `${t.name}: ${JSON.stringify(t.errors)}`);
    expect(failed).toEqual([]);
    expect(result.isValid).toBe(true);
    // The validator does fail a broken advisory (so the check above can fail).
    const broken = structuredClone(csaf.body);
    broken.document.tracking.revision_history.pop();
    expect((await validateStrict(tests, broken)).isValid).toBe(false);
  });

  it('keeps a notice from a lower clearance on every path, and refuses bad input', async () => {
    const id = (
      await euSecurity.post('/vulnerabilities', { ...notice, title: 'Critical one', sensitivity: 'CRITICAL' })
    ).body.id;
    expect((await chAgent2.get(`/vulnerabilities/${id}`)).status).toBe(404);
    expect((await chAgent2.get(`/vulnerabilities/${id}/csaf`)).status).toBe(404);
    expect((await chAgent2.get('/vulnerabilities')).body.items.map((v: { id: string }) => v.id)).not.toContain(id);
    expect(JSON.stringify((await chAgent2.get('/notifications')).body)).not.toContain('Critical one');
    expect((await chSecurity.get(`/vulnerabilities/${id}`)).status).toBe(200);
    // A resolver does not notify; nobody notifies above their clearance.
    expect((await chResolver.post('/vulnerabilities', notice)).status).toBe(403);
    const bad = await euSecurity.post('/vulnerabilities', { ...notice, cve: 'CVE-12' }, { 'accept-language': 'fr' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('cve');
  });

  it('serves security.txt (RFC 9116) from the parties’ settings', async () => {
    const none = await fetch(`${server.url}/.well-known/security.txt`);
    expect(none.status).toBe(404);
    const expires = new Date(Date.now() + 200 * 86_400_000).toISOString();
    expect(
      (await chResolver.put('/parties/CH/security-txt', { fields: { contacts: ['mailto:csirt@ch.example'], expires } }))
        .status,
    ).toBe(403);
    expect(
      (await euSecurity.put('/parties/CH/security-txt', { fields: { contacts: ['mailto:x@eu.example'], expires } }))
        .status,
    ).toBe(403);
    const past = await euSecurity.put('/parties/EU/security-txt', {
      fields: { contacts: ['mailto:csirt@eu.example'], expires: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe('expires');
    const set = await euSecurity.put('/parties/EU/security-txt', {
      fields: {
        contacts: ['mailto:csirt@eu.example', 'tel:+3222991111'],
        expires,
        policy: ['https://eu.example/disclosure'],
        preferredLanguages: ['en', 'fr'],
      },
    });
    expect(set.status).toBe(200);
    const file = await fetch(`${server.url}/.well-known/security.txt`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    const text = await file.text();
    expect(text).toContain('Contact: mailto:csirt@eu.example\n');
    expect(text).toContain('Contact: tel:+3222991111\n');
    expect(text).toContain('Policy: https://eu.example/disclosure\n');
    expect(text).toContain('Preferred-Languages: en, fr\n');
    expect(text.match(/^Expires: /gm)).toHaveLength(1);
    expect(text).toMatch(/^Expires: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
  });
});
