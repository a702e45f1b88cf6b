import { maxSensitivity } from '../../domain/sensitivity.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { spinOffTicket, type SpinOffInput } from '../tickets/spin-off-ticket.ts';

export interface DeclareSecurityInput extends SpinOffInput {
  sensitivity?: 'SENSITIVE' | 'CRITICAL' | undefined;
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
  return spinOffTicket(ctx, idOrRef, 'declare_security_incident', input, 'security_incident_of', (old) => ({
    type: 'security',
    sensitivity: maxSensitivity(maxSensitivity('SENSITIVE', input.sensitivity ?? 'SENSITIVE'), old.sensitivity),
    participants: old.participants,
    escalationLevel: 3,
  }));
}
