import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';
import { attachFile } from '../../services/attachments/attach-file.ts';
import { loadVisibleTicket } from '../../services/write-path/ticket-action.ts';
import { attachmentContent, attachmentsOf, type AttachmentMeta } from '../../store/attachments.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses, Sensitivity, text, TicketParams, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const Attachment = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  sensitivity: Sensitivity,
  party: z.string(),
  createdAt: z.iso.datetime(),
});
const present = (a: AttachmentMeta) => ({
  ...a,
  sensitivity: a.sensitivity as z.infer<typeof Sensitivity>,
  createdAt: a.createdAt.toISOString(),
});

/** TKT-7 attachments, each with its own sensitivity (ISM-4). */
export const attachmentRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/tickets/:id/attachments',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Attachments of a ticket the reader is cleared for',
          params: TicketParams,
          response: { 200: z.object({ items: z.array(Attachment) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const ticket = await loadVisibleTicket(deps.db, actor, request.params.id);
        return { items: (await attachmentsOf(deps.db, ticket.id, actor.clearance)).map(present) };
      },
    );

    app.post(
      '/tickets/:id/attachments',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Attach a file (base64, at most 700 kB) with its own sensitivity, not below the ticket’s',
          params: TicketParams,
          body: z.object({
            name: text(200),
            mediaType: z
              .string()
              .regex(/^[\w.+-]+\/[\w.+-]+$/)
              .max(100),
            contentBase64: z.string().min(1).max(1_000_000),
            sensitivity: Sensitivity.optional(),
            version: Version.optional(),
          }),
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { attachment } = await attachFile(deps.ctx(request), request.params.id, request.body);
        return reply.status(201).send(present(attachment));
      },
    );

    app.get(
      '/tickets/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['tickets'],
          summary: 'Download an attachment the reader is cleared for',
          params: TicketParams.extend({ attachmentId: z.uuid() }),
          response: { 200: z.unknown(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const ticket = await loadVisibleTicket(deps.db, actor, request.params.id);
        const file = await attachmentContent(deps.db, ticket.id, request.params.attachmentId, actor.clearance);
        if (!file) throw new AppError('request.not_found');
        return reply
          .type(file.mediaType)
          .header('content-disposition', `attachment; filename="${encodeURIComponent(file.name)}"`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.content);
      },
    );
  };
