import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import { isUuid } from '../../domain/identifiers.ts';
import { assertOwnRecord } from '../../policies/shared-records.ts';
import { exchangeQuestions } from '../../store/schema/index.ts';
import { nowOf, type ServiceContext } from '../write-path/context.ts';
import { visibleExchange } from './read-exchanges.ts';
import { EXCHANGE_WRITERS } from './submit-exchange.ts';

/** CBM-3: the submitting party answers a question on its submission (once). */
export async function answerQuestion(ctx: ServiceContext, id: string, questionId: string, input: { answer: string }) {
  const now = nowOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const exchange = await visibleExchange(tx, ctx, id);
    assertOwnRecord(ctx.actor, exchange, [...EXCHANGE_WRITERS, 'agent']);
    if (!isUuid(questionId)) throw new AppError('cbm.not_found');
    const [row] = await tx
      .update(exchangeQuestions)
      .set({ answer: input.answer, answeredById: ctx.actor.id, answeredAt: now })
      .where(
        and(
          eq(exchangeQuestions.id, questionId),
          eq(exchangeQuestions.exchangeId, exchange.id),
          isNull(exchangeQuestions.answeredAt),
        ),
      )
      .returning();
    if (!row) throw new AppError('cbm.state_invalid', undefined, { state: 'answered' });
    return row;
  });
}
