import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertReadsAudit } from '../../policies/audit.ts';
import { readCheckpoint, readCheckpoints, verifyAgainstCheckpoint } from '../../services/audit/checkpoints.ts';
import { exportPartyAudit, readPartyAudit } from '../../services/audit/party-audit.ts';
import { verifyAuditChain } from '../../services/audit/verify-chain.ts';
import type { AuditFilter } from '../../services/audit/party-audit.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses } from '../../contract/schemas.ts';
import {
  AuditEntryPage,
  AuditFilter as Filter,
  AuditListQuery as ListQuery,
  ChainReport,
  Checkpoint,
} from '../../contract/audit.ts';
import type { RouteDeps } from './deps.ts';
import { sendFile } from '../send-file.ts';

const filterOf = (q: z.infer<typeof Filter>): AuditFilter => ({
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
  actor: q.actor,
  ticket: q.ticket,
  action: q.action,
});

/** AUD-1/AUD-2: the audit log of one's party, its exports, the chain's verification and checkpoints. */
export function auditRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit/entries',
      {
        schema: {
          tags: ['audit'],
          summary: "Audit entries that concern the reader's party (auditors, party administrators), newest first",
          querystring: ListQuery,
          response: {
            200: AuditEntryPage,
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { before, limit, ...filter } = request.query;
        return readPartyAudit(deps.db, requireActor(request), filterOf(filter), { before, limit });
      },
    );

    for (const format of ['csv', 'jsonl'] as const) {
      app.get(
        `/audit/entries.${format}`,
        {
          schema: {
            tags: ['audit'],
            summary: `Export of the same entries, oldest first, as ${format === 'csv' ? 'CSV' : 'JSON Lines'}`,
            querystring: Filter,
            produces: [format === 'csv' ? 'text/csv' : 'application/jsonl'],
          },
        },
        async (request, reply) => {
          const actor = requireActor(request);
          assertReadsAudit(actor);
          const stream = Readable.from(exportPartyAudit(deps.db, actor, filterOf(request.query), format));
          return sendFile(
            reply,
            {
              type: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
              name: `audit-${actor.party}.${format}`,
            },
            stream,
          );
        },
      );
    }

    app.get(
      '/audit/verify',
      {
        schema: {
          tags: ['audit'],
          summary: "Recomputes the instance's audit chain and names the first entry altered, removed or reordered",
          response: { 200: ChainReport, ...errorResponses },
        },
      },
      async (request) => {
        assertReadsAudit(requireActor(request));
        return verifyAuditChain(deps.db);
      },
    );

    app.get(
      '/audit/checkpoints',
      {
        schema: {
          tags: ['audit'],
          summary: 'Signed daily checkpoints of the chain, to keep outside the instance',
          response: { 200: z.object({ checkpoints: z.array(Checkpoint) }), ...errorResponses },
        },
      },
      async (request) => ({ checkpoints: await readCheckpoints(deps.db, requireActor(request)) }),
    );

    app.get(
      '/audit/checkpoints/:id',
      {
        schema: {
          tags: ['audit'],
          summary: 'One signed checkpoint, as a file',
          params: z.object({ id: z.uuid() }),
          response: { 200: Checkpoint, ...errorResponses },
        },
      },
      async (request, reply) => {
        const checkpoint = await readCheckpoint(deps.db, requireActor(request), request.params.id);
        void reply.header(
          'content-disposition',
          `attachment; filename="checkpoint-${checkpoint.at.slice(0, 10)}.json"`,
        );
        return checkpoint;
      },
    );

    app.post(
      '/audit/checkpoints/verify',
      {
        schema: {
          tags: ['audit'],
          summary:
            'Verifies the chain against a checkpoint the auditor kept (signature, then the entry at its position)',
          body: Checkpoint,
          response: {
            200: z.object({ signatureValid: z.boolean(), keyMatches: z.boolean(), chain: ChainReport }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        assertReadsAudit(requireActor(request));
        return verifyAgainstCheckpoint(deps.db, request.body);
      },
    );
  };
}
