import type { z } from 'zod';
import type { TicketAction } from '../../domain/lifecycle.ts';
import type { ServiceContext } from '../../services/write-path/context.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import { text, Version } from '../schemas.ts';

export const v = { version: Version.optional() };
export const reason = text(4000);

export type Run = (ctx: ServiceContext, id: string, body: never) => Promise<TicketRow | { created: TicketRow }>;

/** One lifecycle action's route: its body schema, the one service it calls and a summary for the API document. */
export interface ActionRoute {
  action: TicketAction;
  summary: string;
  body: z.ZodType<object>;
  run: Run;
}
