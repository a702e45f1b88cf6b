import { AppError } from '../../domain/errors.ts';

import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/**
 * SEC-5: the response report (containment, recovery, link reconnection, communication to the
 * registry teams) and then the final report are issued to level 3 by the owning party's
 * security officer; both are then downloadable as PDF and JSON by level 3 only.
 */
export function issueReport(
  ctx: ServiceContext,
  idOrRef: string,
  kind: 'response' | 'final',
  input: { version?: number | undefined },
) {
  return runTicketAction(
    ctx,
    idOrRef,
    kind === 'response' ? 'issue_response_report' : 'issue_final_report',
    input.version,
    (ticket, _tx, now) => {
      const details = detailsOf(ticket, 'security');
      if (kind === 'response' && !details.recovery)
        throw new AppError('validation.required', 'recovery', { field: 'recovery' });
      if (kind === 'final' && details.reports?.final)
        throw new AppError('validation.invalid', 'kind', { field: 'kind', detail: 'stage_sent' });
      return {
        patch: withDetails(ticket, 'security', {
          reports: { ...details.reports, [kind]: { issuedAt: now.toISOString(), by: ctx.actor.displayName } },
        }),
        events: [{ event: { kind: 'report_issued' as const, data: { report: kind } } }],
      };
    },
  );
}
