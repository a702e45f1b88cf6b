import { AppError } from '../../domain/errors.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import type { ConsultationDetails } from '../../domain/processes.ts';
import { assertMayRecord } from '../../policies/recording.ts';
import { findParty } from '../../store/directory.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { insertNewTicket } from '../tickets/create-ticket.ts';
import { tellConsultedDesk } from './tell-consulted-desk.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

export interface CreateConsultationInput {
  title: string;
  situation: string;
  party: string;
  service: string;
  sensitivity?: Sensitivity | undefined;
  acknowledgeBy: string;
  answerBy: string;
}

/**
 * CBM-5: the actor's party asks another party to consult on a situation, with deadlines for the
 * acknowledgement and the answer. Only the two parties are on the ticket, so no third party
 * ever reads it (the one visibility rule: participants and clearance).
 */
export async function createConsultation(ctx: ServiceContext, input: CreateConsultationInput): Promise<TicketRow> {
  const sensitivity = input.sensitivity ?? 'LIMITED';
  assertMayRecord(ctx.actor, 'consultation', sensitivity);
  if (input.party === ctx.actor.party)
    throw new AppError('validation.invalid', 'party', { field: 'party', detail: 'other_party' });
  const now = nowOf(ctx);
  const acknowledgeBy = new Date(input.acknowledgeBy);
  const answerBy = new Date(input.answerBy);
  if (acknowledgeBy.getTime() <= now.getTime())
    throw new AppError('validation.invalid', 'acknowledgeBy', { field: 'acknowledgeBy', detail: 'future' });
  if (answerBy.getTime() < acknowledgeBy.getTime())
    throw new AppError('validation.invalid', 'answerBy', { field: 'answerBy', detail: 'after_acknowledgement' });
  return ctx.db.transaction(async (tx) => {
    if (!(await findParty(tx, input.party))) throw new AppError('party.not_found', 'party');
    const details: ConsultationDetails = {
      consultedParty: input.party,
      situation: input.situation,
      acknowledgeBy: acknowledgeBy.toISOString(),
      answerBy: answerBy.toISOString(),
      acknowledgedAt: null,
      acknowledgedBy: null,
      answer: null,
      answeredAt: null,
      answeredBy: null,
      outcome: null,
      outcomeAt: null,
    };
    const ticket = await insertNewTicket(
      ctx,
      tx,
      {
        type: 'consultation',
        title: input.title,
        description: input.situation,
        service: input.service,
        impact: 'I3',
        criticality: 'C3',
        sensitivity,
        channel: ctx.channel ?? 'api',
        participants: [input.party],
        details,
      },
      now,
    );
    await tellConsultedDesk(
      tx,
      ticket,
      details,
      { what_en: 'Consultation requested', what_fr: 'Consultation demandée' },
      'consultation',
      details.acknowledgeBy,
      now,
      ctx.mail ?? false,
    );
    return ticket;
  });
}
