import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { sharedRecordVisibleTo } from '../../policies/shared-records.ts';
import type { Db } from '../../store/db.ts';
import { exchangeQuestions, exchangeReads, exchanges } from '../../store/schema/index.ts';
import { newestVisibleSharedRecords, oneVisibleSharedRecord } from '../../store/shared-records.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';

export type ExchangeRow = typeof exchanges.$inferSelect;

/** CBM-3: the submissions the actor's clearance covers, newest first. */
export async function listExchanges(ctx: ServiceContext): Promise<ExchangeRow[]> {
  return newestVisibleSharedRecords(
    ctx.actor,
    exchanges,
    ctx.db.select().from(exchanges).$dynamic(),
    desc(exchanges.createdAt),
    desc(exchanges.id),
  );
}

/** One submission the actor may read, or 404. */
export async function visibleExchange(db: Db, ctx: ServiceContext, id: string): Promise<ExchangeRow> {
  return oneVisibleSharedRecord(ctx.actor, exchanges, db.select().from(exchanges).$dynamic(), id);
}

/** The exchanges among `ids` the actor may read (for links from meetings). */
export async function visibleExchangesAmong(db: Db, ctx: ServiceContext, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: exchanges.id, title: exchanges.title, party: exchanges.partyId })
    .from(exchanges)
    .where(and(inArray(exchanges.id, [...ids]), sharedRecordVisibleTo(ctx.actor, exchanges.sensitivity)));
}

/**
 * CBM-3: opens a submission: records the actor's read receipt (the first read only) and gives
 * the questions and answers, and — to the submitting party — who read it and when.
 */
export async function openExchange(ctx: ServiceContext, id: string) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const exchange = await visibleExchange(tx, ctx, id);
    await tx
      .insert(exchangeReads)
      .values({ exchangeId: exchange.id, userId: ctx.actor.id, partyId: ctx.actor.party, at: now })
      .onConflictDoNothing();
    const questions = await tx
      .select()
      .from(exchangeQuestions)
      .where(eq(exchangeQuestions.exchangeId, exchange.id))
      .orderBy(asc(exchangeQuestions.askedAt));
    const reads =
      exchange.partyId === ctx.actor.party
        ? await tx
            .select({ party: exchangeReads.partyId, at: exchangeReads.at })
            .from(exchangeReads)
            .where(eq(exchangeReads.exchangeId, exchange.id))
            .orderBy(asc(exchangeReads.at))
        : null;
    return { exchange, questions, reads };
  });
}
