import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { assignTicket } from '../../services/tickets/assign-ticket.ts';
import { closeTicket } from '../../services/tickets/close-ticket.ts';
import { commentOnTicket } from '../../services/tickets/comment-on-ticket.ts';
import { declareSecurityIncident } from '../../services/security/declare-security-incident.ts';
import { escalateTicket } from '../../services/tickets/escalate-ticket.ts';
import { getTicket, ticketDetail, ticketVisible } from '../../services/tickets/get-ticket.ts';
import { recordKnownError } from '../../services/problems/record-known-error.ts';
import { recordRecurrence } from '../../services/incidents/record-recurrence.ts';
import { resolveIncident } from '../../services/incidents/resolve-incident.ts';
import { pendTicket, resumeTicket } from '../../services/tickets/set-pending.ts';
import { transferTicket } from '../../services/tickets/transfer-ticket.ts';
import { rejectResolution, verifyIncident } from '../../services/incidents/verify-incident.ts';
import { presentDetail } from '../presenters.ts';
import { errorResponses, TicketDetail, TicketParams } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';
import { expectedVersion } from './tickets.ts';

import { PROCESS_ACTIONS } from './process-actions.ts';
import { SECURITY_ACTIONS } from './security-actions.ts';

import { actionRoutes, type ActionRoute } from './action-route.ts';

/** Each action's contract (src/contract/actions.ts) paired with the one service it calls. */
const ACTIONS: ActionRoute[] = [
  ...actionRoutes({
    comment: commentOnTicket,
    assign: assignTicket,
    transfer: transferTicket,
    escalate: escalateTicket,
    record_known_error: recordKnownError,
    pend: pendTicket,
    resume: resumeTicket,
    resolve: resolveIncident,
    reject_resolution: rejectResolution,
    verify: verifyIncident,
    close: closeTicket,
    record_recurrence: recordRecurrence,
    declare_security_incident: declareSecurityIncident,
  }),
  ...PROCESS_ACTIONS,
  ...SECURITY_ACTIONS,
];

const Created = z.object({ id: z.uuid(), ref: z.string(), type: z.string(), status: z.string() });

/** One POST route per lifecycle action: `/tickets/{id}/actions/{action}`. */
export const ticketActionRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    for (const { action, summary, body, run } of ACTIONS) {
      const creates = action === 'record_recurrence' || action === 'declare_security_incident';
      // A security incident raised to ETS CRITICAL (SEC-3) may leave the sight of the one who acted: then only its number and state come back.
      const response: Record<number, z.ZodType> = creates
        ? { 201: z.union([TicketDetail, Created]), ...errorResponses }
        : { 200: z.union([TicketDetail, Created]), ...errorResponses };
      app.post(
        `/tickets/:id/actions/${action}`,
        { schema: { tags: ['ticket actions'], summary, params: TicketParams, body, response } },
        async (request, reply) => {
          const ctx = deps.ctx(request);
          const input = {
            ...request.body,
            version: expectedVersion(request.body, request.headers['if-match']),
          };
          const result = await run(ctx, request.params.id, input);
          if ('created' in result) {
            // The declarer of a security incident may lack the clearance to read it: confirm its number only.
            const created = result.created;
            const visible = await getTicket(ctx, created.id).catch((error: unknown) => {
              if (error instanceof AppError && error.code === 'ticket.not_found') return null;
              throw error;
            });
            return reply
              .status(201)
              .send(
                visible
                  ? presentDetail(visible)
                  : { id: created.id, ref: created.ref, type: created.type, status: created.status },
              );
          }
          if (result.type === 'security' && !(await ticketVisible(ctx, result.id)))
            return reply.send({ id: result.id, ref: result.ref, type: result.type, status: result.status });
          const detail = presentDetail(await ticketDetail(ctx, result));
          return reply.header('etag', `"${detail.version}"`).send(detail);
        },
      );
    }
  };
