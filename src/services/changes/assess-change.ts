import { AppError } from '../../domain/errors.ts';
import { cabLevelFor, type Assessment } from '../../domain/processes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, joined, withDetails } from '../write-path/details.ts';
import { existingParties } from '../write-path/other-party.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/**
 * CHG-2: risk, impact, affected services and parties, schedule, implementation and rollback
 * plans. The affected parties join the change; the CAB level follows the risk.
 */
export function assessChange(
  ctx: ServiceContext,
  idOrRef: string,
  input: Assessment & { version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'assess', input.version, async (change, tx) => {
    const { version: _version, ...assessment } = input;
    if (Date.parse(assessment.plannedEnd) <= Date.parse(assessment.plannedStart))
      throw new AppError('validation.invalid', 'plannedEnd', { field: 'plannedEnd', detail: 'after_start' });
    const affected = await existingParties(tx, assessment.affectedParties, 'affectedParties');
    if (!affected.includes(change.ownerParty))
      throw new AppError('validation.invalid', 'affectedParties', {
        field: 'affectedParties',
        detail: 'owner_affected',
      });
    const details = detailsOf(change, 'change');
    const saved: Assessment = { ...assessment, affectedParties: affected };
    return {
      patch: {
        participants: joined(change, affected),
        ...withDetails(change, 'change', {
          assessment: saved,
          approvalLevel: cabLevelFor(saved.risk, details.kind),
          reviews: [],
          approvals: [],
        }),
      },
      events: [{ event: { kind: 'assessment_recorded', data: { ...saved } } }],
    };
  });
}
