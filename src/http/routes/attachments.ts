import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors.ts';

import { attachFile } from '../../services/attachments/attach-file.ts';
import {
  listAttachments,
  readAttachment,
  type AttachmentSummary,
} from '../../services/attachments/read-attachments.ts';

import { DOWNLOAD_POLICY } from '../security-headers.ts';
import { Attachment, errorResponses, Sensitivity, text, TicketParams, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const present = (a: AttachmentSummary) => ({
  ...a,
  sensitivity: a.sensitivity,
  createdAt: a.createdAt.toISOString(),
});

/** The largest a party may set its attachment limit to (bytes). */
const UPLOAD_LIMIT = 25_000_000;

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
        return { items: (await listAttachments(deps.ctx(request), request.params.id)).map(present) };
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

    // The console sends files as they are (no base64), up to the largest per-party limit; the party's own limit applies in the service.
    app.addContentTypeParser(
      'application/octet-stream',
      { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
      (_r, body, done) => done(null, body),
    );
    app.post(
      '/tickets/:id/attachments/upload',
      {
        bodyLimit: UPLOAD_LIMIT,
        schema: {
          tags: ['tickets'],
          summary:
            'Attach a file sent as application/octet-stream (name and sensitivity in the query); type detected from the content, size within the party’s limit',
          params: TicketParams,
          querystring: z.object({
            name: text(200),
            sensitivity: Sensitivity.optional(),
            version: z.coerce.number().int().positive().optional(),
          }),
          response: { 201: Attachment, ...errorResponses },
        },
      },
      async (request, reply) => {
        const content = request.body;
        if (!Buffer.isBuffer(content)) throw new AppError('request.unsupported_media_type', 'content');
        const { attachment } = await attachFile(deps.ctx(request), request.params.id, {
          ...request.query,
          content,
        });
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
        const file = await readAttachment(deps.ctx(request), request.params.id, request.params.attachmentId);
        return reply
          .type(file.mediaType)
          .header(
            'content-disposition',
            `attachment; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', DOWNLOAD_POLICY)
          .header('cache-control', 'no-store')
          .send(file.content);
      },
    );
  };
