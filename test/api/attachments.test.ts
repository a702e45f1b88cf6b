import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { incidentBody, signIn, type Client } from '../helpers/client.ts';
import { useServer } from '../helpers/suite.ts';
import { STORE_KINDS } from '../helpers/store.ts';

const file = (text: string) => Buffer.from(text).toString('base64');

describe.each(STORE_KINDS)('attachments with a sensitivity of their own (%s)', (kind) => {
  const { server, as } = useServer(kind);
  const euAgent = as('eu.agent');
  const euAgent2 = as('eu.agent2');
  const chAgent = as('ch.agent');
  const chAgent2 = as('ch.agent2');

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

  it('takes files as sent by the console: type from the content, safe name, the party’s size limit', async () => {
    const ref = (await euAgent.post('/incidents', incidentBody({ sensitivity: 'LIMITED' }))).body.ref;
    const token = (await euAgent.post('/me/tokens', { name: 'upload' })).body.token as string;
    const send = (query: string, body: Buffer, type = 'application/octet-stream', bearer = token) =>
      fetch(`${server.url}/api/v1/tickets/${ref}/attachments/upload?${query}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': type, 'accept-language': 'fr' },
        body: new Uint8Array(body),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    // A PNG named .txt is stored as a PNG; a path and control characters leave the name.
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c40000000049454e44ae426082',
      'hex',
    );
    const stored = await send(`name=${encodeURIComponent('../..\\evil\u0001name.txt')}`, png);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ name: 'evil_name.txt', mediaType: 'image/png', size: png.length });
    const download = await fetch(`${server.url}/api/v1/tickets/${ref}/attachments/${stored.body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(png)).toBe(true);
    // Above the party's limit: refused, nothing stored; the limit is the party administrator's to set.
    const admin = await signIn(server.url, 'eu.admin');
    expect((await admin.patch('/parties/EU', { attachmentMaxBytes: 2_000 })).body.attachmentMaxBytes).toBe(2_000);
    const big = await send('name=big.bin', Buffer.alloc(3_000, 1));
    expect(big.status).toBe(413);
    expect(big.body.error.field).toBe('content');
    expect((await euAgent.patch('/parties/EU', { attachmentMaxBytes: 25_000_000 })).status).toBe(403);
    await admin.patch('/parties/EU', { attachmentMaxBytes: 10_000_000 });
    // Above the uploader's clearance: refused; a reader below the file's level does not see it listed.
    const secret = await send('name=s.txt&sensitivity=SENSITIVE', Buffer.from('secret'), 'application/octet-stream');
    expect(secret.status).toBe(201);
    expect(secret.body.mediaType).toBe('application/octet-stream');
    const token2 = (await euAgent2.post('/me/tokens', { name: 'upload2' })).body.token as string;
    expect((await send('name=c.txt&sensitivity=SENSITIVE', Buffer.from('c'), undefined, token2)).status).toBe(403);
    const seen = (await euAgent2.get(`/tickets/${ref}/attachments`)).body.items.map((a: { name: string }) => a.name);
    expect(seen).toEqual(['evil_name.txt']);
    expect((await send('', Buffer.from('x'))).body.error.field).toBe('name');
  });
});
