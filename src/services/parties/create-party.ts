import { randomUUID } from 'node:crypto';
import { AppError } from '../../domain/errors.ts';
import { isHolidayArea } from '../../domain/holidays.ts';
import { PARTY_CODE_PATTERN } from '../../domain/identifiers.ts';
import { isTimeZone } from '../../domain/time-zone.ts';
import { defaultEscalationLevels } from '../../domain/roles.ts';
import type { Lang } from '../../domain/lang.ts';
import type { Db } from '../../store/db.ts';
import { findParty } from '../../store/directory.ts';
import { groups, parties } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { seedCatalogue } from '../catalogue/seed-catalogue.ts';
import { createCalendar, DEFAULT_CALENDAR, type CalendarChoice } from '../sla/default-calendar.ts';

export interface CreatePartyInput {
  id: string;
  name: string;
  language?: Lang | undefined;
  requireTotp?: boolean | undefined;
  resolverGroups?: string[] | undefined;
  calendar?: CalendarChoice | undefined;
}

/** PARTY-1: a party with its service desk, its resolver groups and COP escalation levels. */
export async function createParty(db: Db, input: CreatePartyInput) {
  if (input.calendar && !isTimeZone(input.calendar.timeZone))
    throw new AppError('validation.invalid', 'timeZone', { field: 'timeZone', detail: 'time_zone' });
  if (input.calendar && !isHolidayArea(input.calendar.country, input.calendar.region ?? null))
    throw new AppError('validation.invalid', 'country', { field: 'country', detail: 'holiday_area' });
  if (!PARTY_CODE_PATTERN.test(input.id))
    throw new AppError('validation.invalid', 'id', { field: 'id', detail: 'party_code' });
  return db.transaction(async (tx) => {
    if (await findParty(tx, input.id)) throw new AppError('party.exists', 'id');
    const [party] = await tx
      .insert(parties)
      .values({
        id: input.id,
        name: input.name,
        language: input.language ?? 'en',
        requireTotp: input.requireTotp ?? false,
        escalationLevels: defaultEscalationLevels(input.id),
      })
      .returning();
    const made: (typeof groups.$inferInsert)[] = [
      { id: randomUUID(), partyId: input.id, name: `${input.id} Service Desk`, kind: 'desk' },
      ...(input.resolverGroups ?? []).map((name) => ({
        id: randomUUID(),
        partyId: input.id,
        name,
        kind: 'resolver' as const,
      })),
    ];
    await tx.insert(groups).values(made);
    await createCalendar(tx, input.id, input.calendar ?? DEFAULT_CALENDAR);
    await seedCatalogue(tx, input.id);
    await writeAudit(tx, { actorId: null, party: input.id, action: 'party.create', targetId: input.id });
    return { party: party!, groups: made };
  });
}
