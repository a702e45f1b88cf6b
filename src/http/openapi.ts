import type { FastifyDynamicSwaggerOptions, SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, TicketDetail, TicketList, TicketSummary } from '../contract/schemas.ts';

/**
 * The OpenAPI document's shared parts (served at /api/openapi.json, linted with Redocly's
 * recommended ruleset by `npm run check`): operation ids, security, error responses, tags and
 * request examples are added here, centrally, so route files only declare their zod schemas.
 */

const PREFIX = '/api/v1';

/** Schemas published once under components/schemas and referenced by every operation that uses them. */
const COMPONENTS: [z.ZodType, string][] = [
  [ErrorBody, 'Error'],
  [TicketSummary, 'TicketSummary'],
  [TicketList, 'TicketList'],
  [TicketDetail, 'TicketDetail'],
];
for (const [schema, id] of COMPONENTS) z.globalRegistry.add(schema, { ...z.globalRegistry.get(schema), id });

/**
 * Operation ids by `METHOD path` (path under /api/v1, parameters as `{name}`). Ticket actions are
 * named `ticketAction` + the action (`ticketActionClose`); a route missing here gets the method and
 * its path's words (`getPartiesByIdCalendar`). Ids are part of the contract: never rename one.
 */
const OPERATION_IDS: Record<string, string> = {
  'POST /auth/login': 'signIn',
  'POST /auth/logout': 'signOut',
  'GET /me': 'getMe',
  'PATCH /me': 'updateMe',
  'POST /me/totp/setup': 'startTotpSetup',
  'POST /me/totp/enable': 'enableTotp',
  'POST /me/totp/disable': 'disableTotp',
  'GET /me/tokens': 'listMyTokens',
  'POST /me/tokens': 'createToken',
  'DELETE /me/tokens/{id}': 'revokeToken',
  'POST /me/calendar-feed': 'createCalendarFeedToken',
  'GET /me/notification-preferences': 'getNotificationPreferences',
  'PUT /me/notification-preferences': 'setNotificationPreferences',
  'GET /parties': 'listParties',
  'PATCH /parties/{id}': 'updateParty',
  'GET /users': 'listUsers',
  'GET /parties/{id}/ip-allowlist': 'getIpAllowlist',
  'GET /tickets': 'listTickets',
  'GET /tickets/{id}': 'getTicket',
  'PATCH /tickets/{id}': 'updateTicket',
  'POST /incidents': 'createIncident',
  'POST /problems': 'createProblem',
  'POST /requests': 'createRequest',
  'POST /changes': 'createChange',
  'POST /releases': 'createRelease',
  'POST /security-incidents': 'createSecurityIncident',
  'GET /tickets/{id}/attachments': 'listAttachments',
  'POST /tickets/{id}/attachments': 'createAttachment',
  'GET /tickets/{id}/attachments/{attachmentId}': 'getAttachment',
  'GET /tickets/{id}/reports/{kind}': 'getSecurityReport',
  'GET /tickets/{id}/stix': 'getStixBundle',
  'GET /notifications': 'listNotifications',
  'GET /events/stream': 'streamEvents',
  'POST /notifications/read': 'markNotificationsRead',
  'GET /parties/{id}/calendar': 'getPartyCalendar',
  'POST /parties/{id}/calendar/versions': 'addCalendarVersion',
  'GET /parties/{id}/sla-targets': 'getSlaTargets',
  'PUT /parties/{id}/sla-targets': 'setSlaTargets',
  'PUT /parties/{id}/service-targets/{service}': 'setServiceTarget',
  'GET /reports/compliance': 'getComplianceReport',
  'GET /reports/compliance.csv': 'getComplianceReportCsv',
  'GET /reports/availability': 'getAvailabilityReport',
  'GET /reports/availability.csv': 'getAvailabilityReportCsv',
  'GET /outages': 'listOutages',
  'POST /outages': 'createOutage',
  'PATCH /outages/{id}': 'updateOutage',
  'GET /maintenance-windows': 'listMaintenanceWindows',
  'POST /maintenance-windows': 'createMaintenanceWindow',
  'DELETE /maintenance-windows/{id}': 'cancelMaintenanceWindow',
  'GET /parties/{id}/maintenance.ics': 'getMaintenanceCalendar',
  'GET /catalogue': 'listCatalogue',
  'POST /catalogue': 'createCatalogueItem',
  'PUT /catalogue/{id}': 'replaceCatalogueItem',
  'GET /known-errors': 'searchKnownErrors',
  'GET /security/taxonomy': 'getSecurityTaxonomy',
  'GET /parties/{id}/imt-rosters': 'listImtRosters',
  'PUT /parties/{id}/imt-rosters/{eventType}': 'setImtRoster',
  'GET /parties/{id}/security-policy': 'getSecurityPolicy',
  'PUT /parties/{id}/security-policy': 'setSecurityPolicy',
  'GET /assets': 'listAssets',
  'POST /assets': 'createAsset',
  'GET /assets.csv': 'getSensitiveInformationList',
  'GET /assets/{id}': 'getAsset',
  'PATCH /assets/{id}': 'updateAsset',
  'POST /assets/{id}/approve': 'approveAsset',
  'GET /assets/{id}/reviews': 'listAssetReviews',
  'POST /assets/{id}/reviews': 'createAssetReview',
  'GET /trusted-cas': 'listTrustedCas',
  'POST /trusted-cas': 'createTrustedCa',
  'POST /trusted-cas/{id}/trust': 'trustCa',
  'GET /certificates': 'listCertificates',
  'POST /certificates': 'createCertificate',
  'GET /certificates/{id}': 'getCertificate',
  'POST /certificates/{id}/verify': 'verifyCertificate',
  'POST /certificates/{id}/install': 'installCertificate',
  'POST /certificates/{id}/use': 'useCertificate',
  'POST /certificates/{id}/renewal': 'requestCertificateRenewal',
  'POST /certificates/{id}/revocation': 'requestCertificateRevocation',
  'GET /access-reviews': 'listAccessReviews',
  'POST /access-reviews': 'startAccessReview',
  'GET /access-reviews/{id}': 'getAccessReview',
  'POST /access-reviews/{id}/items/{userId}': 'decideAccessReviewItem',
  'POST /access-reviews/{id}/close': 'closeAccessReview',
  'GET /agreement/proposals': 'listAgreementProposals',
  'POST /agreement/proposals': 'proposeAgreementChange',
  'GET /agreement/proposals/{id}': 'getAgreementProposal',
  'POST /agreement/proposals/{id}/accept': 'acceptAgreementProposal',
  'POST /agreement/proposals/{id}/refuse': 'refuseAgreementProposal',
  'POST /agreement/proposals/{id}/withdraw': 'withdrawAgreementProposal',
  'GET /webhooks': 'listWebhooks',
  'POST /webhooks': 'createWebhook',
  'GET /webhooks/{id}': 'getWebhook',
  'PATCH /webhooks/{id}': 'updateWebhook',
  'GET /webhooks/{id}/deliveries': 'listWebhookDeliveries',
  'POST /webhooks/{id}/deliveries/{deliveryId}/replay': 'replayWebhookDelivery',
  'GET /search': 'search',
  'GET /wiki/pages': 'listWikiPages',
  'POST /wiki/pages': 'createWikiPage',
  'GET /wiki/pages/{slug}': 'getWikiPage',
  'PUT /wiki/pages/{slug}': 'editWikiPage',
  'GET /wiki/pages/{slug}/versions': 'listWikiVersions',
  'GET /wiki/pages/{slug}/diff': 'diffWikiVersions',
  'POST /wiki/pages/{slug}/links': 'linkWikiPageToTicket',
  'POST /wiki/pages/{slug}/versions/{version}/submit': 'submitWikiVersion',
  'POST /wiki/pages/{slug}/versions/{version}/approve': 'approveWikiVersion',
  'GET /tickets/{id}/wiki-pages': 'listTicketWikiPages',
  'GET /planned-work': 'listPlannedWork',
  'GET /cooperation-dates': 'listCooperationDates',
};

