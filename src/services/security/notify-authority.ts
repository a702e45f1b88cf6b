import { AppError } from '../../domain/errors.ts';
import type { RegulatoryStage } from '../../domain/security.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { detailsOf, withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/**
 * SEC-8: records a regulatory stage as sent (early warning, notification, final report), with
 * its recipient and content, each once and in order.
 */
export function notifyAuthority(
  ctx: ServiceContext,
  idOrRef: string,
  input: { stage: RegulatoryStage; recipient: string; content: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'notify_authority', input.version, (ticket, _tx, now) => {
    const stages = detailsOf(ticket, 'security').stages ?? {};
    if (stages[input.stage])
      throw new AppError('validation.invalid', 'stage', { field: 'stage', detail: 'stage_sent' });
    const order: RegulatoryStage[] = ['early_warning', 'notification', 'final_report'];
    const missing = order.slice(0, order.indexOf(input.stage)).find((s) => !stages[s]);
    if (missing) throw new AppError('validation.invalid', 'stage', { field: 'stage', detail: 'stage_order' });
    const record = {
      sentAt: now.toISOString(),
      by: ctx.actor.displayName,
      recipient: input.recipient,
      content: input.content,
    };
    return {
      patch: withDetails(ticket, 'security', { stages: { ...stages, [input.stage]: record } }),
      events: [
        { event: { kind: 'authority_notified' as const, data: { stage: input.stage, recipient: input.recipient } } },
      ],
    };
  });
}
