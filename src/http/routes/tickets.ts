import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { recordIncident } from '../../services/incidents/create-incident.ts';
import { getTicket, newTicketDetail, ticketDetail } from '../../services/tickets/get-ticket.ts';
import { listTickets } from '../../services/tickets/list-tickets.ts';
import { updateTicket } from '../../services/tickets/update-ticket.ts';
import { presentDetail, presentSummary } from '../presenters.ts';
import {
  plain,
  Criticality,
  errorResponses,
  Impact,
  ListQuery,
  Priority,
  Sensitivity,
  text,
  TicketDetail,
  TicketFields,
  TicketList,
  TicketParams,
  Version,
} from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const CreateIncident = z.object({
  ...TicketFields,
  priority: Priority.optional(),
  priorityReason: plain(2000).optional(),
  reporter: plain(200).optional(),
  reporterEmail: z.email().max(254).optional(),
});

const UpdateTicket = z.object({
  version: Version.optional(),
  title: text(200).optional(),
  description: plain(20_000).optional(),
  service: text(120).optional(),
  impact: Impact.optional(),
  criticality: Criticality.optional(),
  priority: Priority.optional(),
  priorityReason: plain(2000).optional(),
  sensitivity: Sensitivity.optional(),
  /** Required to lower the classification (a security officer only, ISM-2). */
  sensitivityReason: plain(2000).optional(),
});

/** The version a write expects: the body's `version`, else an `If-Match: "<n>"` header. */
export function expectedVersion(
  body: { version?: number | undefined },
  ifMatch: string | undefined,
): number | undefined {
  if (body.version !== undefined) return body.version;
  if (!ifMatch) return undefined;
  const n = Number(ifMatch.replace(/^W\//, '').replaceAll('"', ''));
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('validation.invalid', 'If-Match', { field: 'If-Match', detail: 'if_match' });
  return n;
}

/** Ticket list, detail, field updates and incident recording. */
export const ticketRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tickets',
      {
        schema: {
          tags: ['tickets'],
          summary: 'List visible tickets',
          querystring: ListQuery,
          response: { 200: TicketList, ...errorResponses },
        },
      },
      async (request) => {
        const { type, status, priority, owner, assignee, q, sort, limit, cursor } = request.query;
        const page = await listTickets(deps.ctx(request), {
          type,
          status,
          priority,
          owner,
          assignee,
          q,
          sort,
          limit,
          cursor,
        });
        return {
          items: page.rows.map((r) => presentSummary(r.ticket, r.groupName, r.assigneeName, r.sla)),
          nextCursor: page.nextCursor,
          total: page.total,
          totalCapped: page.totalCapped,
        };
      },
    );

    app.get(
      '/tickets/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'A ticket with its timeline (by UUID or reference)',
          params: TicketParams,
          response: { 200: TicketDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const detail = presentDetail(await getTicket(deps.ctx(request), request.params.id));
        return reply.header('etag', `"${detail.version}"`).send(detail);
      },
    );

    app.patch(
      '/tickets/:id',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Change ticket fields (version or If-Match required)',
          params: TicketParams,
          body: UpdateTicket,
          response: { 200: TicketDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const version = expectedVersion(request.body, request.headers['if-match']);
        if (version === undefined) throw new AppError('ticket.version_required', 'version');
        const ctx = deps.ctx(request);
        const updated = await updateTicket(ctx, request.params.id, { ...request.body, version });
        // The actor just changed it within their own rights (classification never above their clearance): still visible.
        const detail = presentDetail(await ticketDetail(ctx, updated));
        return reply.header('etag', `"${detail.version}"`).send(detail);
      },
    );

    app.post(
      '/incidents',
      {
        schema: {
          tags: ['incidents'],
          summary: 'Record an incident (INC-1)',
          body: CreateIncident,
          response: { 201: TicketDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const ctx = deps.ctx(request);
        // Built from the rows just written: the actor recorded it, so may see it.
        const detail = presentDetail(await newTicketDetail(ctx, await recordIncident(ctx, request.body)));
        return reply
          .status(201)
          .header('location', `/api/v1/tickets/${detail.ref}`)
          .header('etag', `"${detail.version}"`)
          .send(detail);
      },
    );
  };