const pascal = (words: string[]) => words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

/** The operation id of a route (see OPERATION_IDS). `url` is the route's URL as Fastify has it (`:id`). */
export function operationIdOf(method: string, url: string): string {
  const path = (url.startsWith(PREFIX) ? url.slice(PREFIX.length) : url).replace(/:([A-Za-z0-9_]+)/g, '{$1}');
  const named = OPERATION_IDS[`${method} ${path}`];
  if (named) return named;
  const action = /^\/tickets\/\{id\}\/actions\/([a-z0-9_]+)$/.exec(path);
  if (action && method === 'POST') return `ticketAction${pascal(action[1]!.split('_'))}`;
  const words = path
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith('{') ? `By${pascal([segment.slice(1, -1)])}` : pascal(segment.split(/[-_.]/)),
    );
  return method.toLowerCase() + words.join('');
}

/** Named request examples per operation id; each is checked against the route's body schema when the document is built. */
const BODY_EXAMPLES: Record<string, Record<string, { summary: string; value: unknown }>> = {
  createIncident: {
    reported: {
      summary: 'An incident reported by the other party’s operations',
      value: {
        title: 'Transaction log not reachable from CH registry',
        description: 'Monitoring reports timeouts on the link endpoint since 07:40 UTC.',
        service: 'Link / transaction log',
        impact: 'I2',
        criticality: 'C1',
        channel: 'phone',
        reporter: 'CH operations',
        reporterEmail: 'operations@registry.example.ch',
      },
    },
    priorityOverride: {
      summary: 'Priority set by hand (the reason is required), at a higher sensitivity',
      value: {
        title: 'Allowance transfers stuck in pending state',
        service: 'Registry / transfers',
        impact: 'I3',
        criticality: 'C2',
        priority: 'P2',
        priorityReason: 'Deadline for annual compliance falls tomorrow.',
        sensitivity: 'SENSITIVE',
      },
    },
  },
  ticketActionTransfer: {
    toOtherDesk: {
      summary: 'Hand the ticket to the other party’s service desk (`version` guards against a concurrent change)',
      value: { version: 1, party: 'CH', reason: 'The timeouts start on the CH side of the link.' },
    },
  },
  ticketActionComment: {
    shared: {
      summary: 'A comment both parties read',
      value: { body: 'Link endpoint restarted at 08:15 UTC; please confirm from your side.', visibility: 'shared' },
    },
    internal: {
      summary: 'A note only the owning party reads',
      value: { version: 2, body: 'Second occurrence this week: consider a problem record.', visibility: 'internal' },
    },
  },
  createChange: {
    normal: {
      summary: 'A normal change (RFC) for a legal requirement, assessed and approved at the joint CAB',
      value: {
        title: 'Record the new registry field required by the 2027 regulation',
        description: 'Add the field to the transaction log message and its validation.',
        service: 'Link / transaction log',
        impact: 'I2',
        criticality: 'C2',
        kind: 'normal',
        origin: { kind: 'legislation', reference: 'Regulation 2026/123, article 4' },
      },
    },
    standard: {
      summary: 'A standard change from the party’s catalogue: it starts pre-approved',
      value: {
        title: 'Monthly OS patching of the link servers',
        service: 'Link / transaction log',
        impact: 'I3',
        criticality: 'C3',
        kind: 'standard',
        standardChange: 'os_patching',
        origin: { kind: 'maintenance' },
      },
    },
  },
  createRequest: {
    toolAccess: {
      summary: 'A request of the catalogue type `tool_access`: `values` holds its form fields',
      value: {
        catalogueItem: 'tool_access',
        values: {
          person: 'Anna Muster',
          email: 'anna.muster@registry.example.ch',
          tool: 'passerelle',
          role: 'agent',
          until: '2027-06-30',
        },
        reporter: 'CH registry team lead',
      },
    },
    information: {
      summary: 'A question to the other party’s desk (`information_request`, no approval needed)',
      value: {
        catalogueItem: 'information_request',
        values: { question: 'Which maintenance window do you plan for the certificate roll-over?' },
      },
    },
  },
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Who may call a route: a Bearer token, or the session cookie (plus the CSRF header on a write). */
type Security = Record<string, string[]>[];
function securityOf(route: RouteOptions, method: string): Security {
  if (route.config?.public) return [];
  const base: Security = SAFE_METHODS.has(method)
    ? [{ bearer: [] }, { session: [] }]
    : [{ bearer: [] }, { session: [], csrf: [] }];
  return route.config?.calendarFeed ? [...base, { calendarFeed: [] }] : base;
}

/** Per route: the zod schemas to JSON Schema, plus the operation id, security and request examples. */
export const transform: SwaggerTransform = (document) => {
  const { route } = document;
  const schema = document.schema as FastifySchema & { hide?: boolean; operationId?: string; body?: unknown };
  if (!schema || schema.hide) return jsonSchemaTransform(document);
  const method = (Array.isArray(route.method) ? route.method[0] : route.method) as string;
  const operationId = schema.operationId ?? operationIdOf(method, route.url);
  const examples = BODY_EXAMPLES[operationId];
  if (examples) {
    if (!(schema.body instanceof z.ZodType))
      throw new Error(`${operationId}: examples given for a route without a body`);
    for (const [name, example] of Object.entries(examples)) {
      const parsed = schema.body.safeParse(example.value);
      if (!parsed.success)
        throw new Error(`${operationId}: example "${name}" does not match the body schema: ${parsed.error.message}`);
    }
  }
  const result = jsonSchemaTransform({
    ...document,
    schema: { ...schema, operationId, security: schema.security ?? securityOf(route, method) },
  });
  if (examples)
    result.schema = { ...result.schema, body: { ...(result.schema.body as object), 'x-examples': examples } };
  return result;
};

/** One shared response per error status; every error has the body `{ error: { code, message, field? } }`. */
const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': {
    name: 'BadRequest',
    description:
      'Bad input: `error.code` is stable, `error.field` names the offending field, `error.message` is in the caller’s language.',
  },
  '401': {
    name: 'Unauthorized',
    description: 'Not signed in, or the token, credentials or second factor are not valid.',
  },
  '403': {
    name: 'Forbidden',
    description: 'Not allowed: role, party, clearance, address allow-list, or a write without the CSRF header.',
  },
  '404': { name: 'NotFound', description: 'Not found, or not visible to the caller.' },
  '409': {
    name: 'Conflict',
    description:
      'Conflicts with the current state: a stale `version`, a step the lifecycle does not allow, a duplicate.',
  },
  '413': { name: 'PayloadTooLarge', description: 'The request body is larger than the server accepts.' },
  '415': { name: 'UnsupportedMediaType', description: 'The request body is not JSON.' },
  '429': { name: 'TooManyRequests', description: 'Too many requests or sign-in attempts; retry later.' },
};
/** Documented on an operation that declares no error response of its own. */
const DEFAULT_ERRORS = ['400', '401', '403', '429'];

