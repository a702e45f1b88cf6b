import { eq, sql } from 'drizzle-orm';
import { forgetAllowlists } from '../../src/services/access/allowlist-cache.ts';
import { deleteAllowlistEntry, insertAllowlistEntry } from '../../src/store/access.ts';
import { parties } from '../../src/store/schema/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWith, incidentBody, signInHeaders, withToken, type Client } from '../helpers/client.ts';
import { openEventStream, type EventStream, type StreamEvent } from '../helpers/event-stream.ts';
import { STORE_KINDS } from '../helpers/store.ts';
import { startTestServer } from '../helpers/server.ts';
import { useServer } from '../helpers/suite.ts';

const about = (ref: string) => (e: StreamEvent) => e.event === 'ticket' && (e.data as { ref: string }).ref === ref;

describe.each(STORE_KINDS)('live updates by server-sent events (%s)', (kind) => {
  const { server, as } = useServer(kind, {
    EVENTS_HEARTBEAT_MS: '200',
    EVENTS_RECHECK_MS: '200',
    EVENT_STREAMS_PER_SESSION: '2',
    EVENT_STREAMS_PER_USER: '3',
    TRUST_PROXY: 'true',
  });
  const euAgent = as('eu.agent'); // SENSITIVE
  const chAgent = as('ch.agent');

  const streamOf = async (username: string) => {
    const headers = await signInHeaders(server.url, username);
    const stream = await openEventStream(server.url, headers);
    expect(stream.status).toBe(200);
    return { stream, client: clientWith(server.url, headers), headers };
  };
  const create = async (who: Client, overrides: Record<string, unknown>) => {
    const created = await who.post('/incidents', incidentBody(overrides));
    expect(created.status).toBe(201);
    return created.body as { id: string; ref: string; version: number };
  };
  /** `later` was created after `earlier`: once its event is in, any event of `earlier` would be too. */
  const receivedBefore = async (stream: EventStream, laterRef: string) => {
    await stream.next(about(laterRef));
    return stream.events.filter((e) => e.event === 'ticket').map((e) => (e.data as { ref: string }).ref);
  };

  it("sends a reader each change of a ticket it may see — id, reference and version only — and nothing of another party's tickets", async () => {
    const { stream } = await streamOf('eu.agent');
    const mine = await create(euAgent, { title: 'Live EU ticket' });
    const created = await stream.next(about(mine.ref));
    expect(created.data).toEqual({ id: mine.id, ref: mine.ref, version: mine.version });

    const chOnly = await create(chAgent, { title: 'Live CH only' });
    const commented = await euAgent.post(`/tickets/${mine.ref}/actions/comment`, {
      body: 'A shared comment',
      visibility: 'shared',
    });
    expect(commented.status).toBe(200);
    await stream.next((e) => about(mine.ref)(e) && (e.data as { version: number }).version === commented.body.version);
    expect(stream.events.some(about(chOnly.ref))).toBe(false);

    // Handed to CH: from then on, CH's readers hear of it too; an internal note of EU tells them only that it changed.
    const ch = await streamOf('ch.agent');
    const transferred = await euAgent.post(`/tickets/${mine.ref}/actions/transfer`, { party: 'CH', reason: 'CH side' });
    expect(transferred.status).toBe(200);
    await ch.stream.next(about(mine.ref));
    const note = await euAgent.post(`/tickets/${mine.ref}/actions/comment`, {
      body: 'Internal: secret reasoning',
      visibility: 'internal',
    });
    expect(note.status).toBe(200);
    const heard = await ch.stream.next(
      (e) => about(mine.ref)(e) && (e.data as { version: number }).version === note.body.version,
    );
    expect(heard.data).toEqual({ id: mine.id, ref: mine.ref, version: note.body.version });
    expect(JSON.stringify(ch.stream.events)).not.toContain('secret');
    stream.close();
    ch.stream.close();
  });

  it("sends nothing about a ticket above the reader's clearance", async () => {
    const { stream } = await streamOf('eu.agent2'); // LIMITED
    const secret = await create(euAgent, { title: 'Live sensitive', sensitivity: 'SENSITIVE' });
    const open = await create(euAgent, { title: 'Live limited', sensitivity: 'LIMITED' });
    expect(await receivedBefore(stream, open.ref)).not.toContain(secret.ref);
    // Raised above the reader's clearance: its later changes are no longer announced to them.
    const raised = await euAgent.patch(`/tickets/${open.ref}`, { sensitivity: 'SENSITIVE', version: open.version });
    expect(raised.status).toBe(200);
    await euAgent.post(`/tickets/${open.ref}/actions/comment`, { body: 'After raising', visibility: 'shared' });
    const after = await create(euAgent, { title: 'Live limited again', sensitivity: 'LIMITED' });
    await stream.next(about(after.ref));
    const versions = stream.events.filter(about(open.ref)).map((e) => (e.data as { version: number }).version);
    expect(versions).toEqual([open.version]);
    stream.close();
  });

  it('ends the stream of a session that signs out, and keeps heartbeats flowing meanwhile', async () => {
    const { stream, client } = await streamOf('eu.agent');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.comments).toBeGreaterThan(0);
    expect((await client.post('/auth/logout')).status).toBe(204);
    const end = await stream.next((e) => e.event === 'end');
    expect(end.data).toEqual({ reason: 'signed_out' });
    await stream.closed;
    // Reconnecting with the ended session is refused.
    expect((await openEventStream(server.url, {})).status).toBe(401);
  });

  it('ends the stream of a revoked API token', async () => {
    const token = (await euAgent.post('/me/tokens', { name: 'live' })).body as { id: string; token: string };
    const stream = await openEventStream(server.url, { authorization: `Bearer ${token.token}` });
    expect(stream.status).toBe(200);
    const mine = await create(withToken(server.url, token.token), { title: 'Live by token' });
    await stream.next(about(mine.ref));
    expect((await euAgent.del(`/me/tokens/${token.id}`)).status).toBe(204);
    expect((await stream.next((e) => e.event === 'end')).data).toEqual({ reason: 'signed_out' });
    await stream.closed;
  });

  // PostgreSQL only: the node's LISTEN connection is its own, and may be lost (restart, failover).
  if (kind === 'postgres')
    it('tells the streams to re-read after the LISTEN connection was lost, and keeps announcing changes', async () => {
      const { stream } = await streamOf('eu.agent');
      const first = await create(euAgent, { title: 'Live before the loss' });
      await stream.next(about(first.ref));
      const ended = await server.db.execute(
        sql`select pg_terminate_backend(pid) from pg_stat_activity
            where datname = current_database() and query = 'LISTEN ticket_changed'`,
      );
      expect((ended as unknown as { rows: unknown[] }).rows.length).toBe(1);
      await stream.next((e) => e.event === 'resync', 10_000);
      const second = await create(euAgent, { title: 'Live after the loss' });
      await stream.next(about(second.ref));
      stream.close();
    });

  it('limits the open streams per session and frees a place when a stream is closed', async () => {
    const headers = await signInHeaders(server.url, 'eu.agent');
    const first = await openEventStream(server.url, headers);
    const second = await openEventStream(server.url, headers);
    const third = await openEventStream(server.url, headers);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 429]);
    first.close();
    await expect
      .poll(async () => {
        const again = await openEventStream(server.url, headers);
        again.close();
        return again.status;
      })
      .toBe(200);
    second.close();
  });

  it("ends a stream whose address has left its party's allow-list, and keeps one opened from inside it", async () => {
    const headers = await signInHeaders(server.url, 'eu.agent');
    const inside = await openEventStream(server.url, { ...headers, 'x-forwarded-for': '203.0.113.10' });
    const outside = await openEventStream(server.url, { ...headers, 'x-forwarded-for': '198.51.100.7' });
    expect([inside.status, outside.status]).toEqual([200, 200]);
    const entry = { partyId: 'EU', cidr: '203.0.113.0/24', note: 'live test', requestId: null, createdAt: new Date() };
    await insertAllowlistEntry(server.db, entry);
    forgetAllowlists(server.db);
    try {
      expect((await outside.next((e) => e.event === 'end')).data).toEqual({ reason: 'signed_out' });
      await outside.closed;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(inside.events.some((e) => e.event === 'end')).toBe(false);
    } finally {
      await deleteAllowlistEntry(server.db, 'EU', entry.cidr);
      forgetAllowlists(server.db);
      inside.close();
    }
  });

  it('ends the stream of a user without TOTP once the party makes it mandatory', async () => {
    const { stream } = await streamOf('eu.agent');
    await server.db.update(parties).set({ requireTotp: true }).where(eq(parties.id, 'EU'));
    try {
      expect((await stream.next((e) => e.event === 'end')).data).toEqual({ reason: 'signed_out' });
      await stream.closed;
    } finally {
      await server.db.update(parties).set({ requireTotp: false }).where(eq(parties.id, 'EU'));
    }
  });

  it("limits the open streams per user across all of the user's sessions and tokens", async () => {
    const [one, two] = [await signInHeaders(server.url, 'eu.agent2'), await signInHeaders(server.url, 'eu.agent2')];
    const streams = [
      await openEventStream(server.url, one),
      await openEventStream(server.url, one),
      await openEventStream(server.url, two),
    ];
    const refused = await fetch(`${server.url}/api/v1/events/stream`, { headers: { ...two, 'accept-language': 'fr' } });
    expect([...streams.map((s) => s.status), refused.status]).toEqual([200, 200, 200, 429]);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('events.too_many_user_streams');
    expect(body.error.message).toContain('par utilisateur');
    for (const stream of streams) stream.close();
  });
});

describe('live updates: the streams one node holds', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer('pglite', { EVENT_STREAMS_PER_NODE: '2' });
  });
  afterAll(() => server.close());

  it('refuses a stream beyond the limit per node, whoever opens it', async () => {
    const eu = await openEventStream(server.url, await signInHeaders(server.url, 'eu.agent'));
    const ch = await openEventStream(server.url, await signInHeaders(server.url, 'ch.agent'));
    const headers = await signInHeaders(server.url, 'eu.agent2');
    const refused = await fetch(`${server.url}/api/v1/events/stream`, { headers });
    expect([eu.status, ch.status, refused.status]).toEqual([200, 200, 429]);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('events.node_streams_full');
    eu.close();
    ch.close();
  });
});
