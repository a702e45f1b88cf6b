import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AGREEMENT_KINDS, AgreementChangeSchema, PROPOSAL_STATUSES } from '../../domain/agreement.ts';
import { Proposal } from '../../contract/agreement.ts';
import { decideProposal } from '../../services/agreements/decide-proposal.ts';
import { proposeChange } from '../../services/agreements/propose-change.ts';
import { readProposal, readProposals, type ProposalRow } from '../../services/agreements/read-proposals.ts';
import { withdrawProposal } from '../../services/agreements/withdraw-proposal.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses, plain, text } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const iso = (d: Date | null) => d?.toISOString() ?? null;
export const presentProposal = (p: ProposalRow): Proposal => ({
  id: p.id,
  kind: p.kind,
  party: p.partyId,
  proposedByParty: p.proposedByParty,
  proposedBy: { id: p.proposedBy, name: p.proposedByName },
  change: p.change,
  effectiveFrom: p.effectiveFrom,
  reason: p.reason,
  status: p.status,
  awaitedParties: p.awaitedParties,
  decisions: p.decisions,
  closedReason: p.closedReason,
  version: p.version,
  createdAt: p.createdAt.toISOString(),
  acceptedAt: iso(p.acceptedAt),
  appliedAt: iso(p.appliedAt),
  closedAt: iso(p.closedAt),
});
export { Proposal as ProposalSchema };

/**
 * Answers a route that proposes a change to a party's part of the agreement (its SLA targets, a
 * service's availability target): 202 and the proposal, which applies once every other party accepts.
 */
export async function replyProposed(reply: FastifyReply, proposal: Promise<ProposalRow>): Promise<FastifyReply> {
  return reply.status(202).send(presentProposal(await proposal));
}

const Params = z.object({ id: z.uuid() });

/** SNC 10.2: changes to the common agreement, proposed by one party and accepted by every other. */
export const agreementRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/agreement/proposals',
      {
        schema: {
          tags: ['agreement'],
          summary: 'Proposals my party made or is asked about, newest first; status=applied lists the versions',
          querystring: z.object({
            status: z.enum(PROPOSAL_STATUSES).optional(),
            kind: z.enum(AGREEMENT_KINDS).optional(),
            party: PartyCode.optional(),
          }),
          response: { 200: z.object({ items: z.array(Proposal) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await readProposals(deps.db, requireActor(request), request.query)).map(presentProposal),
      }),
    );

    app.post(
      '/agreement/proposals',
      {
        schema: {
          tags: ['agreement'],
          summary: 'Propose a change to the agreement from a date on (party administrators)',
          body: z.object({
            party: PartyCode.optional(),
            effectiveFrom: z.iso.date(),
            reason: plain(2000).optional(),
            change: AgreementChangeSchema,
          }),
          response: { 201: Proposal, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(presentProposal(await proposeChange(deps.db, requireActor(request), request.body))),
    );

    app.get(
      '/agreement/proposals/:id',
      {
        schema: {
          tags: ['agreement'],
          summary: 'One proposal with every decision',
          params: Params,
          response: { 200: Proposal, ...errorResponses },
        },
      },
      async (request) => presentProposal(await readProposal(deps.db, requireActor(request), request.params.id)),
    );

    app.post(
      '/agreement/proposals/:id/accept',
      {
        schema: {
          tags: ['agreement'],
          summary: 'Accept a proposal for my party (party administrators)',
          params: Params,
          body: z.object({ note: plain(2000).optional() }).optional(),
          response: { 200: Proposal, ...errorResponses },
        },
      },
      async (request) =>
        presentProposal(
          await decideProposal(deps.db, requireActor(request), request.params.id, 'accepted', request.body?.note),
        ),
    );

    app.post(
      '/agreement/proposals/:id/refuse',
      {
        schema: {
          tags: ['agreement'],
          summary: 'Refuse a proposal for my party, with the reason (party administrators)',
          params: Params,
          body: z.object({ reason: text(2000) }),
          response: { 200: Proposal, ...errorResponses },
        },
      },
      async (request) =>
        presentProposal(
          await decideProposal(deps.db, requireActor(request), request.params.id, 'refused', request.body.reason),
        ),
    );

    app.post(
      '/agreement/proposals/:id/withdraw',
      {
        schema: {
          tags: ['agreement'],
          summary: 'Withdraw my party’s proposal, with the reason',
          params: Params,
          body: z.object({ reason: text(2000) }),
          response: { 200: Proposal, ...errorResponses },
        },
      },
      async (request) =>
        presentProposal(await withdrawProposal(deps.db, requireActor(request), request.params.id, request.body.reason)),
    );
  };
