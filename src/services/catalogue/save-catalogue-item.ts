import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import type { CatalogueItemSpec, FormField } from '../../domain/catalogue.ts';
import { assertAdministersParty } from '../../policies/party-admin.ts';
import { findCatalogueItemById, insertCatalogueItem, updateCatalogueItem } from '../../store/catalogue.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';

export type CatalogueItemInput = CatalogueItemSpec;

function assertUniqueKeys(fields: FormField[]) {
  const index = fields.findIndex((f, i) => fields.findIndex((g) => g.key === f.key) !== i);
  if (index >= 0)
    throw new AppError('validation.invalid', `fields.${index}.key`, {
      field: `fields.${index}.key`,
      detail: 'already_linked',
    });
  const select = fields.findIndex((f) => f.type === 'select' && !(f.options && f.options.length > 0));
  if (select >= 0)
    throw new AppError('validation.required', `fields.${select}.options`, { field: `fields.${select}.options` });
}

/** REQ-5: a party administrator adds a request type or standard change to the party's catalogue. */
export async function createCatalogueItem(ctx: ServiceContext, input: CatalogueItemInput) {
  assertAdministersParty(ctx.actor, ctx.actor.party);
  assertUniqueKeys(input.fields);
  return ctx.db.transaction(async (tx) => {
    const row = await insertCatalogueItem(tx, {
      id: randomUUID(),
      partyId: ctx.actor.party,
      ...input,
      template: input.template ?? null,
      active: input.active ?? true,
    });
    if (!row) throw new AppError('catalogue.exists', 'code');
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      party: ctx.actor.party,
      action: 'catalogue.create',
      targetId: row.id,
      data: { code: row.code, kind: row.kind },
    });
    return row;
  });
}

/** Replaces an item of the administrator's own party; requests already recorded keep the form they were made with. */
export async function replaceCatalogueItem(
  ctx: ServiceContext,
  id: string,
  input: Omit<CatalogueItemInput, 'kind' | 'code'>,
) {
  assertUniqueKeys(input.fields);
  return ctx.db.transaction(async (tx) => {
    const item = await findCatalogueItemById(tx, id);
    if (!item || item.partyId !== ctx.actor.party) throw new AppError('catalogue.not_found');
    assertAdministersParty(ctx.actor, item.partyId);
    const row = await updateCatalogueItem(tx, id, {
      ...input,
      template: input.template ?? null,
      active: input.active ?? true,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.id,
      party: ctx.actor.party,
      action: 'catalogue.update',
      targetId: id,
      data: { code: row.code },
    });
    return row;
  });
}
