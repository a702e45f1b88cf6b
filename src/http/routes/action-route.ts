import type { z } from 'zod';
import type { TicketAction } from '../../domain/lifecycle.ts';
import type { ServiceContext } from '../../services/write-path/context.ts';
import type { TicketRow } from '../../services/write-path/context.ts';
import { text, Version } from '../schemas.ts';

export const v = { version: Version.optional() };
export const reason = text(4000);

type Result = TicketRow | { created: TicketRow };

/** One lifecycle action's route: its body schema, the one service it calls and a summary for the API document. */
export interface ActionRoute {
  action: TicketAction;
  summary: string;
  body: z.ZodType<object>;
  /** Calls the service with the body fastify validated against `body`. */
  run(ctx: ServiceContext, id: string, body: unknown): Promise<Result>;
}

/**
 * Ties an action's body schema to its service's input: the service must accept what the schema
 * outputs, checked by the compiler, so a route can neither drop nor invent a field.
 */
export function actionRoute<S extends z.ZodType<object>>(route: {
  action: TicketAction;
  summary: string;
  body: S;
  run: (ctx: ServiceContext, id: string, input: z.output<S>) => Promise<Result>;
}): ActionRoute {
  // fastify parsed the body with exactly `route.body` before the handler runs, so it is its output.
  return { ...route, run: (ctx, id, body) => route.run(ctx, id, body as z.output<S>) };
}
