import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addActionItem } from '../../services/meetings/add-action-item.ts';
import { completeActionItem } from '../../services/meetings/complete-action-item.ts';
import { getMeeting, listMeetings, meetingSummary, type MeetingRow } from '../../services/meetings/read-meetings.ts';
import { recordMinutes } from '../../services/meetings/record-minutes.ts';
import { scheduleMeeting } from '../../services/meetings/schedule-meeting.ts';
import { Meeting, MeetingDetail, MeetingList } from '../../contract/meetings.ts';
import { errorResponses, Instant, plain, Sensitivity, text, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const IdParams = z.object({ id: z.uuid() });
const present = (row: MeetingRow): Meeting => ({
  id: row.id,
  organiserParty: row.organiserParty,
  title: row.title,
  startsAt: row.startsAt.toISOString(),
  location: row.location,
  agenda: row.agenda,
  participants: row.participants,
  minutes: row.minutes,
  decisions: row.decisions,
  sensitivity: row.sensitivity,
  version: row.version,
});

/** CBM-6: meetings of the designated experts, their minutes, decisions and action items. */
export const meetingRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (request: Parameters<RouteDeps['ctx']>[0], id: string) => {
      const { meeting, actions, exchanges } = await getMeeting(deps.ctx(request), id);
      return {
        ...present(meeting),
        actions: actions.map((a) => ({
          id: a.id,
          description: a.description,
          party: a.party,
          dueAt: a.dueAt?.toISOString() ?? null,
          doneAt: a.doneAt?.toISOString() ?? null,
          note: a.note,
        })),
        exchanges,
      };
    };
    app.get(
      '/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Expert meetings my clearance covers, and the year’s count with its warning (CBM-6)',
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
          response: { 200: MeetingList, ...errorResponses },
        },
      },
      async (request) => {
        const ctx = deps.ctx(request);
        return { items: (await listMeetings(ctx)).map(present), year: await meetingSummary(ctx, request.query.year) };
      },
    );
    app.post(
      '/meetings',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Schedule a meeting of the experts with its agenda and participants (CBM-6)',
          body: z.object({
            title: text(200),
            startsAt: Instant,
            location: text(200),
            agenda: text(20_000),
            participants: z
              .array(z.object({ party: PartyCode, name: text(200) }))
              .min(1)
              .max(100),
            exchangeIds: z.array(z.uuid()).max(50).optional(),
            sensitivity: Sensitivity.optional(),
          }),
          response: { 201: MeetingDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await scheduleMeeting(deps.ctx(request), request.body);
        return reply.status(201).send(await detail(request, row.id));
      },
    );
    app.get(
      '/meetings/:id',
      {
        schema: {
          tags: ['meetings'],
          summary: 'One meeting with its action items and linked exchanges',
          params: IdParams,
          response: { 200: MeetingDetail, ...errorResponses },
        },
      },
      async (request) => detail(request, request.params.id),
    );
    app.post(
      '/meetings/:id/minutes',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Record the minutes, decisions and exchanges discussed (the organising party)',
          params: IdParams,
          body: z.object({
            minutes: text(100_000),
            decisions: z.array(text(4000)).max(100),
            exchangeIds: z.array(z.uuid()).max(50).optional(),
            version: Version.optional(),
          }),
          response: { 200: MeetingDetail, ...errorResponses },
        },
      },
      async (request) => {
        await recordMinutes(deps.ctx(request), request.params.id, request.body);
        return detail(request, request.params.id);
      },
    );
    app.post(
      '/meetings/:id/actions',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Record an action item given to a party (the organising party)',
          params: IdParams,
          body: z.object({ description: text(4000), party: PartyCode, dueAt: Instant.optional() }),
          response: { 200: MeetingDetail, ...errorResponses },
        },
      },
      async (request) => {
        await addActionItem(deps.ctx(request), request.params.id, request.body);
        return detail(request, request.params.id);
      },
    );
    app.post(
      '/meetings/:id/actions/:actionId/complete',
      {
        schema: {
          tags: ['meetings'],
          summary: 'Report an action item given to my party done',
          params: z.object({ id: z.uuid(), actionId: z.uuid() }),
          body: z.object({ note: plain(4000).optional() }),
          response: { 200: MeetingDetail, ...errorResponses },
        },
      },
      async (request) => {
        await completeActionItem(deps.ctx(request), request.params.id, request.params.actionId, request.body);
        return detail(request, request.params.id);
      },
    );
  };
