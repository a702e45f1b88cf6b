import { randomUUID } from 'node:crypto';

import { replaceKnownError } from '../../store/known-errors.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { withDetails } from '../write-path/details.ts';
import { runTicketAction } from '../write-path/ticket-action.ts';

export interface PublishKnownErrorInput {
  symptoms: string;
  cause: string;
  workaround: string;
  version?: number | undefined;
}

/**
 * PRB-2 / COL-3: publishes the problem's known error to the knowledge base, for the desks of
 * the problem's parties to find during initial diagnosis, at the problem's classification.
 */
export function publishKnownError(ctx: ServiceContext, idOrRef: string, input: PublishKnownErrorInput) {
  return runTicketAction(ctx, idOrRef, 'publish_known_error', input.version, async (problem, tx, now) => {
    const id = randomUUID();
    await replaceKnownError(tx, {
      id,
      problemId: problem.id,
      partyId: ctx.actor.party,
      parties: problem.participants,
      sensitivity: problem.sensitivity,
      title: problem.title,
      service: problem.service,
      symptoms: input.symptoms,
      cause: input.cause,
      workaround: input.workaround,
      publishedBy: ctx.actor.id,
      publishedAt: now,
    });
    return {
      patch: {
        knownError: input.cause,
        workaround: input.workaround,
        ...withDetails(problem, 'problem', { knownErrorId: id, rootCause: input.cause }),
      },
      events: [{ event: { kind: 'known_error_published', data: { knownErrorId: id, title: problem.title } } }],
      audit: { knownErrorId: id },
    };
  });
}
