import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

describe.each(STORE_KINDS)('security incidents: "complete a follow-up" only while one is open (%s)', (kind) => {
  let server: TestServer;
  let security: Client;
  beforeAll(async () => {
    server = await startTestServer(kind);
    security = await signIn(server.url, 'eu.security');
  });
  afterAll(() => server.close());

  it('is neither offered nor accepted without an open follow-up, then is once one is added, and not after', async () => {
    const ref = (
      await security.post('/security-incidents', {
        title: 'Follow-up drill',
        service: 'link',
        impact: 'I3',
        criticality: 'C3',
      })
    ).body.ref as string;
    const allowed = async () => (await security.get(`/tickets/${ref}`)).body.allowedActions as string[];
    expect(await allowed()).toContain('add_follow_up');
    expect(await allowed()).not.toContain('complete_follow_up');
    const refused = await security.post(`/tickets/${ref}/actions/complete_follow_up`, {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('security.no_open_follow_up');

    await security.post(`/tickets/${ref}/actions/add_follow_up`, { kind: 'training', description: 'Brief the desk' });
    expect(await allowed()).toContain('complete_follow_up');
    const id = (await security.get(`/tickets/${ref}`)).body.details.followUps[0].id as string;
    expect((await security.post(`/tickets/${ref}/actions/complete_follow_up`, { id })).status).toBe(200);
    expect(await allowed()).not.toContain('complete_follow_up');
  });
});
