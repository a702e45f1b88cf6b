import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

/** COL-4: pages in safe Markdown, versions and diffs, per-page parties and level, links, joint approval. */
describe.each(STORE_KINDS)('wiki (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euJunior: Client; // LIMITED clearance
  let euAuditor: Client;
  let chAgent: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAgent, euJunior, euAuditor, chAgent] = await Promise.all([
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'eu.agent2'),
      signIn(server.url, 'eu.auditor'),
      signIn(server.url, 'ch.agent'),
    ]);
  });
  afterAll(() => server.close());

  const page = (slug: string, extra: Record<string, unknown> = {}) => ({
    slug,
    title: 'Procédure de bascule',
    body: '# Bascule\n\nArrêter le **lien**, puis redémarrer.',
    parties: ['EU', 'CH'],
    sensitivity: 'LIMITED',
    ...extra,
  });

  it('renders Markdown without any script, event handler or javascript: link', async () => {
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[clic](javascript:alert(3))',
      '[ok](https://example.org/doc)',
      '**gras**',
    ].join('\n\n');
    expect((await euAgent.post('/wiki/pages', page('unsafe', { body }))).status).toBe(201);
    const { body: got } = await euAgent.get('/wiki/pages/unsafe');
    // Raw HTML is shown as text (escaped); no element or attribute can run anything.
    expect(got.html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript/i);
    expect(got.html).toContain('&lt;script&gt;');
    expect(got.html).toContain('<strong>gras</strong>');
    expect(got.html).toContain('href="https://example.org/doc"');
    expect(got.body).toBe(body);
  });

  it('keeps versions and shows the differences between two of them', async () => {
    await euAgent.post('/wiki/pages', page('bascule'));
    const stale = await chAgent.put('/wiki/pages/bascule', { version: 1, body: 'Arrêter le lien.\n\nPrévenir la CH.' });
    expect(stale.status).toBe(200);
    const conflict = await euAgent.put('/wiki/pages/bascule', { version: 1, body: 'autre' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('wiki.version_conflict');
    const { body } = await euAgent.get('/wiki/pages/bascule');
    expect(body.version).toBe(2);
    expect(body.versions.map((v: { version: number; party: string }) => [v.version, v.party])).toEqual([
      [2, 'CH'],
      [1, 'EU'],
    ]);
    const diff = await euAgent.get('/wiki/pages/bascule/diff?from=1&to=2');
    expect(diff.status).toBe(200);
    const added = diff.body.changes
      .filter((c: { op: string }) => c.op === 'added')
      .map((c: { text: string }) => c.text)
      .join('');
    const removed = diff.body.changes
      .filter((c: { op: string }) => c.op === 'removed')
      .map((c: { text: string }) => c.text)
      .join('');
    expect(added).toContain('Prévenir la CH.');
    expect(removed).toContain('redémarrer');
    expect((await euAgent.get('/wiki/pages/bascule/diff?from=1&to=9')).status).toBe(404);
  });

  it('hides a page from a party not on it and from a reader below its level, on every path (page, list, diff, search, backlinks)', async () => {
    const ticket = (await euAgent.post('/incidents', incidentBody())).body;
    await euAgent.post('/wiki/pages', page('eu-seule', { parties: ['EU'], body: 'Mot unique ornithorynque.' }));
    await euAgent.post('/wiki/pages', page('sensible', { sensitivity: 'SENSITIVE', body: 'Mot unique tamanoir.' }));
    expect((await euAgent.post('/wiki/pages/eu-seule/links', { ticket: ticket.ref })).status).toBe(200);
    expect((await euAgent.post('/wiki/pages/sensible/links', { ticket: ticket.ref })).status).toBe(200);

    for (const [client, slug, word] of [
      [chAgent, 'eu-seule', 'ornithorynque'],
      [euJunior, 'sensible', 'tamanoir'],
    ] as const) {
      const got = await client.get(`/wiki/pages/${slug}`);
      expect(got.status).toBe(404);
      expect(got.body.error.code).toBe('wiki.not_found');
      expect((await client.get(`/wiki/pages/${slug}/diff?from=1&to=1`)).status).toBe(404);
      expect((await client.put(`/wiki/pages/${slug}`, { version: 1, body: 'x' })).status).toBe(404);
      const list = (await client.get('/wiki/pages')).body.items.map((p: { slug: string }) => p.slug);
      expect(list).not.toContain(slug);
      expect((await client.get(`/search?q=${word}`)).body.results).toEqual([]);
    }
    expect((await euAgent.get('/search?q=tamanoir')).body.results.map((r: { kind: string }) => r.kind)).toEqual([
      'wiki',
    ]);
    // Back from the ticket: the EU agent sees both pages, the junior only the LIMITED one.
    const back = async (client: Client) =>
      (await client.get(`/tickets/${ticket.ref}/wiki-pages`)).body.items.map((p: { slug: string }) => p.slug).sort();
    expect(await back(euAgent)).toEqual(['eu-seule', 'sensible']);
    expect(await back(euJunior)).toEqual(['eu-seule']);
    // CH may not see the EU ticket at all.
    expect((await chAgent.get(`/tickets/${ticket.ref}/wiki-pages`)).status).toBe(404);
  });

  it('lists on a page only the linked tickets its reader may see, and refuses a link to an invisible ticket', async () => {
    await euAgent.post('/wiki/pages', page('liens'));
    const euTicket = (await euAgent.post('/incidents', incidentBody({ title: 'EU seulement' }))).body;
    const chTicket = (await chAgent.post('/incidents', incidentBody({ title: 'CH seulement' }))).body;
    expect((await euAgent.post('/wiki/pages/liens/links', { ticket: euTicket.ref })).status).toBe(200);
    expect((await chAgent.post('/wiki/pages/liens/links', { ticket: chTicket.ref })).status).toBe(200);
    const refused = await chAgent.post('/wiki/pages/liens/links', { ticket: euTicket.ref });
    expect(refused.status).toBe(404);
    const linked = async (client: Client) =>
      (await client.get('/wiki/pages/liens')).body.tickets.map((t: { ref: string }) => t.ref);
    expect(await linked(euAgent)).toEqual([euTicket.ref]);
    expect(await linked(chAgent)).toEqual([chTicket.ref]);
  });

  it('lets only the owning party change who reads a page, never above its own clearance', async () => {
    await euAgent.post('/wiki/pages', page('audience'));
    const ch = await chAgent.put('/wiki/pages/audience', { version: 1, parties: ['CH'] });
    expect(ch.status).toBe(403);
    expect(ch.body.error.code).toBe('wiki.owner_only');
    const junior = await euJunior.put('/wiki/pages/audience', { version: 1, sensitivity: 'SENSITIVE' });
    expect(junior.status).toBe(403);
    expect((await euJunior.post('/wiki/pages', page('trop-haut', { sensitivity: 'SENSITIVE' }))).status).toBe(403);
    const without = await euAgent.post('/wiki/pages', page('sans-moi', { parties: ['CH'] }));
    expect(without.status).toBe(400);
    expect(without.body.error.field).toBe('parties');
    expect((await euAuditor.put('/wiki/pages/audience', { version: 1, body: 'x' })).status).toBe(403);
    const dup = await euAgent.post('/wiki/pages', page('audience'));
    expect(dup.status).toBe(409);
    const bad = await euAgent.post('/wiki/pages', page('Pas Un Slug'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('slug');
  });

  it('approves a technical guideline version only when every party of the page has approved it', async () => {
    await euAgent.post('/wiki/pages', page('directive', { kind: 'guideline' }));
    await euAgent.post('/wiki/pages', page('simple'));
    expect((await euAgent.post('/wiki/pages/simple/versions/1/submit', {})).body.error.code).toBe('wiki.not_guideline');
    const early = await euAgent.post('/wiki/pages/directive/versions/1/approve', {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('wiki.not_submitted');
    expect((await euAgent.post('/wiki/pages/directive/versions/1/submit', {})).status).toBe(200);
    const eu = await euAgent.post('/wiki/pages/directive/versions/1/approve', {});
    expect(eu.body).toMatchObject({ version: 1, approved: false });
    let detail = (await chAgent.get('/wiki/pages/directive')).body;
    expect(detail.approvedVersion).toBeNull();
    expect(detail.versions[0].awaiting).toEqual(['CH']);
    // A party not on the page cannot approve for it: it does not even see the page.
    await euAgent.post('/wiki/pages', page('directive-eu', { kind: 'guideline', parties: ['EU'] }));
    await euAgent.post('/wiki/pages/directive-eu/versions/1/submit', {});
    expect((await chAgent.post('/wiki/pages/directive-eu/versions/1/approve', {})).status).toBe(404);
    const ch = await chAgent.post('/wiki/pages/directive/versions/1/approve', {});
    expect(ch.body).toMatchObject({ version: 1, approved: true });
    detail = (await euAgent.get('/wiki/pages/directive')).body;
    expect(detail.approvedVersion).toBe(1);
    expect(detail.jointlyApproved).toBe(true);
    expect(detail.versions[0].approvals.map((a: { party: string }) => a.party).sort()).toEqual(['CH', 'EU']);
    // A later edit is a new version, not approved until it is submitted and approved in turn.
    await chAgent.put('/wiki/pages/directive', { version: 1, body: 'Nouvelle règle.' });
    detail = (await euAgent.get('/wiki/pages/directive')).body;
    expect(detail.version).toBe(2);
    expect(detail.approvedVersion).toBe(1);
    expect((await euAuditor.post('/wiki/pages/directive/versions/2/approve', {})).status).toBe(403);
  });
});
