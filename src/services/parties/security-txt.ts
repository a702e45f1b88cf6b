import { eq, isNotNull } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { securityTxtFile, type SecurityTxt } from '../../domain/security-txt.ts';
import type { Db } from '../../store/db.ts';
import { parties } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

/** CBM-4 / RFC 9116: a party's administrator or security officer sets what it publishes (null: nothing). */
export async function setSecurityTxt(ctx: ServiceContext, party: string, fields: SecurityTxt | null) {
  if (party !== ctx.actor.party || !ctx.actor.roles.some((r) => r === 'party_admin' || r === 'security_officer'))
    throw new AppError('auth.forbidden');
  const now = nowOf(ctx);
  if (fields && Date.parse(fields.expires) <= now.getTime())
    throw new AppError('validation.invalid', 'expires', { field: 'expires', detail: 'future' });
  return ctx.db.transaction(async (tx) => {
    await tx.update(parties).set({ securityTxt: fields }).where(eq(parties.id, party));
    await writeAudit(tx, { actorId: ctx.actor.id, party, action: 'party.security_txt', targetId: party }, now);
    return fields;
  });
}

/** The party's own published fields (its people only: they edit them). */
export async function getSecurityTxt(ctx: ServiceContext, party: string): Promise<SecurityTxt | null> {
  if (party !== ctx.actor.party) throw new AppError('auth.forbidden');
  const [row] = await ctx.db.select({ fields: parties.securityTxt }).from(parties).where(eq(parties.id, party));
  return row?.fields ?? null;
}

/** The instance's public security.txt, or null when no party publishes one in force. */
export async function instanceSecurityTxt(db: Db, now = new Date()): Promise<string | null> {
  const rows = await db
    .select({ party: parties.id, fields: parties.securityTxt })
    .from(parties)
    .where(isNotNull(parties.securityTxt))
    .orderBy(parties.id);
  return securityTxtFile(
    rows.flatMap((r) => (r.fields ? [{ party: r.party, fields: r.fields }] : [])),
    now,
  );
}
