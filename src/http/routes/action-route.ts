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

/** The service an action calls: it must accept what the action's body schema outputs. */
type ActionService<A extends ActionName> = (ctx: ServiceContext, id: string, input: ActionInput<A>) => Promise<Result>;

/**
 * Ties each action's contract (its body schema and summary, src/contract/actions.ts) to its service's
 * input: each service must accept what its action's schema outputs, checked by the compiler, so a
 * route can neither drop nor invent a field. One route per entry, in the order given.
 */
export function actionRoutes(services: { [A in ActionName]?: ActionService<A> }): ActionRoute[] {
  // Object.keys gives string[]; the keys of `services` are ActionNames by its type.
  return (Object.keys(services) as ActionName[]).map((action) => {
    const { summary, body } = ACTION_CONTRACTS[action];
    // The compiler checked services[action] against ActionInput<action> above; the key's type is lost in the loop.
    const service = services[action] as ActionService<typeof action>;
    // fastify parsed the body with exactly `body` before the handler runs, so it is its output.
    return { action, summary, body, run: (ctx, id, input) => service(ctx, id, input as ActionInput<typeof action>) };
  });
}