const TAGS: Record<string, string> = {
  mail: "The desks' mailboxes (COL-2): IMAP accounts read into tickets, quarantine of bad mail, replies by e-mail.",
  audit: 'The tamper-evident audit log (AUD-1, AUD-2): entries per party, chain verification and signed checkpoints.',
  export:
    'Reversibility (AUD-3 … AUD-5): party exports as documented archives, instance backups, offboarding and erasure.',
  administration:
    'A party administrator’s work (ISM-6, PARTY-1, IF-4): accounts, invitations, groups, contacts, access requests, single sign-on.',
  auth: 'Sign in and out with a session cookie (the console); API clients use a Bearer token instead.',
  me: 'The signed-in user: language, second factor (TOTP), API tokens.',
  directory: 'Parties, their groups and escalation levels, their people and IP allow-lists.',
  tickets: 'Reading, listing and changing tickets of every type, and their attachments.',
  incidents: 'Recording incidents (INC-1).',
  'ticket actions':
    'Lifecycle steps of a ticket, one operation per action; each returns the ticket with its timeline. ' +
    'An optional `version` (or an `If-Match` header) refuses the step if someone else changed the ticket first.',
  notifications: 'In-application notifications and each person’s notification preferences.',
  'service levels': 'Business calendars, SLA targets, outages and the monthly compliance and availability reports.',
  maintenance: 'Maintenance windows of every party, and their iCalendar feed.',
  problems: 'Recording problems (PRB-1).',
  requests: 'Recording service requests from a party’s catalogue (REQ-1).',
  changes: 'Recording changes (RFC) linked to their origin (CHG-1).',
  releases: 'Recording releases bundling approved changes (REL-1).',
  catalogue: 'Each party’s catalogue of request types and standard changes, and the known errors.',
  security: 'Security incidents, their taxonomy, response teams, notification policy, reports and STIX export.',
  assets: 'Information assets, their classification and review (ISM-2), and the sensitive information list.',
  certificates: 'Trusted certification authorities and the certificate register (ISM-7).',
  'access-reviews': 'Periodic reviews of every account of a party (ISM-6).',
  agreement:
    'Changes to the common agreement (SNC 10.2): priority matrix, SLA and availability targets, ' +
    'escalation and notification levels, proposed by one party and applied on their date once every ' +
    'other party accepted them.',
  webhooks:
    'Webhook subscriptions (IF-2): ticket events signed per Standard Webhooks, retried with back-off, with a delivery log and replay.',
  vulnerabilities:
    'Vulnerability notices between the parties with their CSAF 2.0 export, and security.txt (CBM-4, RFC 9116).',
  contacts: 'The directory of points of contact of every party, confirmed yearly, with its changes (CBM-1).',
  glossary:
    'The consensus glossary: terms with French and English definitions, versions, comments and acceptances (CBM-2).',
  exchanges: 'Information exchanges between the parties, with read receipts, questions and answers (CBM-3).',
  meetings: 'Meetings of the designated experts: agenda, minutes, decisions and action items (CBM-6).',
  consultations: 'Consultations one party asks of another, with deadlines and outcome (CBM-5).',
  search: 'Full-text search in French and English over tickets, comments, known errors and wiki pages (COL-6).',
  wiki: 'Shared wiki pages in Markdown, their versions and diffs, links to tickets, joint approval (COL-4).',
};

