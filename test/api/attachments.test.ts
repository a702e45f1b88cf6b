import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const file = (text: string) => Buffer.from(text).toString('base64');

describe.each(STORE_KINDS)('attachments with a sensitivity of their own (%s)', (kind) => {
  let server: TestServer;
  let euAgent: Client;
  let euAgent2: Client;
  let chAgent: Client;
  let chAgent2: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    [euAgent, euAgent2, chAgent, chAgent2] = await Promise.all([
      signIn(server.url, 'eu.agent'),
      signIn(server.url, 'eu.agent2'),
      signIn(server.url, 'ch.agent'),
      signIn(server.url, 'ch.agent2'),
    ]);
  });
  afterAll(() => server.close());

  it('shows an attachment only to readers of the ticket cleared for the attachment’s own level', async () => {
    const ref = (await euAgent.post('/incidents', incidentBody({ sensitivity: 'LIMITED' }))).body.ref;
    const open = await euAgent.post(`/tickets/${ref}/attachments`, {
      name: 'trace.txt',
      mediaType: 'text/plain',
      contentBase64: file('GET /transfers 500'),
    });
    expect(open.status).toBe(201);
    expect(open.body).toMatchObject({ sensitivity: 'LIMITED', size: 18 });
    const secret = await euAgent.post(`/tickets/${ref}/attachments`, {
      name: 'keys-dump.txt',
      mediaType: 'text/plain',
      contentBase64: file('private key material'),
      sensitivity: 'SENSITIVE',
    });
    expect(secret.status).toBe(201);

    const names = async (who: Client) =>
      (await who.get(`/tickets/${ref}/attachments`)).body.items?.map((a: { name: string }) => a.name);
    expect(await names(euAgent)).toEqual(['trace.txt', 'keys-dump.txt']);
    expect(await names(euAgent2)).toEqual(['trace.txt']);
    expect((await euAgent2.get(`/tickets/${ref}/attachments/${secret.body.id}`)).status).toBe(404);
    // Nor does the timeline name it.
    expect(JSON.stringify((await euAgent2.get(`/tickets/${ref}`)).body)).not.toContain('keys-dump');
    const download = await fetch(`${server.url}/api/v1/tickets/${ref}/attachments/${secret.body.id}`, {
      headers: { authorization: `Bearer ${(await euAgent.post('/me/tokens', { name: 'dl' })).body.token}` },
    });
    expect(await download.text()).toBe('private key material');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');

    // The other party sees nothing until the ticket is shared with it, then per clearance.
    expect((await chAgent.get(`/tickets/${ref}/attachments`)).status).toBe(404);
    await euAgent.post(`/tickets/${ref}/actions/transfer`, { party: 'CH' });
    expect(await names(chAgent)).toEqual(['trace.txt', 'keys-dump.txt']);
    expect(await names(chAgent2)).toEqual(['trace.txt']);
    expect((await chAgent.get(`/tickets/${ref}/attachments/${randomUUID()}`)).status).toBe(404);
  });

  it('refuses a level above the uploader’s clearance or below the ticket’s, and bad content', async () => {
    const ref = (await euAgent.post('/incidents', incidentBody({ sensitivity: 'SENSITIVE' }))).body.ref;
    expect(
      (
        await euAgent.post(`/tickets/${ref}/attachments`, {
          name: 'x',
          mediaType: 'text/plain',
          contentBase64: file('x'),
          sensitivity: 'CRITICAL',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await euAgent.post(`/tickets/${ref}/attachments`, {
          name: 'y',
          mediaType: 'text/plain',
          contentBase64: file('y'),
          sensitivity: 'LIMITED',
        })
      ).body.error.field,
    ).toBe('sensitivity');
    expect(
      (await euAgent.post(`/tickets/${ref}/attachments`, { name: 'z', mediaType: 'text/plain', contentBase64: '%%%' }))
        .body.error.field,
    ).toBe('contentBase64');
    expect(
      (
        await euAgent.post(`/tickets/${ref}/attachments`, {
          name: 'w',
          mediaType: 'not a type',
          contentBase64: file('w'),
        })
      ).body.error.field,
    ).toBe('mediaType');
    expect((await euAgent.get(`/tickets/${ref}/attachments`)).body.items).toEqual([]);
  });
});
