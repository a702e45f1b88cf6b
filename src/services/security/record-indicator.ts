import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** An indicator of compromise, as a STIX 2.1 pattern, shared in the incident's STIX export (ISM-5). */
export function recordIndicator(
  ctx: ServiceContext,
  idOrRef: string,
  input: { name: string; pattern: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'record_indicator', input.version, (ticket) => ({
    patch: withDetails(ticket, 'security', {
      indicators: [...(detailsOf(ticket, 'security').indicators ?? []), { name: input.name, pattern: input.pattern }],
    }),
    events: [{ event: { kind: 'indicator_recorded' as const, data: { name: input.name } } }],
  }));
}
