import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONTACT_CHANNELS, CONTACT_LEVELS } from '../../domain/contacts.ts';
import { confirmContact } from '../../services/contacts/confirm-contact.ts';
import {
  getContact,
  listContactChanges,
  listContacts,
  withStatus,
  type ContactChangeRow,
} from '../../services/contacts/read-contacts.ts';
import { removeContact } from '../../services/contacts/remove-contact.ts';
import { createContact, updateContact } from '../../services/contacts/save-contact.ts';
import { Contact, ContactChange } from '../../contract/contacts.ts';
import { errorResponses, Sensitivity, text, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const IdParams = z.object({ id: z.uuid() });

type Presentable = ReturnType<typeof withStatus>;
const present = (row: Presentable): Contact => ({
  id: row.id,
  party: row.partyId,
  level: row.level,
  structure: row.structure,
  name: row.name,
  phone: row.phone,
  email: row.email,
  channels: row.channels,
  aroundTheClock: row.aroundTheClock,
  escalationLevel: row.escalationLevel,
  sensitivity: row.sensitivity,
  confirmedAt: row.confirmedAt.toISOString(),
  confirmationDue: row.confirmationDue.toISOString(),
  status: row.status,
  removedAt: row.removedAt?.toISOString() ?? null,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
});
const presentChange = (row: ContactChangeRow): ContactChange => ({
  id: row.id,
  contactId: row.contactId,
  party: row.partyId,
  kind: row.kind,
  changes: row.changes,
  at: row.at.toISOString(),
});

const ContactBody = z.object({
  level: z.enum(CONTACT_LEVELS),
  structure: text(200),
  name: text(200),
  phone: z
    .string()
    .regex(/^\+?[0-9 ().-]{6,30}$/)
    .nullable()
    .optional(),
  email: z.email().max(254).nullable().optional(),
  channels: z.array(z.enum(CONTACT_CHANNELS)).min(1).max(3),
  aroundTheClock: z.boolean().optional(),
  escalationLevel: z.number().int().min(1).max(9).nullable().optional(),
  sensitivity: Sensitivity.optional(),
});

/** CBM-1: the directory of points of contact of every party. */
export const contactRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const now = () => new Date();
    app.get(
      '/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Points of contact of every party (or one), with their confirmation state (CBM-1)',
          querystring: z.object({ party: PartyCode.optional() }),
          response: { 200: z.object({ items: z.array(Contact) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await listContacts(deps.ctx(request), request.query.party)).map(present) }),
    );
    app.get(
      '/contacts/changes',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Changes to the entries, newest first, as shown to the other parties (CBM-1)',
          response: { 200: z.object({ items: z.array(ContactChange) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await listContactChanges(deps.ctx(request))).map(presentChange) }),
    );
    app.post(
      '/contacts',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Add a point of contact of my party (administrators, security officers)',
          body: ContactBody,
          response: { 201: Contact, ...errorResponses },
        },
      },
      async (request, reply) =>
        reply.status(201).send(present(withStatus(await createContact(deps.ctx(request), request.body), now()))),
    );
    app.get(
      '/contacts/:id',
      {
        schema: {
          tags: ['contacts'],
          summary: 'One point of contact with its history',
          params: IdParams,
          response: { 200: Contact.extend({ history: z.array(ContactChange) }), ...errorResponses },
        },
      },
      async (request) => {
        const ctx = deps.ctx(request);
        const row = await getContact(ctx.db, ctx, request.params.id);
        const history = await listContactChanges(ctx, row.id);
        return { ...present(withStatus(row, now())), history: history.map(presentChange) };
      },
    );
    app.put(
      '/contacts/:id',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Change a point of contact of my party; the change is recorded and shown to the other parties',
          params: IdParams,
          body: ContactBody.extend({ version: Version.optional() }),
          response: { 200: Contact, ...errorResponses },
        },
      },
      async (request) =>
        present(withStatus(await updateContact(deps.ctx(request), request.params.id, request.body), now())),
    );
    app.post(
      '/contacts/:id/confirm',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Confirm that the entry is still right (yearly, CBM-1)',
          params: IdParams,
          response: { 200: Contact, ...errorResponses },
        },
      },
      async (request) => present(withStatus(await confirmContact(deps.ctx(request), request.params.id), now())),
    );
    app.delete(
      '/contacts/:id',
      {
        schema: {
          tags: ['contacts'],
          summary: 'Withdraw a point of contact of my party; its history stays',
          params: IdParams,
          response: { 200: Contact, ...errorResponses },
        },
      },
      async (request) => present(withStatus(await removeContact(deps.ctx(request), request.params.id), now())),
    );
  };