/** A node of the generated OpenAPI document: plain JSON, read here by the field names OpenAPI 3 gives it. */
type Json = Record<string, unknown>;
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const ERROR_REF = '#/components/schemas/Error';

function operationsOf(doc: Json): Json[] {
  return Object.values((doc.paths ?? {}) as Record<string, Json>).flatMap((item) =>
    HTTP_METHODS.flatMap((m) => (item[m] ? [item[m] as Json] : [])),
  );
}

function isErrorResponse(response: Json): boolean {
  const content = response.content as Record<string, { schema?: { $ref?: string } }> | undefined;
  return content?.['application/json']?.schema?.$ref === ERROR_REF;
}

/** Drops the components nothing refers to (directly, or through another component that is used). */
function pruneUnused(doc: Json): void {
  const components = doc.components as Record<string, Record<string, unknown>>;
  const refsIn = (value: unknown): string[] => (JSON.stringify(value) ?? '').match(/"#\/components\/[^"]+"/g) ?? [];
  const used = new Set(refsIn({ ...doc, components: undefined }));
  const pending = [...used];
  for (let ref = pending.pop(); ref !== undefined; ref = pending.pop()) {
    const [, , kind = '', name = ''] = (JSON.parse(ref) as string).split('/');
    for (const inner of refsIn(components[kind]?.[name])) {
      if (used.has(inner)) continue;
      used.add(inner);
      pending.push(inner);
    }
  }
  for (const kind of ['schemas', 'responses']) {
    const map = components[kind];
    if (!map) continue;
    for (const name of Object.keys(map)) if (!used.has(`"#/components/${kind}/${name}"`)) delete map[name];
  }
}

