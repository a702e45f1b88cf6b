import type { z } from 'zod';
import type { TicketAction } from '../../domain/lifecycle.ts';
import type { ServiceContext } from '../../services/write-path/context.ts';
import type { TicketRow } from '../../services/write-path/context.ts';
import { ACTION_CONTRACTS, type ActionInput, type ActionName } from '../../contract/actions.ts';

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
 * Ties an action's contract (its body schema and summary, src/contract/actions.ts) to its service's
 * input: the service must accept what the schema outputs, checked by the compiler, so a route can
 * neither drop nor invent a field.
 */
export function actionRoute<A extends ActionName>(route: {
  action: A;
  run: (ctx: ServiceContext, id: string, input: ActionInput<A>) => Promise<Result>;
}): ActionRoute {
  const { summary, body } = ACTION_CONTRACTS[route.action];
  // fastify parsed the body with exactly `body` before the handler runs, so it is its output.
  return { action: route.action, summary, body, run: (ctx, id, input) => route.run(ctx, id, input as ActionInput<A>) };
}
