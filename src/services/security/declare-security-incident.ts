import { maxSensitivity } from '../../domain/sensitivity.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { insertNewTicket } from '../tickets/create-ticket.ts';
import { linkNewTicket } from '../tickets/link-new-ticket.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface DeclareSecurityInput {
  title?: string | undefined;
  description?: string | undefined;
  sensitivity?: 'SENSITIVE' | 'CRITICAL' | undefined;
  version?: number | undefined;
}

/**
 * INC-3 / SEC-3: an incident that may touch confidentiality, integrity or availability is
 * also declared a security incident, classified at least ETS SENSITIVE and owned at
 * escalation level 3 (SEC-2). The declarer may not be cleared to see it afterwards.
 */
export async function declareSecurityIncident(
  ctx: ServiceContext,
  idOrRef: string,
  input: DeclareSecurityInput,
): Promise<{ source: TicketRow; created: TicketRow }> {
  let created: TicketRow | undefined;
  const source = await runTicketAction(
    ctx,
    idOrRef,
    'declare_security_incident',
    input.version,
    async (old, tx, now) => {
      const sensitivity = maxSensitivity(
        maxSensitivity('SENSITIVE', input.sensitivity ?? 'SENSITIVE'),
        old.sensitivity,
      );
      created = await insertNewTicket(
        ctx,
        tx,
        {
          type: 'security',
          title: input.title ?? old.title,
          description: input.description ?? old.description,
          service: old.service,
          impact: old.impact,
          criticality: old.criticality,
          sensitivity,
          channel: ctx.channel ?? 'api',
          participants: old.participants,
          escalationLevel: 3,
        },
        now,
      );
      return {
        events: [await linkNewTicket(ctx, tx, created, old, 'security_incident_of', now)],
        audit: { created: created.ref },
      };
    },
  );
  return { source, created: created! };
}
