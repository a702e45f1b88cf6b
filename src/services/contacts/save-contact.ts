import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ContactChannel, ContactLevel } from '../../domain/contacts.ts';
import { AppError } from '../../domain/errors.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { assertMayShare, assertOwnRecord } from '../../policies/shared-records.ts';
import { contactPoints } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { getContact } from './read-contacts.ts';
import { recordContactChange } from './record-contact-change.ts';

/** Who keeps a party's entries: its administrators and security officers. */
export const CONTACT_KEEPERS = ['party_admin', 'security_officer'] as const;

export interface ContactInput {
  level: ContactLevel;
  structure: string;
  name: string;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  channels: ContactChannel[];
  aroundTheClock?: boolean | undefined;
  escalationLevel?: number | null | undefined;
  sensitivity?: Sensitivity | undefined;
}

function checked(input: ContactInput) {
  if (input.channels.includes('phone') && !input.phone)
    throw new AppError('validation.required', 'phone', { field: 'phone' });
  if (input.channels.includes('email') && !input.email)
    throw new AppError('validation.required', 'email', { field: 'email' });
  if (input.level === 'on_call' && input.aroundTheClock === false)
    throw new AppError('validation.invalid', 'aroundTheClock', { field: 'aroundTheClock', detail: 'on_call_24x7' });
  return {
    level: input.level,
    structure: input.structure,
    name: input.name,
    phone: input.phone ?? null,
    email: input.email ?? null,
    channels: [...new Set(input.channels)],
    aroundTheClock: input.level === 'on_call' ? true : (input.aroundTheClock ?? false),
    escalationLevel: input.escalationLevel ?? null,
  };
}

/** CBM-1: a new entry of the actor's party; saving is a confirmation. */
export async function createContact(ctx: ServiceContext, input: ContactInput) {
  const sensitivity = input.sensitivity ?? 'LIMITED';
  assertMayShare(ctx.actor, CONTACT_KEEPERS, sensitivity);
  const fields = checked(input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactPoints)
      .values({
        id: randomUUID(),
        partyId: ctx.actor.party,
        ...fields,
        sensitivity,
        confirmedAt: now,
        confirmedBy: ctx.actor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const changes = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { from: null, to: v }]));
    await recordContactChange(tx, ctx, row!, 'created', changes, now);
    return row!;
  });
}

/** CBM-1: a change to one of the party's entries: recorded field by field, shown to the other parties. */
export async function updateContact(
  ctx: ServiceContext,
  id: string,
  input: ContactInput & { version?: number | undefined },
) {
  const fields = checked(input);
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const contact = await getContact(tx, ctx, id);
    assertOwnRecord(ctx.actor, contact, CONTACT_KEEPERS);
    if (contact.removedAt) throw new AppError('cbm.state_invalid', undefined, { state: 'removed' });
    if (input.version !== undefined && input.version !== contact.version)
      throw new AppError('cbm.version_conflict', 'version', { current: contact.version });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, value] of Object.entries(fields)) {
      // Object.entries widens the keys to string; they are the keys of `fields`.
      const before = contact[key as keyof typeof fields];
      if (JSON.stringify(before) !== JSON.stringify(value)) changes[key] = { from: before, to: value };
    }
    const [row] = await tx
      .update(contactPoints)
      .set({ ...fields, confirmedAt: now, confirmedBy: ctx.actor.id, version: contact.version + 1, updatedAt: now })
      .where(and(eq(contactPoints.id, id), eq(contactPoints.version, contact.version)))
      .returning();
    if (!row) throw new AppError('cbm.version_conflict', 'version', { current: contact.version + 1 });
    await recordContactChange(tx, ctx, row, Object.keys(changes).length ? 'updated' : 'confirmed', changes, now);
    return row;
  });
}
