import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addCalendarVersion, readCalendar } from '../../services/sla/edit-calendar.ts';
import { currentTargets, setTargets } from '../../services/sla/sla-targets.ts';
import { ProposalSchema, replyProposed } from './agreement.ts';
import { requireActor } from '../auth-hook.ts';
import { SlaTarget } from '../../contract/agreement.ts';
import { errorResponses, Priority } from '../../contract/schemas.ts';
import { IsoDate, Weekly, PartyCalendar } from '../../contract/services.ts';
import type { RouteDeps } from './deps.ts';

const PartyParams = z.object({ id: z.string().max(10) });

async function present(deps: RouteDeps, partyId: string) {
  const { calendar, versions } = await readCalendar(deps.db, partyId);
  return {
    party: calendar.partyId,
    timeZone: calendar.timeZone,
    country: calendar.holidayCountry,
    region: calendar.holidayRegion,
    warnPct: calendar.warnPct,
    versions: versions.map((v) => ({
      version: v.version,
      effectiveFrom: v.effectiveFrom,
      weekly: v.weekly,
      holidays: v.holidays,
      extraClosures: v.extraClosures,
      onCallPriorities: v.onCallPriorities,
      createdAt: v.createdAt.toISOString(),
    })),
  };
}

/** Business calendars (SLA-3) and targets (SLA-2): read by everyone, changed by dated versions. */
export const calendarRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/parties/:id/calendar',
      {
        schema: {
          tags: ['service levels'],
          summary: "A party's business calendar and its versions",
          params: PartyParams,
          response: { 200: PartyCalendar, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return present(deps, request.params.id);
      },
    );

    app.post(
      '/parties/:id/calendar/versions',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Add a calendar version in force from today or later (party administrators)',
          params: PartyParams,
          body: z.object({
            effectiveFrom: IsoDate,
            weekly: Weekly,
            extraClosures: z.array(IsoDate).max(400).default([]),
            onCallPriorities: z.array(Priority).default([]),
            warnPct: z.number().int().min(1).max(99).optional(),
          }),
          response: { 201: PartyCalendar, ...errorResponses },
        },
      },
      async (request, reply) => {
        await addCalendarVersion(deps.db, requireActor(request), request.params.id, request.body);
        return reply.status(201).send(await present(deps, request.params.id));
      },
    );

    app.get(
      '/parties/:id/sla-targets',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Targets in force today per type and priority',
          params: PartyParams,
          response: { 200: z.object({ items: z.array(SlaTarget) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await currentTargets(deps.db, request.params.id) };
      },
    );

    app.put(
      '/parties/:id/sla-targets',
      {
        schema: {
          tags: ['service levels'],
          summary:
            'Propose targets for tickets opened from a date on, tomorrow or later; they apply once every other party accepts (SNC 10.2)',
          params: PartyParams,
          body: z.object({ effectiveFrom: IsoDate, items: z.array(SlaTarget).min(1).max(12) }),
          response: { 202: ProposalSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        replyProposed(
          reply,
          setTargets(deps.db, requireActor(request), request.params.id, request.body.effectiveFrom, request.body.items),
        ),
    );
  };
