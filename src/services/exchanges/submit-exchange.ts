import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../domain/errors.ts';
import type { ExchangeKind } from '../../domain/exchanges.ts';
import type { Sensitivity } from '../../domain/sensitivity.ts';
import { exchanges } from '../../store/schema/index.ts';
import { SHARED_RECORDS, shareNewRecord } from '../cbm/share-record.ts';
import type { ServiceContext } from '../write-path/context.ts';

export const EXCHANGE_WRITERS = SHARED_RECORDS.exchange.roles;

export interface SubmitExchangeInput {
  kind: ExchangeKind;
  year?: number | undefined;
  title: string;
  language: string;
  body: string;
  bodyEn?: string | undefined;
  sensitivity?: Sensitivity | undefined;
}

/**
 * CBM-3: the actor's party distributes a submission to every party (those cleared for its
 * level). The yearly summary covers one year, once per party, and comes with an English
 * translation when written in another official language.
 */
export async function submitExchange(ctx: ServiceContext, input: SubmitExchangeInput) {
  return shareNewRecord(ctx, 'exchange', input.sensitivity, async (tx, sensitivity, now) => {
    if (input.language !== 'en' && !input.bodyEn?.trim())
      throw new AppError('validation.invalid', 'bodyEn', { field: 'bodyEn', detail: 'english_translation' });
    const yearly = input.kind === 'yearly_summary';
    if (yearly && !input.year)
      throw new AppError('validation.invalid', 'year', { field: 'year', detail: 'year_required' });
    if (yearly) {
      const [existing] = await tx
        .select({ id: exchanges.id })
        .from(exchanges)
        .where(
          and(
            eq(exchanges.partyId, ctx.actor.party),
            eq(exchanges.kind, 'yearly_summary'),
            eq(exchanges.year, input.year!),
          ),
        );
      if (existing) throw new AppError('validation.invalid', 'year', { field: 'year', detail: 'summary_exists' });
    }
    const [row] = await tx
      .insert(exchanges)
      .values({
        id: randomUUID(),
        partyId: ctx.actor.party,
        kind: input.kind,
        year: yearly ? input.year! : null,
        title: input.title,
        language: input.language,
        body: input.body,
        bodyEn: input.language === 'en' ? null : input.bodyEn!,
        sensitivity,
        createdBy: ctx.actor.id,
        createdAt: now,
      })
      .returning();
    return row!;
  });
}
