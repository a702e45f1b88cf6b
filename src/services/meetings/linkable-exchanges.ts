import { AppError } from '../../domain/errors.ts';
import type { Db } from '../../store/db.ts';
import { visibleExchange } from '../exchanges/read-exchanges.ts';
import type { ServiceContext } from '../write-path/context.ts';

/**
 * CBM-6: the exchanges a meeting may link: ones the actor may read. A link to a more sensitive
 * exchange is allowed (readers of the meeting below its level simply do not see it listed).
 */
export async function linkableExchanges(tx: Db, ctx: ServiceContext, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  for (const [index, id] of unique.entries()) {
    const exchange = await visibleExchange(tx, ctx, id).catch(() => null);
    if (!exchange)
      throw new AppError('validation.invalid', `exchangeIds.${index}`, {
        field: `exchangeIds.${index}`,
        detail: 'unknown_exchange',
      });
  }
  return unique;
}
