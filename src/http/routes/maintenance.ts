import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createApiToken } from '../../services/auth/api-tokens.ts';
import { cooperationDates } from '../../services/calendar/cooperation-dates.ts';
import { plannedWork } from '../../services/calendar/planned-work.ts';
import { maintenanceCalendar } from '../../services/maintenance/calendar-feed.ts';
import { cancelMaintenance, listMaintenance, scheduleMaintenance } from '../../services/sla/maintenance-windows.ts';
import { readParties } from '../../services/parties/read-directory.ts';
import type { MaintenanceWindow as WindowRow } from '../../services/sla/maintenance-windows.ts';
import { requireActor } from '../auth-hook.ts';
import { errorResponses, Instant, plain, text } from '../../contract/schemas.ts';
import { CalendarFeed, CooperationDate, MaintenanceWindow, PlannedItem } from '../../contract/services.ts';
import type { RouteDeps } from './deps.ts';
import { sendFile } from '../send-file.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);

const presentWindow = (w: WindowRow, releaseRef: string | null = null): z.infer<typeof MaintenanceWindow> => ({
  id: w.id,
  party: w.partyId,
  title: w.title,
  service: w.service,
  startsAt: w.startsAt.toISOString(),
  endsAt: w.endsAt.toISOString(),
  joint: w.joint,
  partners: w.partners,
  status: w.status,
  releaseRef,
});

/** The maintenance calendar (COL-5, REL-2): windows of every party, joint windows, iCalendar feeds. */
export const maintenanceRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/maintenance-windows',
      {
        schema: {
          tags: ['maintenance'],
          summary: 'Maintenance windows of every party (or of one) in a period, joint ones included',
          querystring: z.object({
            from: Instant,
            to: Instant,
            party: PartyCode.optional().describe("Only this party's windows and the joint windows it takes part in"),
          }),
          response: { 200: z.object({ items: z.array(MaintenanceWindow) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { party } = request.query;
        const rows = await listMaintenance(
          deps.db,
          actor,
          party ? [party] : (await readParties(deps.db)).map((p) => p.id),
          new Date(request.query.from),
          new Date(request.query.to),
        );
        return { items: rows.map((r) => presentWindow(r.window, r.releaseRef)) };
      },
    );

    app.get(
      '/planned-work',
      {
        schema: {
          tags: ['maintenance'],
          summary: 'Changes and releases the caller may see in a period, with or without a joint window (COL-5)',
          querystring: z.object({
            from: Instant,
            to: Instant,
            party: PartyCode.optional().describe('Only the work this party takes part in'),
          }),
          response: { 200: z.object({ items: z.array(PlannedItem) }), ...errorResponses },
        },
      },
      async (request) => {
        const { from, to, party } = request.query;
        const items = await plannedWork(deps.db, requireActor(request), new Date(from), new Date(to), party);
        return {
          items: items.map((item) => ({
            ...item,
            startsAt: item.startsAt.toISOString(),
            endsAt: item.endsAt.toISOString(),
          })),
        };
      },
    );

    app.get(
      '/cooperation-dates',
      {
        schema: {
          tags: ['maintenance'],
          summary:
            "Expert meetings (CBM-6) and a party's contact confirmations falling due (CBM-1) in a period, for the calendar (COL-5)",
          querystring: z.object({ from: Instant, to: Instant, party: PartyCode.optional() }),
          response: { 200: z.object({ items: z.array(CooperationDate) }), ...errorResponses },
        },
      },
      async (request) => {
        const { from, to, party } = request.query;
        const dates = await cooperationDates(deps.db, requireActor(request), new Date(from), new Date(to), party);
        return {
          items: dates.map((d) =>
            d.kind === 'meeting'
              ? { ...d, startsAt: d.startsAt.toISOString(), endsAt: d.endsAt.toISOString() }
              : { ...d, dueAt: d.dueAt.toISOString() },
          ),
        };
      },
    );

    app.post(
      '/maintenance-windows',
      {
        schema: {
          tags: ['maintenance'],
          summary: 'Schedule a maintenance window of my party',
          body: z.object({
            title: text(200),
            service: plain(120).nullable().optional(),
            startsAt: Instant,
            endsAt: Instant,
          }),
          response: { 201: MaintenanceWindow, ...errorResponses },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const row = await scheduleMaintenance(deps.db, requireActor(request), {
          title: b.title,
          service: b.service,
          startsAt: new Date(b.startsAt),
          endsAt: new Date(b.endsAt),
        });
        return reply.status(201).send(presentWindow(row));
      },
    );

    app.delete(
      '/maintenance-windows/:id',
      {
        schema: {
          tags: ['maintenance'],
          summary: 'Cancel a future maintenance window of my party (joint windows go through their release)',
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        await cancelMaintenance(deps.db, requireActor(request), request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/parties/:id/maintenance.ics',
      {
        config: { calendarFeed: true },
        schema: {
          tags: ['maintenance'],
          summary: "A party's maintenance calendar as iCalendar (UTC); signed in, or ?feed=<feed token>",
          params: z.object({ id: PartyCode }),
          querystring: z.object({ feed: z.string().max(200).optional() }),
          response: { 200: z.string(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const body = await maintenanceCalendar(deps.db, requireActor(request), request.params.id, new Date());
        return sendFile(
          reply,
          { type: 'text/calendar; charset=utf-8', name: `${request.params.id}-maintenance.ics`, inline: true },
          body,
        );
      },
    );

    app.post(
      '/me/calendar-feed',
      {
        schema: {
          tags: ['maintenance'],
          summary: 'A read-only token for calendar clients (shown once)',
          response: { 201: CalendarFeed, ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const created = await createApiToken(deps.db, actor, { name: 'calendar feed', scope: 'calendar' });
        return reply
          .status(201)
          .send({ url: `/api/v1/parties/${actor.party}/maintenance.ics?feed=${created.token}`, token: created.token });
      },
    );
  };
