import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

/** SEC-5: containment, with what it achieved. */
export function contain(
  ctx: ServiceContext,
  idOrRef: string,
  input: { summary: string; version?: number | undefined },
) {
  return runTicketAction(ctx, idOrRef, 'contain', input.version, (ticket, _tx, now) => ({
    patch: withDetails(ticket, 'security', {
      containment: { summary: input.summary, by: ctx.actor.displayName, at: now.toISOString() },
    }),
    events: [{ event: { kind: 'contained' as const, data: { summary: input.summary } } }],
  }));
}

export interface RecoverInput {
  summary: string;
  linkDisconnected: boolean;
  linkReconnectedAt?: string | undefined;
  registryTeamsInformed: boolean;
  version?: number | undefined;
}

/**
 * SEC-5: recovery; when the link between the parties was cut, its reconnection is recorded, and
 * the registry teams are informed. The investigation is over: the incident may now be lowered
 * to ETS SENSITIVE by the security officer (unless an exploitable weakness remains).
 */
export function recover(ctx: ServiceContext, idOrRef: string, input: RecoverInput) {
  return runTicketAction(ctx, idOrRef, 'recover', input.version, (ticket, _tx, now) => {
    const recovery = {
      summary: input.summary,
      linkDisconnected: input.linkDisconnected,
      linkReconnectedAt: input.linkDisconnected ? (input.linkReconnectedAt ?? now.toISOString()) : null,
      registryTeamsInformed: input.registryTeamsInformed,
      by: ctx.actor.displayName,
      at: now.toISOString(),
    };
    return {
      patch: withDetails(ticket, 'security', { recovery }),
      events: [
        {
          event: {
            kind: 'recovered' as const,
            data: {
              summary: input.summary,
              linkReconnectedAt: recovery.linkReconnectedAt,
              registryTeamsInformed: input.registryTeamsInformed,
            },
          },
        },
      ],
    };
  });
}
