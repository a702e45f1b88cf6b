import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

interface Hit {
  kind: string;
  ticketRef: string | null;
  title: string;
  excerpt: { text: string; match: boolean }[];
  rank: number;
}

/** COL-6: full text in French and English, ranked, highlighted — and only what the reader may see. */
describe.each(STORE_KINDS)('search (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euJunior: Client; // LIMITED clearance
  let chAgent: Client;
  let network: { ref: string };

  const search = async (client: Client, q: string, extra = '') => {
    const reply = await client.get(`/search?q=${encodeURIComponent(q)}${extra}`);
    expect(reply.status).toBe(200);
    return reply.body.results as Hit[];
  };
  const refs = (hits: Hit[]) => hits.map((h) => `${h.kind}:${h.ticketRef}`);

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAgent, euJunior, chAgent] = await Promise.all([
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'eu.agent2'),
      signIn(server.url, 'ch.agent'),
    ]);
    network = (
      await euAgent.post(
        '/incidents',
        incidentBody({
          title: 'Panne du réseau de la passerelle',
          description: 'Le réseau principal ne répond plus depuis 07:40; the network failures repeat every hour.',
        }),
      )
    ).body;
  });
  afterAll(() => server.close());

  it('finds French words whatever their accents and endings, and English words by their stem', async () => {
    for (const q of ['reseaux', 'réseaux', 'RÉSEAU', 'réseau passerelle']) {
      expect(refs(await search(euAgent, q)), q).toContain(`ticket:${network.ref}`);
    }
    expect(refs(await search(euAgent, 'networks failure'))).toContain(`ticket:${network.ref}`);
    expect(refs(await search(euAgent, 'ordinateur'))).not.toContain(`ticket:${network.ref}`);
  });

  it('highlights the words found in the original text, accents kept', async () => {
    const [hit] = (await search(euAgent, 'reseaux')).filter((h) => h.ticketRef === network.ref);
    const matched = hit!.excerpt.filter((p) => p.match).map((p) => p.text);
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((t) => t.toLowerCase() === 'réseau')).toBe(true);
    expect(hit!.excerpt.map((p) => p.text).join('')).toContain('réseau');
  });

  it('ranks a match in the title above a match in the description only', async () => {
    const inTitle = (await euAgent.post('/incidents', incidentBody({ title: 'Certificat expiré sur le pare-feu' })))
      .body;
    const inText = (
      await euAgent.post(
        '/incidents',
        incidentBody({ title: 'Lenteurs', description: 'Un certificat du proxy doit être renouvelé.' }),
      )
    ).body;
    const order = refs(await search(euAgent, 'certificats', '&kinds=ticket'));
    expect(order.indexOf(`ticket:${inTitle.ref}`)).toBeGreaterThanOrEqual(0);
    expect(order.indexOf(`ticket:${inTitle.ref}`)).toBeLessThan(order.indexOf(`ticket:${inText.ref}`));
  });

  it('keeps the list filter q= working with the same stemming', async () => {
    const { body } = await euAgent.get(`/tickets?q=${encodeURIComponent('reseaux')}`);
    expect(body.items.map((t: { ref: string }) => t.ref)).toContain(network.ref);
  });

  it("never finds another party's ticket, nor a ticket above the reader's clearance", async () => {
    const euOnly = (await euAgent.post('/incidents', incidentBody({ title: 'Hyperviseur saturé zorglub' }))).body;
    const secret = (
      await euAgent.post(
        '/incidents',
        incidentBody({
          title: 'Incident classifié',
          description: 'Clé compromise quetzalcoatl',
          sensitivity: 'SENSITIVE',
        }),
      )
    ).body;
    expect(refs(await search(euAgent, 'zorglub'))).toEqual([`ticket:${euOnly.ref}`]);
    expect(await search(chAgent, 'zorglub')).toEqual([]);
    await euAgent.post(`/tickets/${secret.ref}/actions/comment`, {
      body: 'Rotation du coatlicue',
      visibility: 'shared',
    });
    expect(refs(await search(euAgent, 'coatlicue'))).toEqual([`comment:${secret.ref}`]);
    expect(await search(euJunior, 'coatlicue')).toEqual([]);
    expect(refs(await search(euAgent, 'quetzalcoatl'))).toEqual([`ticket:${secret.ref}`]);
    expect(await search(euJunior, 'quetzalcoatl')).toEqual([]);
    expect((await chAgent.get('/tickets?q=zorglub')).body.items).toEqual([]);
    expect((await euJunior.get('/tickets?q=quetzalcoatl')).body.items).toEqual([]);
  });

  it('looks past the last two months only when they hold too few matches, under the same rule', async () => {
    const old = async (title: string, sensitivity = 'LIMITED') =>
      (await euAgent.post('/incidents', incidentBody({ title, sensitivity }))).body as { ref: string; id: string };
    const shared = await old('Archive pterodactyle partagée');
    const secret = await old('Archive pterodactyle classifiée', 'SENSITIVE');
    const euOnly = await old('Archive pterodactyle européenne');
    await euAgent.post(`/tickets/${shared.ref}/actions/comment`, {
      body: 'Note pterodactyle interne',
      visibility: 'internal',
    });
    await euAgent.post(`/tickets/${shared.ref}/actions/transfer`, { party: 'CH' });
    // Five months ago: the month lexemes of the search vectors follow created_at.
    const refs3 = [shared.ref, secret.ref, euOnly.ref];
    await server.db.execute(
      sql`update tickets set created_at = created_at - interval '150 days' where ref in (${sql.join(refs3, sql`, `)})`,
    );
    await server.db.execute(
      sql`update ticket_events set created_at = created_at - interval '150 days'
        where ticket_id in (select id from tickets where ref in (${sql.join(refs3, sql`, `)}))`,
    );
    const recent = await old('Récent pterodactyle');
    expect(refs(await search(euAgent, 'pterodactyle', '&kinds=ticket')).sort()).toEqual(
      [recent, shared, secret, euOnly].map((t) => `ticket:${t.ref}`).sort(),
    );
    expect(refs(await search(euAgent, 'pterodactyle', '&kinds=comment'))).toEqual([`comment:${shared.ref}`]);
    expect(refs(await search(euJunior, 'pterodactyle', '&kinds=ticket')).sort()).toEqual(
      [recent, shared, euOnly].map((t) => `ticket:${t.ref}`).sort(),
    );
    expect(refs(await search(chAgent, 'pterodactyle'))).toEqual([`ticket:${shared.ref}`]);
    // Enough recent matches: the older ones are not read.
    expect(refs(await search(euAgent, 'pterodactyle', '&kinds=ticket&limit=1'))).toEqual([`ticket:${recent.ref}`]);
  });

  it("finds known errors through their problem: never another party's, nor above the reader's clearance", async () => {
    const euResolver = await signIn(server.url, 'eu.resolver');
    const parties = (await euAgent.get('/parties')).body.items;
    const resolverGroup = parties
      .find((p: { id: string }) => p.id === 'EU')
      .groups.find((g: { kind: string }) => g.kind === 'resolver');
    const publish = async (sensitivity: string, symptoms: string) => {
      const incident = (await euAgent.post('/incidents', incidentBody({ sensitivity }))).body.ref;
      const problem = (
        await euAgent.post('/problems', {
          title: 'Nightly timeouts',
          service: 'link',
          impact: 'I2',
          incidents: [incident],
          sensitivity,
        })
      ).body.ref;
      await euAgent.post(`/tickets/${problem}/actions/assign`, { groupId: resolverGroup.id });
      await euResolver.post(`/tickets/${problem}/actions/record_root_cause`, { rootCause: 'Backup window' });
      const published = await euResolver.post(`/tickets/${problem}/actions/publish_known_error`, {
        symptoms,
        cause: 'Backup traffic saturates the firewall',
        workaround: 'Retry later',
      });
      expect(published.status).toBe(200);
      return problem as string;
    };
    const open = await publish('LIMITED', 'Ornithorynque time-outs');
    const secret = await publish('SENSITIVE', 'Échidné time-outs');
    expect(refs(await search(euAgent, 'ornithorynque'))).toEqual([`known_error:${open}`]);
    expect(refs(await search(euJunior, 'ornithorynque'))).toEqual([`known_error:${open}`]);
    expect(await search(chAgent, 'ornithorynque')).toEqual([]);
    expect(refs(await search(euAgent, 'echidne'))).toEqual([`known_error:${secret}`]);
    expect(await search(euJunior, 'echidne')).toEqual([]);
  });

  it('finds shared comments for every party of the ticket, internal ones only for the party that wrote them', async () => {
    const { body } = await euAgent.post('/incidents', incidentBody({ title: 'Routeur de bordure' }));
    await euAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'Note interne: suspicion brontosaure',
      visibility: 'internal',
    });
    await euAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'Merci de vérifier les diplodocus',
      visibility: 'shared',
    });
    // Before the transfer CH is not on the ticket: not even its shared comments.
    expect(await search(chAgent, 'diplodocus')).toEqual([]);
    const moved = await euAgent.post(`/tickets/${body.ref}/actions/transfer`, { party: 'CH' });
    expect(moved.status).toBe(200);
    await chAgent.post(`/tickets/${body.ref}/actions/comment`, {
      body: 'CH interne: règle ankylosaure fausse',
      visibility: 'internal',
    });

    expect(refs(await search(chAgent, 'diplodocus'))).toEqual([`comment:${body.ref}`]);
    expect(await search(chAgent, 'brontosaure')).toEqual([]);
    expect(refs(await search(euAgent, 'brontosaure'))).toEqual([`comment:${body.ref}`]);
    expect(await search(euAgent, 'ankylosaure')).toEqual([]);
    expect(refs(await search(chAgent, 'ankylosaure'))).toEqual([`comment:${body.ref}`]);
    const [hit] = await search(chAgent, 'diplodocus');
    expect(hit!.excerpt.find((p) => p.match)?.text).toBe('diplodocus');
  });

  it('answers nothing for a query without words, and 400 naming q for an empty or missing query', async () => {
    expect(await search(euAgent, '« — »')).toEqual([]);
    const empty = await euAgent.get('/search?q=');
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe('q');
    expect((await euAgent.get('/search')).status).toBe(400);
    const badKind = await euAgent.get('/search?q=x&kinds=nope');
    expect(badKind.status).toBe(400);
  });

  it('finds information exchanges (CBM-3) by any form of a word, never above the reader’s clearance', async () => {
    const euManager = await signIn(server.url, 'eu.manager'); // SENSITIVE clearance
    const post = (title: string, sensitivity: string) =>
      euManager.post('/exchanges', {
        kind: 'measures',
        title,
        language: 'fr',
        body: 'Mesures pour les réseaux',
        bodyEn: 'Network measures',
        sensitivity,
      });
    expect((await post('Durcissement des pare-feux', 'LIMITED')).status).toBe(201);
    expect((await post('Cartographie des équipements critiques', 'SENSITIVE')).status).toBe(201);
    const titles = (hits: Hit[]) => hits.filter((h) => h.kind === 'exchange').map((h) => h.title);
    expect(titles(await search(chAgent, 'pare feux'))).toEqual(['Durcissement des pare-feux']);
    expect(titles(await search(euAgent, 'equipement critique'))).toEqual(['Cartographie des équipements critiques']);
    // The translation is searched too; a LIMITED reader finds only the LIMITED submission.
    expect(titles(await search(euJunior, 'network', '&kinds=exchange')).sort()).toEqual(['Durcissement des pare-feux']);
    expect(titles(await search(euJunior, 'cartographie'))).toEqual([]);
  });
});
