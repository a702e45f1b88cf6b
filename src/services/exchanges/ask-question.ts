import { randomUUID } from 'node:crypto';
import { exchangeQuestions } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { visibleExchange } from './read-exchanges.ts';

/** CBM-3: anyone who may read a submission asks its party a question about it. */
export async function askQuestion(ctx: ServiceContext, id: string, input: { question: string }) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const exchange = await visibleExchange(tx, ctx, id);
    const [row] = await tx
      .insert(exchangeQuestions)
      .values({
        id: randomUUID(),
        exchangeId: exchange.id,
        partyId: ctx.actor.party,
        byId: ctx.actor.id,
        question: input.question,
        askedAt: now,
      })
      .returning();
    return row!;
  });
}
