import { awaitApprovals } from '../../domain/approvals.ts';
import { AppError } from '../../domain/errors.ts';
import { approverRoleFor, cabLevelFor, type ChangeDetails } from '../../domain/processes.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction, type ActionOutcome } from '../write-path/ticket-action.ts';

/** CHG-3: asks every affected party's CAB for its approval at the change's level. */
export function askCab(change: TicketRow, details: ChangeDetails): ActionOutcome {
  // Without an assessment (an emergency), every party on the change is affected: the same rule as the release's.
  const parties = details.assessment?.affectedParties ?? change.participants;
  const level = details.approvalLevel ?? cabLevelFor(details.assessment?.risk, details.kind);
  return {
    status: 'awaiting_approval',
    patch: withDetails(change, 'change', {
      approvals: awaitApprovals(parties),
      approvalLevel: level,
      reviews: details.reviews,
    }),
    events: [
      {
        event: {
          kind: 'approval_requested',
          data: { gate: 'approver', parties, roles: [approverRoleFor(level)], level },
        },
      },
    ],
  };
}

/**
 * CHG-2/3: an assessed change goes to the other affected parties for review, or straight to
 * the CAB when only the registering party is affected. An emergency change may go to the
 * emergency CAB before its assessment is complete: a shorter path, still recorded.
 */
export function submitChange(ctx: ServiceContext, idOrRef: string, input: { version?: number | undefined }) {
  return runTicketAction(ctx, idOrRef, 'submit', input.version, (change) => {
    const details = detailsOf(change, 'change');
    if (details.kind === 'emergency') return askCab(change, details);
    if (!details.assessment) throw new AppError('change.assessment_required', 'assessment', { field: 'assessment' });
    const others = details.assessment.affectedParties.filter((p) => p !== change.ownerParty);
    if (others.length === 0) return askCab(change, details);
    return {
      status: 'in_review',
      patch: withDetails(change, 'change', { reviews: awaitApprovals(others) }),
      events: [
        {
          event: { kind: 'approval_requested', data: { gate: 'reviewer', parties: others, roles: ['change_manager'] } },
        },
      ],
    };
  });
}
