import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createMailbox } from '../../services/mail/create-mailbox.ts';
import { readMailboxes } from '../../services/mail/list-mailboxes.ts';
import { dropQuarantined, readQuarantine, retryQuarantined } from '../../services/mail/quarantine.ts';
import { replyByEmail } from '../../services/mail/reply-by-email.ts';
import { updateMailboxSettings } from '../../services/mail/update-mailbox.ts';
import { requireActor } from '../auth-hook.ts';
import { Mailbox, Quarantined } from '../../contract/mail.ts';
import { errorResponses, Sensitivity, text, TicketParams, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const PartyParams = z.object({ id: z.string().max(10) });
const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:[\]-]+$/, 'a host name or address');
const address = z.email().max(254);

const MailboxBody = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(60)
    .regex(/^[A-Za-z0-9._-]+$/, 'letters, digits, dot, dash, underscore'),
  imapHost: host,
  imapPort: z.number().int().min(1).max(65535),
  imapTls: z.boolean(),
  imapUser: text(200),
  imapSecret: z.string().min(1).max(500),
  folder: text(200).optional(),
  ticketType: z.enum(['incident', 'problem']),
  service: text(200),
  sensitivity: Sensitivity,
  address,
  maxAttachmentBytes: z.number().int().min(1_000).max(25_000_000).optional(),
  senderHourlyCap: z.number().int().min(1).max(10_000).optional(),
  enabled: z.boolean().optional(),
});

const IngestResult = z.object({
  outcome: z.enum(['ticket', 'comment', 'ignored', 'quarantined', 'duplicate']),
  messageId: z.string(),
  ticketId: z.uuid().optional(),
  ref: z.string().optional(),
  reason: z.string().optional(),
});

/** COL-2: a party's mailboxes and quarantine (its administrators), and answers to requesters by e-mail. */
export const mailRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const ingestSettings = () => ({ instanceId: deps.instanceId, mail: Boolean(deps.config.SMTP_URL) });

    app.get(
      '/parties/:id/mailboxes',
      {
        schema: {
          tags: ['mail'],
          summary: "A party's mailboxes (its administrators); secrets are never returned",
          params: PartyParams,
          response: { 200: z.object({ items: z.array(Mailbox) }), ...errorResponses },
        },
      },
      async (request) => ({ items: await readMailboxes(deps.db, requireActor(request), request.params.id) }),
    );

    app.post(
      '/parties/:id/mailboxes',
      {
        schema: {
          tags: ['mail'],
          summary:
            'Add a mailbox: IMAP account (secret sealed with MAIL_SECRET_KEY), ticket type, service, sensitivity, address',
          params: PartyParams,
          body: MailboxBody,
          response: { 201: Mailbox, ...errorResponses },
        },
      },
      async (request, reply) => {
        const mailbox = await createMailbox(
          deps.db,
          requireActor(request),
          request.params.id,
          request.body,
          deps.config.MAIL_SECRET_KEY,
        );
        return reply.status(201).send(mailbox);
      },
    );

    app.patch(
      '/parties/:id/mailboxes/:mailboxId',
      {
        schema: {
          tags: ['mail'],
          summary: 'Change a mailbox (a new secret replaces the old one; absent, it is kept)',
          params: PartyParams.extend({ mailboxId: z.uuid() }),
          body: MailboxBody.partial(),
          response: { 200: Mailbox, ...errorResponses },
        },
      },
      async (request) =>
        updateMailboxSettings(
          deps.db,
          requireActor(request),
          request.params.id,
          request.params.mailboxId,
          request.body,
          deps.config.MAIL_SECRET_KEY,
        ),
    );

    app.get(
      '/parties/:id/mail-quarantine',
      {
        schema: {
          tags: ['mail'],
          summary: "Mail that could not be handled, with the reason (the party's administrators)",
          params: PartyParams,
          querystring: z.object({ status: z.enum(['held', 'retried', 'dropped']).optional() }),
          response: { 200: z.object({ items: z.array(Quarantined) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await readQuarantine(deps.db, requireActor(request), request.params.id, request.query.status)).map(
          (q) => ({ ...q, status: q.status as 'held' | 'retried' | 'dropped' }),
        ),
      }),
    );

    app.post(
      '/parties/:id/mail-quarantine/:messageId/retry',
      {
        schema: {
          tags: ['mail'],
          summary:
            'Handle a quarantined message again (the hourly cap aside); it stays held if it still cannot be read',
          params: PartyParams.extend({ messageId: z.uuid() }),
          response: { 200: IngestResult, ...errorResponses },
        },
      },
      async (request) =>
        retryQuarantined(deps.db, requireActor(request), request.params.id, request.params.messageId, ingestSettings()),
    );

    app.post(
      '/parties/:id/mail-quarantine/:messageId/drop',
      {
        schema: {
          tags: ['mail'],
          summary: 'Drop a quarantined message (its content is erased)',
          params: PartyParams.extend({ messageId: z.uuid() }),
          response: { 200: z.object({ id: z.uuid(), status: z.literal('dropped') }), ...errorResponses },
        },
      },
      async (request) => dropQuarantined(deps.db, requireActor(request), request.params.id, request.params.messageId),
    );

    app.post(
      '/tickets/:id/email-replies',
      {
        schema: {
          tags: ['tickets'],
          summary:
            'Answer the requester by e-mail from the party’s mailbox: a shared comment, threaded, with chosen attachments within the requester’s rights',
          params: TicketParams,
          body: z.object({
            body: text(20_000),
            attachmentIds: z.array(z.uuid()).max(20).optional(),
            version: Version.optional(),
          }),
          response: {
            201: z.object({ ref: z.string(), version: z.number().int(), messageId: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { ticket, messageId } = await replyByEmail(deps.ctx(request), request.params.id, request.body);
        return reply.status(201).send({ ref: ticket.ref, version: ticket.version, messageId });
      },
    );
  };
