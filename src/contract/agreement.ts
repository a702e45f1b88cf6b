import { z } from 'zod';
import {
  AGREEMENT_KINDS,
  AgreementChangeSchema,
  AgreementDecisionSchema,
  PROPOSAL_STATUSES,
  SlaTargetItemSchema,
} from '../domain/agreement.ts';

/** A proposed change to the common agreement (SNC 10.2), as `GET /agreement/proposals` returns it. */
export const Proposal = z.object({
  id: z.uuid(),
  kind: z.enum(AGREEMENT_KINDS),
  party: z.string(),
  proposedByParty: z.string(),
  proposedBy: z.object({ id: z.uuid().nullable(), name: z.string() }),
  change: AgreementChangeSchema,
  effectiveFrom: z.iso.date(),
  reason: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  awaitedParties: z.array(z.string()),
  decisions: z.array(AgreementDecisionSchema),
  closedReason: z.string().nullable(),
  version: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  appliedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type Proposal = z.output<typeof Proposal>;

/** One SLA target (SLA-2) of a ticket type and priority, as `GET /parties/{id}/sla-targets` lists it. */
export const SlaTarget = SlaTargetItemSchema;
export type SlaTarget = z.output<typeof SlaTarget>;
