import { EXPORT_STATUSES } from '../../domain/evidence.ts';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  openPartyExport,
  readPartyExport,
  requestPartyExport,
  type PartyExportRow,
} from '../../services/export/party-exports.ts';
import { ERASURE_DAYS, giveNotice, readErasureCertificate, REMINDER_DAYS } from '../../services/export/offboarding.ts';

import { backupInstance } from '../../services/export/backup-instance.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';
import { sendFile } from '../send-file.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const Export = z.object({
  id: z.uuid(),
  party: z.string(),
  status: z.enum(EXPORT_STATUSES),
  done: z.number().int(),
  total: z.number().int(),
  bytes: z.number().int().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
const present = (r: PartyExportRow): z.infer<typeof Export> => ({
  id: r.id,
  party: r.partyId,
  status: r.status,
  done: r.done,
  total: r.total,
  bytes: r.bytes === null ? null : Number(r.bytes),
  sha256: r.sha256,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt?.toISOString() ?? null,
});

/** AUD-3: a party's export, run as a durable job and downloaded when ready. */
export function exportRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/parties/:party/exports',
      {
        schema: {
          tags: ['export'],
          summary: "Starts an export of the party's data (party administrators); poll it, then download the archive",
          params: z.object({ party: PartyCode }),
          response: { 202: Export, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await requestPartyExport(deps.db, requireActor(request), request.params.party);
        return reply.status(202).send(present(row));
      },
    );
    app.get(
      '/parties/:party/exports/:id',
      {
        schema: {
          tags: ['export'],
          summary: 'Progress of an export',
          params: z.object({ party: PartyCode, id: z.uuid() }),
          response: { 200: Export, ...errorResponses },
        },
      },
      async (request) =>
        present(await readPartyExport(deps.db, requireActor(request), request.params.party, request.params.id)),
    );
    app.get(
      '/parties/:party/exports/:id/archive',
      {
        schema: {
          tags: ['export'],
          summary: 'The finished archive (.tar.gz; format in docs/export.md)',
          params: z.object({ party: PartyCode, id: z.uuid() }),
          produces: ['application/gzip'],
        },
      },
      async (request, reply) => {
        const { row, stream } = await openPartyExport(
          deps.db,
          requireActor(request),
          request.params.party,
          request.params.id,
        );
        return sendFile(
          reply,
          {
            type: 'application/gzip',
            name: `passerelle-${row.partyId}-${row.createdAt.toISOString().slice(0, 10)}.tar.gz`,
          },
          stream,
        );
      },
    );
  };
}

/** AUD-4: a party's end of contract: notice (its administrators) and the erasure certificate. */
export function offboardingRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/parties/:party/offboarding',
      {
        schema: {
          tags: ['export'],
          summary:
            'Records the party’s end-of-contract notice: reminder with export offer at 21 days, erasure within 30',
          params: z.object({ party: PartyCode }),
          response: {
            201: z.object({ party: z.string(), noticeAt: z.string(), reminderAt: z.string(), erasureAt: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const row = await giveNotice(deps.db, requireActor(request), request.params.party);
        const at = (days: number) => new Date(row.noticeAt.getTime() + days * 86_400_000).toISOString();
        return reply.status(201).send({
          party: row.partyId,
          noticeAt: row.noticeAt.toISOString(),
          reminderAt: at(REMINDER_DAYS),
          erasureAt: at(ERASURE_DAYS),
        });
      },
    );
    app.get(
      '/parties/:party/offboarding/certificate',
      {
        schema: {
          tags: ['export'],
          summary: 'The signed erasure certificate (administrators and auditors of either party)',
          params: z.object({ party: PartyCode }),
        },
      },
      async (request) => readErasureCertificate(deps.db, requireActor(request), request.params.party),
    );
  };
}

/**
 * AUD-5 from the serving process: the instance's operators (`sysadmin`) take a consistent backup
 * of a running PGlite instance (whose data directory no other process may open) or PostgreSQL.
 */
export function backupRoutes(deps: RouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/backup',
      {
        schema: {
          tags: ['export'],
          summary: 'A consistent backup of the whole instance, taken now (sysadmin; format in docs/backup.md)',
          produces: ['application/gzip'],
        },
      },
      async (request, reply) => {
        const dir = await mkdtemp(join(tmpdir(), 'passerelle-backup-'));
        const file = join(dir, 'backup.gz');
        try {
          await backupInstance(deps.db, requireActor(request), file);
        } catch (error) {
          await rm(dir, { recursive: true, force: true });
          throw error;
        }
        const stream = createReadStream(file);
        stream.on('close', () => void rm(dir, { recursive: true, force: true }));
        return sendFile(
          reply,
          { type: 'application/gzip', name: `passerelle-backup-${new Date().toISOString().slice(0, 10)}.gz` },
          stream,
        );
      },
    );
  };
}
