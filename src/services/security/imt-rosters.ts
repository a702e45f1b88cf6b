import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { clearanceCovers } from '../../domain/sensitivity.ts';
import { TAXONOMY } from '../../domain/taxonomy.ts';
import { imtRosters, users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import type { ServiceContext } from '../write-path/context.ts';
import type { Actor } from '../../domain/actor.ts';

function assertSecurityOfficerOf(actor: Actor, party: string) {
  if (actor.party !== party || !actor.roles.includes('security_officer')) throw new AppError('auth.forbidden');
}

/** SEC-2: a party's incident management team rosters, by event type (a taxonomy class). */
export async function listRosters(ctx: ServiceContext, party: string) {
  assertSecurityOfficerOf(ctx.actor, party);
  return ctx.db.select().from(imtRosters).where(eq(imtRosters.partyId, party));
}

/** SEC-2: the security officer names the team members for an event type, from the party's own users cleared ETS CRITICAL. */
export async function setRoster(ctx: ServiceContext, party: string, eventType: string, members: string[]) {
  assertSecurityOfficerOf(ctx.actor, party);
  if (!TAXONOMY.classes.some((c) => c.value === eventType))
    throw new AppError('validation.invalid', 'eventType', { field: 'eventType', detail: 'taxonomy' });
  const ids = [...new Set(members)];
  const rows =
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(users)
          .where(and(inArray(users.id, ids), eq(users.partyId, party)));
  const index = ids.findIndex((id) => {
    const user = rows.find((u) => u.id === id);
    return !user?.active || !clearanceCovers(user.clearance, 'CRITICAL');
  });
  if (index >= 0) throw new AppError('user.not_found', `members.${index}`);
  return ctx.db.transaction(async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(imtRosters)
      .values({ partyId: party, eventType, members: ids, updatedBy: ctx.actor.id, updatedAt: now })
      .onConflictDoUpdate({
        target: [imtRosters.partyId, imtRosters.eventType],
        set: { members: ids, updatedBy: ctx.actor.id, updatedAt: now },
      })
      .returning();
    await writeAudit(
      tx,
      { actorId: ctx.actor.id, party, action: 'imt.roster', targetId: eventType, data: { members: ids } },
      now,
    );
    return row!;
  });
}
