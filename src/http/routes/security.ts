import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {} from '../../domain/roles.ts';
import { TLP_LEVELS } from '../../domain/security.ts';
import { SEVERITIES, TAXONOMY } from '../../domain/taxonomy.ts';
import { ticketDetail } from '../../services/tickets/get-ticket.ts';
import { createSecurityIncident } from '../../services/security/create-security-incident.ts';
import { listRosters, setRoster } from '../../services/security/imt-rosters.ts';
import { getSecurityPolicy, setSecurityPolicy } from '../../services/security/party-security-policy.ts';
import { reportPdf, securityReport } from '../../services/security/reports.ts';
import { stixExport } from '../../services/security/stix-export.ts';
import { requestLang } from '../lang.ts';
import { presentDetail } from '../presenters.ts';
import { errorResponses, TicketDetail, TicketFields, TicketParams } from '../../contract/schemas.ts';
import { ImtRoster, SecurityPolicy, SecurityTaxonomy } from '../../contract/security.ts';
import type { RouteDeps } from './deps.ts';
import { sendFile } from '../send-file.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);

/** Security incidents (SEC), their teams, policies, reports and the taxonomy. */
export const securityRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/security-incidents',
      {
        schema: {
          tags: ['security'],
          summary: 'Record a security incident, at least ETS SENSITIVE, owned at level 3 (SEC-1)',
          body: z.object(TicketFields),
          response: { 201: TicketDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = deps.ctx(request);
        const detail = presentDetail(await ticketDetail(ctx, await createSecurityIncident(ctx, request.body)));
        return reply.status(201).header('location', `/api/v1/tickets/${detail.ref}`).send(detail);
      },
    );

    app.get(
      '/security/taxonomy',
      {
        schema: {
          tags: ['security'],
          summary: 'The reference security incident taxonomy (RSIT) and the common severity scale (SEC-9)',
          response: {
            200: SecurityTaxonomy,
            ...errorResponses,
          },
        },
      },
      async () => ({ taxonomy: TAXONOMY, severities: [...SEVERITIES], tlp: [...TLP_LEVELS] }),
    );

    app.get(
      '/parties/:id/imt-rosters',
      {
        schema: {
          tags: ['security'],
          summary: "The party's incident management team per event type (its security officers)",
          params: z.object({ id: PartyCode }),
          response: {
            200: z.object({ items: z.array(ImtRoster) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const rows = await listRosters(deps.ctx(request), request.params.id);
        return { items: rows.map((r) => ({ eventType: r.eventType, members: r.members })) };
      },
    );

    app.put(
      '/parties/:id/imt-rosters/:eventType',
      {
        schema: {
          tags: ['security'],
          summary: 'Name the team for an event type (SEC-2)',
          params: z.object({ id: PartyCode, eventType: z.string().max(60) }),
          body: z.object({ members: z.array(z.uuid()).max(50) }),
          response: { 200: ImtRoster, ...errorResponses },
        },
      },
      async (request) => {
        const row = await setRoster(
          deps.ctx(request),
          request.params.id,
          request.params.eventType,
          request.body.members,
        );
        return { eventType: row.eventType, members: row.members };
      },
    );

    app.get(
      '/parties/:id/security-policy',
      {
        schema: {
          tags: ['security'],
          summary: "The party's notification policy and national severity scale (SEC-7, SEC-9)",
          params: z.object({ id: PartyCode }),
          response: { 200: SecurityPolicy, ...errorResponses },
        },
      },
      async (request) => getSecurityPolicy(deps.ctx(request), request.params.id),
    );

    app.put(
      '/parties/:id/security-policy',
      {
        schema: {
          tags: ['security'],
          summary: 'Set the notification policy and national scale (security officer or party administrator)',
          params: z.object({ id: PartyCode }),
          body: SecurityPolicy,
          response: { 200: SecurityPolicy, ...errorResponses },
        },
      },
      async (request) => setSecurityPolicy(deps.ctx(request), request.params.id, request.body),
    );

    app.get(
      '/tickets/:id/reports/:kind',
      {
        schema: {
          tags: ['security'],
          summary: 'A security incident report as JSON or PDF, for level 3 only (SEC-5)',
          params: TicketParams.extend({ kind: z.enum(['response.json', 'response.pdf', 'final.json', 'final.pdf']) }),
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const [kind, format] = request.params.kind.split('.') as ['response' | 'final', 'json' | 'pdf'];
        const report = await securityReport(deps.ctx(request), request.params.id, kind);
        reply.header('cache-control', 'no-store');
        if (format === 'json') return reply.send(report);
        const pdf = await reportPdf(report, requestLang(request));
        return sendFile(reply, { type: 'application/pdf', name: `${report.ref}-${kind}.pdf` }, pdf);
      },
    );

    app.get(
      '/tickets/:id/stix',
      {
        schema: {
          tags: ['security'],
          summary:
            'A security incident as a STIX 2.1 bundle, marked TLP 2.0 from its ETS level, for level 3 and its team (ISM-5)',
          params: TicketParams,
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { ref, bundle } = await stixExport(deps.ctx(request), request.params.id);
        reply.header('cache-control', 'no-store');
        return sendFile(
          reply,
          { type: 'application/stix+json;version=2.1', name: `${ref}.stix.json` },
          JSON.stringify(bundle),
        );
      },
    );
  };
