import { AppError } from '../../domain/errors.ts';
import type { Impact } from '../../domain/priority.ts';
import type { SecurityDetails } from '../../domain/security.ts';
import { commonSeverity, isTaxonomyType, type Severity } from '../../domain/taxonomy.ts';
import { findParty } from '../../store/directory.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';
import { policyAlert } from './security-policy.ts';

export interface CharacteriseInput {
  taxonomyClass: string;
  taxonomyType: string;
  /** The common severity, or the actor's party's national level mapped through its scale (SEC-9). */
  severity?: Severity | undefined;
  nationalSeverity?: string | undefined;
  impact: Impact;
  awareAt?: string | undefined;
  personalData: boolean;
  ciaAffected: ('confidentiality' | 'integrity' | 'availability')[];
  version?: number | undefined;
}

/**
 * SEC-1 / SEC-9: characterises the incident: its type in the reference taxonomy, severity
 * (common scale, or the party's own mapped to it), impact, the moment of awareness the
 * regulatory clocks count from, and which of C/I/A is touched. The investigation is now open,
 * so the incident is raised to ETS CRITICAL; the parties' notification policies are applied.
 */
export function characterise(ctx: ServiceContext, idOrRef: string, input: CharacteriseInput) {
  return runTicketAction(ctx, idOrRef, 'characterise', input.version, async (ticket, tx, now) => {
    if (!isTaxonomyType(input.taxonomyClass, input.taxonomyType))
      throw new AppError('validation.invalid', 'taxonomyType', { field: 'taxonomyType', detail: 'taxonomy' });
    let severity = input.severity;
    if (input.nationalSeverity !== undefined) {
      const party = await findParty(tx, ctx.actor.party);
      severity = commonSeverity(party?.securityPolicy?.severityScale, input.nationalSeverity) ?? undefined;
      if (!severity)
        throw new AppError('validation.invalid', 'nationalSeverity', {
          field: 'nationalSeverity',
          detail: 'national_scale',
        });
    }
    if (!severity) throw new AppError('validation.required', 'severity', { field: 'severity' });
    const awareAt = input.awareAt ?? ticket.createdAt.toISOString();
    if (Date.parse(awareAt) > now.getTime())
      throw new AppError('validation.invalid', 'awareAt', { field: 'awareAt', detail: 'not_future' });
    const facts: Partial<SecurityDetails> = {
      taxonomy: { class: input.taxonomyClass, type: input.taxonomyType },
      severity,
      ...(input.nationalSeverity !== undefined
        ? { national: { party: ctx.actor.party, level: input.nationalSeverity } }
        : {}),
      awareAt,
      personalData: input.personalData,
      ciaAffected: input.ciaAffected,
    };
    const alert = await policyAlert(tx, ticket, {
      impact: input.impact,
      severity,
      ciaAffected: input.ciaAffected,
      personalData: input.personalData,
    });
    return {
      patch: { impact: input.impact, ...withDetails(ticket, 'security', facts) },
      events: [
        {
          event: {
            kind: 'characterised' as const,
            data: { taxonomy: `${input.taxonomyClass}/${input.taxonomyType}`, severity, impact: input.impact, awareAt },
          },
        },
        ...alert,
      ],
    };
  });
}
