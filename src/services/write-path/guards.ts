import { inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { maxSensitivity, sensitivityRank, type Sensitivity } from '../../domain/sensitivity.ts';
import { CARRYING_LINKS } from '../../domain/ticket-types.ts';
import { assertMayLowerSensitivity } from '../../policies/ticket-actions.ts';
import { userMaySee } from '../../policies/ticket-visibility.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Db } from '../../store/db.ts';
import { users } from '../../store/schema/index.ts';
import { linkedTargetLevels, type TicketRow } from '../../store/ticket-reads.ts';
import type { NewTicket } from '../../store/ticket-writes.ts';

/**
 * ISM-2, on every change (runTicketAction): a ticket's level goes down only by a security
 * officer's act with a reason, and never below the level of a ticket it was made from or
 * gathers (its links), whichever action lowers it.
 */
export async function assertLowering(
  tx: Db,
  actor: Actor,
  ticket: TicketRow,
  to: Sensitivity,
  reason: string | undefined,
): Promise<void> {
  const from = ticket.sensitivity;
  if (sensitivityRank(to) >= sensitivityRank(from)) return;
  assertMayLowerSensitivity(actor, reason);
  const floor = (await linkedTargetLevels(tx, ticket.id, CARRYING_LINKS)).reduce<Sensitivity>(
    (acc, level) => maxSensitivity(acc, level),
    'LIMITED',
  );
  if (sensitivityRank(to) < sensitivityRank(floor))
    throw new AppError('validation.invalid', 'sensitivity', {
      field: 'sensitivity',
      detail: 'below_links',
      level: floor,
    });
}

/**
 * Every hand-over to a person — an assignee, a new member of the incident team — goes only to
 * someone who may read the ticket as it will be after the change (party, clearance, team):
 * nobody is handed a ticket that answers them 404.
 */
export async function assertHandOver(
  tx: Db,
  ticket: TicketRow,
  patch: Partial<NewTicket>,
  after: Pick<TicketRow, 'participants' | 'sensitivity' | 'team'>,
): Promise<void> {
  const assignee = patch.assigneeId && patch.assigneeId !== ticket.assigneeId ? patch.assigneeId : null;
  const added = (patch.team ?? []).filter((id) => !(ticket.team ?? []).includes(id));
  const ids = [...new Set([...(assignee ? [assignee] : []), ...added])];
  if (ids.length === 0) return;
  const rows = await tx.select().from(users).where(inArray(users.id, ids));
  for (const id of ids) {
    const user = rows.find((u) => u.id === id);
    if (!user || !userMaySee(user, after))
      throw new AppError('ticket.handover_not_cleared', id === assignee ? 'assigneeId' : 'members');
  }
}
