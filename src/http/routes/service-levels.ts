import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { availabilityCsv, availabilityReport } from '../../services/reports/availability-report.ts';
import { complianceCsv, complianceReport } from '../../services/reports/compliance-report.ts';
import { listOutages, recordOutage, setServiceTarget, updateOutage } from '../../services/reports/outages.ts';
import { requireActor } from '../auth-hook.ts';
import { plain, errorResponses, Instant, text } from '../../contract/schemas.ts';
import { Outage, ComplianceReport, AvailabilityReport } from '../../contract/services.ts';
import { ProposalSchema, replyProposed } from './agreement.ts';
import type { RouteDeps } from './deps.ts';
import { sendFile } from '../send-file.ts';

const Month = z.string().regex(/^(19[7-9]\d|20\d\d)-(0[1-9]|1[0-2])$/, 'YYYY-MM, 1970–2099');
const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const When = Instant;
const ReportQuery = z.object({ party: PartyCode, month: Month, details: z.enum(['true', 'false']).default('false') });
const iso = (d: Date | null) => d?.toISOString() ?? null;
const presentOutage = (o: {
  id: string;
  service: string;
  detectedAt: Date | null;
  reportedAt: Date | null;
  restoredAt: Date | null;
  ticketId: string | null;
}) => ({
  id: o.id,
  service: o.service,
  detectedAt: iso(o.detectedAt),
  reportedAt: iso(o.reportedAt),
  restoredAt: iso(o.restoredAt),
  ticketId: o.ticketId,
});
const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

/** SLA reports (SLA-5, SLA-6), outages and maintenance windows. */
export const serviceLevelRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reports/compliance',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Monthly GTI compliance per priority; details=true lists every ticket behind the figures',
          querystring: ReportQuery,
          response: { 200: ComplianceReport, ...errorResponses },
        },
      },
      async (request) => {
        const { party, month, details } = request.query;
        const report = await complianceReport(deps.db, requireActor(request), party, month);
        return details === 'true'
          ? report
          : { party: report.party, month: report.month, timeZone: report.timeZone, rows: report.rows };
      },
    );

    app.get(
      '/reports/compliance.csv',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Monthly GTI compliance per priority, as CSV',
          querystring: ReportQuery.omit({ details: true }),
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        const { party, month } = request.query;
        const report = await complianceReport(deps.db, requireActor(request), party, month);
        return sendFile(
          reply,
          { type: 'text/csv; charset=utf-8', name: `compliance-${party}-${month}.csv` },
          complianceCsv(report.rows),
        );
      },
    );

    app.get(
      '/reports/availability',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Monthly availability per service against its target',
          querystring: ReportQuery.omit({ details: true }),
          response: { 200: AvailabilityReport, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return availabilityReport(deps.db, request.query.party, request.query.month);
      },
    );

    app.get(
      '/reports/availability.csv',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Monthly availability per service, as CSV',
          querystring: ReportQuery.omit({ details: true }),
          produces: ['text/csv'],
        },
      },
      async (request, reply) => {
        requireActor(request);
        const report = await availabilityReport(deps.db, request.query.party, request.query.month);
        return sendFile(
          reply,
          { type: 'text/csv; charset=utf-8', name: `availability-${report.party}-${report.month}.csv` },
          availabilityCsv(report.rows),
        );
      },
    );

    app.get(
      '/outages',
      {
        schema: {
          tags: ['service levels'],
          summary: "A party's recorded outages",
          querystring: z.object({ party: PartyCode }),
          response: { 200: z.object({ items: z.array(Outage) }), ...errorResponses },
        },
      },
      async (request) => {
        return { items: (await listOutages(deps.db, requireActor(request), request.query.party)).map(presentOutage) };
      },
    );

    app.post(
      '/outages',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Record an outage of one of my party’s services',
          body: z.object({
            service: text(120),
            detectedAt: When.optional(),
            reportedAt: When.optional(),
            restoredAt: When.optional(),
            ticket: plain(64).optional(),
          }),
          response: { 201: Outage, ...errorResponses },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const row = await recordOutage(deps.db, requireActor(request), {
          service: b.service,
          detectedAt: date(b.detectedAt),
          reportedAt: date(b.reportedAt),
          restoredAt: date(b.restoredAt),
          ticket: b.ticket,
        });
        return reply.status(201).send(presentOutage(row));
      },
    );

    app.patch(
      '/outages/:id',
      {
        schema: {
          tags: ['service levels'],
          summary: 'Correct an outage or record its restoration',
          params: z.object({ id: z.uuid() }),
          body: z.object({
            detectedAt: When.nullable().optional(),
            reportedAt: When.nullable().optional(),
            restoredAt: When.nullable().optional(),
          }),
          response: { 200: Outage, ...errorResponses },
        },
      },
      async (request) => {
        const b = request.body;
        return presentOutage(
          await updateOutage(deps.db, requireActor(request), request.params.id, {
            detectedAt: date(b.detectedAt),
            reportedAt: date(b.reportedAt),
            restoredAt: date(b.restoredAt),
          }),
        );
      },
    );

    app.put(
      '/parties/:id/service-targets/:service',
      {
        schema: {
          tags: ['service levels'],
          summary:
            'Propose a service’s availability target from a date on; it applies once every other party accepts (SNC 10.2)',
          params: z.object({ id: PartyCode, service: z.string().min(1).max(120) }),
          body: z.object({ targetPct: z.number().min(0).max(100), effectiveFrom: z.iso.date() }),
          response: { 202: ProposalSchema, ...errorResponses },
        },
      },
      async (request, reply) =>
        replyProposed(
          reply,
          setServiceTarget(
            deps.db,
            requireActor(request),
            request.params.id,
            request.params.service,
            request.body.targetPct,
            request.body.effectiveFrom,
          ),
        ),
    );
  };
