import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANGE_KINDS, CHANGE_ORIGINS } from '../../domain/processes.ts';
import { createChange } from '../../services/changes/create-change.ts';
import type { ServiceContext } from '../../services/write-path/context.ts';
import { ticketDetail } from '../../services/tickets/get-ticket.ts';
import { createProblem } from '../../services/problems/create-problem.ts';
import { createRelease } from '../../services/releases/create-release.ts';
import { createRequest } from '../../services/requests/create-request.ts';
import { createConsultation } from '../../services/consultations/create-consultation.ts';
import type { TicketRow } from '../../services/write-path/context.ts';
import { presentDetail } from '../presenters.ts';
import {
  Channel,
  Criticality,
  errorResponses,
  Impact,
  Instant,
  plain,
  Sensitivity,
  text,
  TicketDetail,
  TicketFields,
} from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const TicketRef = z.string().trim().min(1).max(64);

const { criticality: _fromFrequency, ...ProblemFields } = TicketFields;
const CreateProblem = z.object({ ...ProblemFields, incidents: z.array(TicketRef).max(100).optional() });
const CreateRequest = z.object({
  catalogueItem: z.string().regex(/^[a-z0-9_-]{1,60}$/),
  values: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), z.unknown()).default({}),
  title: text(200).optional(),
  description: plain(20_000).optional(),
  sensitivity: Sensitivity.optional(),
  reporter: plain(200).optional(),
  reporterEmail: z.email().max(254).optional(),
  channel: Channel,
});
const CreateChange = z.object({
  ...TicketFields,
  kind: z.enum(CHANGE_KINDS),
  origin: z.object({ kind: z.enum(CHANGE_ORIGINS), ticket: TicketRef.optional(), reference: text(500).optional() }),
  standardChange: z
    .string()
    .regex(/^[a-z0-9_-]{1,60}$/)
    .optional(),
});
const CreateRelease = z.object({
  ...TicketFields,
  impact: Impact.optional(),
  criticality: Criticality.optional(),
  changes: z.array(TicketRef).max(100).optional(),
});

const PartyCode = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const CreateConsultation = z.object({
  title: text(200),
  situation: text(20_000),
  party: PartyCode,
  service: TicketFields.service,
  sensitivity: Sensitivity.optional(),
  acknowledgeBy: Instant,
  answerBy: Instant,
});

type Create<B> = (ctx: ServiceContext, body: B) => Promise<TicketRow>;

/** Recording problems (PRB-1), service requests (REQ-1), changes (CHG-1) and releases (REL-1). */
export const processRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const route = <S extends z.ZodType>(path: string, summary: string, body: S, create: Create<z.infer<S>>) =>
      app.post(
        path,
        { schema: { tags: [path.slice(1)], summary, body, response: { 201: TicketDetail, ...errorResponses } } },
        async (request, reply) => {
          const ctx = deps.ctx(request);
          // fastify parsed the body with `body` (S) before the handler runs; its generic type is lost in app.post.
          const created = await create(ctx, request.body as z.infer<S>);
          const detail = presentDetail(await ticketDetail(ctx, created));
          return reply
            .status(201)
            .header('location', `/api/v1/tickets/${detail.ref}`)
            .header('etag', `"${detail.version}"`)
            .send(detail);
        },
      );
    route('/problems', 'Record a problem, from incidents or proactively (PRB-1)', CreateProblem, createProblem);
    route(
      '/requests',
      "Record a service request of a type from your party's catalogue (REQ-1, REQ-5)",
      CreateRequest,
      createRequest,
    );
    route(
      '/changes',
      'Record a change (RFC) linked to its origin; a standard change starts pre-approved (CHG-1, CHG-3)',
      CreateChange,
      createChange,
    );
    route(
      '/consultations',
      'Ask another party to consult on a situation, with deadlines for acknowledgement and answer (CBM-5)',
      CreateConsultation,
      createConsultation,
    );
    route('/releases', 'Record a release bundling approved changes (REL-1)', CreateRelease, createRelease);
  };