/** The whole document: registered components, shared error responses, tags, and nothing unused. */
export const transformObject: SwaggerTransformObject = (documentObject) => {
  const doc = jsonSchemaTransformObject(documentObject) as Json;
  const components = doc.components as Record<string, Json>;
  components.responses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map(({ name, description }) => [
      name,
      { description, content: { 'application/json': { schema: { $ref: ERROR_REF } } } },
    ]),
  );
  const usedTags = new Set<string>();
  for (const operation of operationsOf(doc)) {
    for (const tag of (operation.tags as string[] | undefined) ?? []) usedTags.add(tag);
    const responses = operation.responses as Record<string, Json>;
    if (!Object.keys(responses).some((status) => status.startsWith('4')))
      for (const status of DEFAULT_ERRORS)
        responses[status] = { content: { 'application/json': { schema: { $ref: ERROR_REF } } } };
    for (const [status, response] of Object.entries(responses)) {
      const shared = ERROR_RESPONSES[status];
      if (shared && isErrorResponse(response)) responses[status] = { $ref: `#/components/responses/${shared.name}` };
    }
  }
  // A tag used without a description is still declared, so that the lint reports it.
  doc.tags = [...usedTags].map((name) => (TAGS[name] ? { name, description: TAGS[name] } : { name }));
  pruneUnused(doc);
  return doc;
};

/** The document's fixed parts: info, servers, security schemes. */
export const openapiBase: FastifyDynamicSwaggerOptions['openapi'] = {
  openapi: '3.1.0',
  info: {
    title: 'Passerelle API',
    version: '1',
    description:
      'Joint operations desk for linked organisations. Every error is `{ "error": { "code", "message", "field"? } }` ' +
      'with a stable code; messages follow `Accept-Language` (French or English).',
    license: { name: 'Proprietary: all rights reserved', identifier: 'LicenseRef-Proprietary' },
  },
  servers: [{ url: '/', description: 'This Passerelle server (every path starts with /api/v1)' }],
  components: {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'An API token (created with `POST /api/v1/me/tokens`) in `Authorization: Bearer <token>`.',
      },
      session: {
        type: 'apiKey',
        in: 'cookie',
        name: 'passerelle_session',
        description: 'The session cookie set by `POST /api/v1/auth/login` (the console).',
      },
      csrf: {
        type: 'apiKey',
        in: 'header',
        name: 'x-csrf-token',
        description: 'The `csrfToken` returned at sign-in; required with the session cookie on every write.',
      },
      calendarFeed: {
        type: 'apiKey',
        in: 'query',
        name: 'feed',
        description: 'A read-only calendar feed token (`POST /api/v1/me/calendar-feed`), for calendar clients.',
      },
    },
  },
  security: [{ bearer: [] }, { session: [], csrf: [] }],
};
