import { assertMayRecord } from '../../policies/recording.ts';
import { AppError } from '../../domain/errors.ts';
import { validateForm } from '../../domain/catalogue.ts';
import type { RequestDetails } from '../../domain/processes.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { findCatalogueItem } from '../../store/catalogue.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { insertNewTicket } from '../tickets/create-ticket.ts';

export interface CreateRequestInput {
  catalogueItem: string;
  values: Record<string, unknown>;
  title?: string | undefined;
  description?: string | undefined;
  sensitivity?: Sensitivity | undefined;
  reporter?: string | undefined;
  reporterEmail?: string | undefined;
  channel?: 'console' | 'api' | 'phone' | 'email' | undefined;
}

/** REQ-1 / REQ-5: a request of a type from the party's catalogue, its form checked field by field. */
export async function createRequest(ctx: ServiceContext, input: CreateRequestInput): Promise<TicketRow> {
  const sensitivity = input.sensitivity ?? 'LIMITED';
  assertMayRecord(ctx.actor, 'request', sensitivity);
  return ctx.db.transaction(async (tx) => {
    const item = await findCatalogueItem(tx, ctx.actor.party, 'request', input.catalogueItem);
    if (!item) throw new AppError('request.catalogue_item_unknown', 'catalogueItem');
    const form = validateForm(item.fields, input.values);
    if (!form.ok) {
      const field = `values.${form.key}`;
      if (form.detail === 'required') throw new AppError('validation.required', field, { field });
      throw new AppError('validation.invalid', field, { field, detail: form.detail });
    }
    const name = item.name;
    const details: RequestDetails = {
      catalogueItem: { id: item.id, code: item.code, name },
      values: form.values,
      approvalRequired: item.approvalRequired,
      fulfillers: item.fulfillers,
      approvals: [],
      tasks: [],
    };
    return insertNewTicket(
      ctx,
      tx,
      {
        type: 'request',
        title: input.title ?? name[ctx.actor.language],
        description: input.description,
        service: item.template?.service ?? 'shared tools',
        impact: 'I3',
        criticality: 'C3',
        sensitivity,
        reporter: input.reporter,
        reporterEmail: input.reporterEmail,
        channel: input.channel ?? ctx.channel ?? 'api',
        details,
      },
      nowOf(ctx),
    );
  });
}
