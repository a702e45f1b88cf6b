import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { INCIDENT_CLOSURE_CHECKLIST } from '../../domain/checklist.ts';
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
import { plain, errorResponses, text, TicketDetail, TicketParams } from '../schemas.ts';
import type { RouteDeps } from './deps.ts';
import { expectedVersion } from './tickets.ts';

import { PROCESS_ACTIONS } from './process-actions.ts';
import { SECURITY_ACTIONS } from './security-actions.ts';

import { reason, v, actionRoute, type ActionRoute } from './action-route.ts';

/** Each action: its body schema, the one service it calls and a summary for the API document. */
const ACTIONS: ActionRoute[] = [
  actionRoute({
    action: 'comment',
    summary: 'Comment, internal (owning party only) or shared',
    body: z.object({ ...v, body: text(20_000), visibility: z.enum(['internal', 'shared']) }),
    run: commentOnTicket,
  }),
  actionRoute({
    action: 'assign',
    summary: 'Assign to a group (and person) of the party holding the ticket',
    body: z.object({ ...v, groupId: z.uuid(), assigneeId: z.uuid().optional() }),
    run: assignTicket,
  }),
  actionRoute({
    action: 'transfer',
    summary: "Transfer to another party's service desk (PARTY-3)",
    body: z.object({ ...v, party: z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/), reason: plain(4000).optional() }),
    run: transferTicket,
  }),
  actionRoute({
    action: 'escalate',
    summary: 'Escalate functionally (another group) or hierarchically (next level) (PARTY-4)',
    body: z.discriminatedUnion('mode', [
      z.object({ ...v, mode: z.literal('functional'), groupId: z.uuid(), reason }),
      z.object({ ...v, mode: z.literal('hierarchical'), reason }),
    ]),
    run: escalateTicket,
  }),
  actionRoute({
    action: 'record_known_error',
    summary:
      'Record the matched known error and the workaround applied (INC-2), or apply a published one by its id (COL-3)',
    body: z.object({
      ...v,
      knownError: text(4000).optional(),
      workaround: text(4000).optional(),
      knownErrorId: z.uuid().optional(),
    }),
    run: recordKnownError,
  }),
  actionRoute({
    action: 'pend',
    summary: 'Put on hold, waiting on the requester',
    body: z.object({ ...v, reason }),
    run: pendTicket,
  }),
  actionRoute({
    action: 'resume',
    summary: 'Take a pending ticket back into work',
    body: z.object({ ...v }),
    run: resumeTicket,
  }),
  actionRoute({
    action: 'resolve',
    summary: 'Resolve; the incident returns to the registering desk (INC-5)',
    body: z.object({ ...v, resolution: text(20_000) }),
    run: resolveIncident,
  }),
  actionRoute({
    action: 'reject_resolution',
    summary: 'The reporter says it is not fixed: back into work',
    body: z.object({ ...v, reason }),
    run: rejectResolution,
  }),
  actionRoute({
    action: 'verify',
    summary: 'The desk confirmed the resolution with the reporter (INC-5)',
    body: z.object({ ...v, note: plain(4000).optional() }),
    run: verifyIncident,
  }),
  actionRoute({
    action: 'close',
    summary:
      'Close (owning desk only): an incident with the INC-6 checklist, a request once the requester accepts,' +
      ' a problem once its change is applied, a release with its REL-6 checklist ticked',
    body: z.object({
      ...v,
      checklist: z.object(Object.fromEntries(INCIDENT_CLOSURE_CHECKLIST.map((k) => [k, z.boolean()]))).optional(),
      requesterAccepted: z.boolean().optional(),
      note: plain(4000).optional(),
    }),
    run: closeTicket,
  }),
  actionRoute({
    action: 'record_recurrence',
    summary: 'Record a recurrence: a new incident linked to this closed one',
    body: z.object({ ...v, title: text(200).optional(), description: plain(20_000).optional() }),
    run: recordRecurrence,
  }),
  actionRoute({
    action: 'declare_security_incident',
    summary: 'Declare a linked security incident, at least ETS SENSITIVE (INC-3)',
    body: z.object({
      ...v,
      title: text(200).optional(),
      description: plain(20_000).optional(),
      sensitivity: z.enum(['SENSITIVE', 'CRITICAL']).optional(),
    }),
    run: declareSecurityIncident,
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
