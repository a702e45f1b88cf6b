import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationIdOf } from '../../src/http/openapi.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { STORE_KINDS } from '../helpers/store.ts';

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
  requestBody?: { content: Record<string, { examples?: Record<string, { value: Json }> }> };
}
interface OpenApi {
  servers?: { url: string }[];
  info: { license?: { name: string; identifier?: string; url?: string } };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, Json>;
    responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
    securitySchemes: Record<string, Json>;
  };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function operations(doc: OpenApi): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, op: item[method]! })),
  );
}

function examplesOf(doc: OpenApi, method: string, path: string): Record<string, Json> {
  const examples = doc.paths[path]?.[method]?.requestBody?.content['application/json']?.examples ?? {};
  return Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, example.value]));
}

describe('operation ids', () => {
  it('names routes from the table, ticket actions after the action, and any other route after its method and path', () => {
    expect(operationIdOf('GET', '/api/v1/tickets')).toBe('listTickets');
    expect(operationIdOf('GET', '/api/v1/tickets/:id')).toBe('getTicket');
    expect(operationIdOf('POST', '/api/v1/tickets/:id/actions/record_known_error')).toBe(
      'ticketActionRecordKnownError',
    );
    expect(operationIdOf('GET', '/api/v1/foo-bars/:id/baz.csv')).toBe('getFooBarsByIdBazCsv');
  });
});

describe.each(STORE_KINDS)('the OpenAPI document (%s)', (kind) => {
  let server: TestServer;
  let doc: OpenApi;
  let euAgent: Client;
  let euChange: Client;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    doc = (await response.json()) as OpenApi;
    [euAgent, euChange] = await Promise.all([signIn(server.url, 'eu.agent'), signIn(server.url, 'eu.change')]);
  });
  afterAll(() => server.close());

  it('gives every operation a unique camelCase operationId', () => {
    const all = operations(doc);
    expect(all.length).toBeGreaterThan(100);
    const missing = all.filter(({ op }) => !op.operationId).map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    const ids = all.map(({ op }) => op.operationId!);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(doc.paths['/api/v1/tickets/{id}/actions/close']?.post?.operationId).toBe('ticketActionClose');
    expect(doc.paths['/api/v1/incidents']?.post?.operationId).toBe('createIncident');
  });

  it('declares a 4xx response on every operation, with the shared error shape', () => {
    const without = operations(doc)
      .filter(({ op }) => !Object.keys(op.responses).some((status) => /^4(\d\d|XX)$/.test(status)))
      .map(({ method, path }) => `${method} ${path}`);
    expect(without).toEqual([]);
    expect(doc.components.schemas.Error).toMatchObject({
      properties: {
        error: {
          properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } },
          required: ['code', 'message'],
        },
      },
    });
    for (const response of Object.values(doc.components.responses))
      expect(response.content['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
    expect(doc.paths['/api/v1/tickets']?.get?.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
  });

  it('declares servers, a licence, tag descriptions, and the security each operation accepts', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.info.license?.identifier ?? doc.info.license?.url).toBeTruthy();
    const described = new Set(doc.tags?.filter((t) => t.description).map((t) => t.name));
    const used = new Set(operations(doc).flatMap(({ op }) => op.tags ?? []));
    expect([...used].filter((tag) => !described.has(tag))).toEqual([]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'calendarFeed', 'csrf', 'session']);
    for (const { method, path, op } of operations(doc)) {
      // Public: signing in, the sign-in page's list of single sign-on parties, one-time links, the OpenID
      // redirects, and security.txt (RFC 9116: read by anyone, without credentials).
      const PUBLIC = [
        '/api/v1/auth/login',
        '/.well-known/security.txt',
        '/api/v1/auth/sso',
        '/api/v1/auth/account-links/{token}',
        '/api/v1/auth/oidc/{party}/start',
        '/api/v1/auth/oidc/callback',
      ];
      if (PUBLIC.includes(path)) {
        expect(op.security).toEqual([]);
        continue;
      }
      // A Bearer token alone, or the session cookie, with the CSRF header on a write.
      expect(op.security, `${method} ${path}`).toContainEqual({ bearer: [] });
      expect(op.security, `${method} ${path}`).toContainEqual(
        method === 'get' ? { session: [] } : { session: [], csrf: [] },
      );
    }
    expect(doc.paths['/api/v1/parties/{id}/maintenance.ics']?.get?.security).toContainEqual({ calendarFeed: [] });
  });

  it('gives request examples that the server accepts as they are', async () => {
    const incidents = examplesOf(doc, 'post', '/api/v1/incidents');
    expect(Object.keys(incidents).length).toBeGreaterThan(0);
    const created = [];
    for (const body of Object.values(incidents)) {
      const reply = await euAgent.post('/incidents', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      created.push(reply.body);
    }
    const ticket = created[0];

    // Examples that carry a `version` show optimistic locking: the test sends the ticket's current one.
    const comments = examplesOf(doc, 'post', '/api/v1/tickets/{id}/actions/comment');
    expect(Object.keys(comments).length).toBeGreaterThan(0);
    let version = ticket.version as number;
    for (const body of Object.values(comments)) {
      const reply = await euAgent.post(`/tickets/${ticket.ref}/actions/comment`, {
        ...body,
        ...('version' in body ? { version } : {}),
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      version = reply.body.version;
    }
    const transfers = Object.values(examplesOf(doc, 'post', '/api/v1/tickets/{id}/actions/transfer'));
    expect(transfers.length).toBeGreaterThan(0);
    const transferred = await euAgent.post(`/tickets/${ticket.ref}/actions/transfer`, { ...transfers[0], version });
    expect(transferred.status, JSON.stringify(transferred.body)).toBe(200);
    expect(transferred.body.holderParty).toBe(transfers[0]!.party);

    const changes = examplesOf(doc, 'post', '/api/v1/changes');
    expect(Object.keys(changes).length).toBeGreaterThan(0);
    for (const body of Object.values(changes)) {
      const reply = await euChange.post('/changes', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }

    const requests = examplesOf(doc, 'post', '/api/v1/requests');
    expect(Object.values(requests).some((body) => Object.keys(body.values as Json).length > 0)).toBe(true);
    for (const body of Object.values(requests)) {
      const reply = await euAgent.post('/requests', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
  });
});
