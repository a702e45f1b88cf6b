import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXCHANGE_KINDS } from '../../domain/exchanges.ts';
import { tlpFor } from '../../domain/security.ts';
import { answerQuestion } from '../../services/exchanges/answer-question.ts';
import { askQuestion } from '../../services/exchanges/ask-question.ts';
import { listExchanges, openExchange, type ExchangeRow } from '../../services/exchanges/read-exchanges.ts';
import { submitExchange } from '../../services/exchanges/submit-exchange.ts';
import { errorResponses, Sensitivity, text } from '../../contract/schemas.ts';
import { Exchange, ExchangeDetail } from '../../contract/exchanges.ts';
import type { RouteDeps } from './deps.ts';

const IdParams = z.object({ id: z.uuid() });
const present = (row: ExchangeRow): Exchange => ({
  id: row.id,
  party: row.partyId,
  kind: row.kind,
  year: row.year,
  title: row.title,
  language: row.language,
  sensitivity: row.sensitivity,
  tlp: tlpFor(row.sensitivity),
  createdAt: row.createdAt.toISOString(),
});

/** CBM-3: submissions distributed to every party, with read receipts and questions. */
export const exchangeRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (request: Parameters<RouteDeps['ctx']>[0], id: string) => {
      const { exchange, questions, reads } = await openExchange(deps.ctx(request), id);
      return {
        ...present(exchange),
        body: exchange.body,
        bodyEn: exchange.bodyEn,
        questions: questions.map((q) => ({
          id: q.id,
          party: q.partyId,
          question: q.question,
          answer: q.answer,
          askedAt: q.askedAt.toISOString(),
          answeredAt: q.answeredAt?.toISOString() ?? null,
        })),
        reads: reads?.map((r) => ({ party: r.party, at: r.at.toISOString() })) ?? null,
      };
    };
    app.get(
      '/exchanges',
      {
        schema: {
          tags: ['exchanges'],
          summary: 'Submissions of every party that my clearance covers (CBM-3)',
          response: { 200: z.object({ items: z.array(Exchange) }), ...errorResponses },
        },
      },
      async (request) => ({ items: (await listExchanges(deps.ctx(request))).map(present) }),
    );
    app.post(
      '/exchanges',
      {
        schema: {
          tags: ['exchanges'],
          summary:
            'Distribute a submission to every party; a yearly summary in another language has its English translation',
          body: z.object({
            kind: z.enum(EXCHANGE_KINDS),
            year: z.number().int().min(2000).max(2100).optional(),
            title: text(200),
            language: z.enum(['en', 'fr', 'de', 'it', 'es', 'ru']),
            body: text(100_000),
            bodyEn: text(100_000).optional(),
            sensitivity: Sensitivity.optional(),
          }),
          response: { 201: ExchangeDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const row = await submitExchange(deps.ctx(request), request.body);
        return reply.status(201).send(await detail(request, row.id));
      },
    );
    app.get(
      '/exchanges/:id',
      {
        schema: {
          tags: ['exchanges'],
          summary: 'Open a submission: records my read receipt; its party also sees who read it',
          params: IdParams,
          response: { 200: ExchangeDetail, ...errorResponses },
        },
      },
      async (request) => detail(request, request.params.id),
    );
    app.post(
      '/exchanges/:id/questions',
      {
        schema: {
          tags: ['exchanges'],
          summary: 'Ask the submitting party a question about it',
          params: IdParams,
          body: z.object({ question: text(4000) }),
          response: { 200: ExchangeDetail, ...errorResponses },
        },
      },
      async (request) => {
        await askQuestion(deps.ctx(request), request.params.id, request.body);
        return detail(request, request.params.id);
      },
    );
    app.post(
      '/exchanges/:id/questions/:questionId/answer',
      {
        schema: {
          tags: ['exchanges'],
          summary: 'Answer a question on my party’s submission',
          params: z.object({ id: z.uuid(), questionId: z.uuid() }),
          body: z.object({ answer: text(8000) }),
          response: { 200: ExchangeDetail, ...errorResponses },
        },
      },
      async (request) => {
        await answerQuestion(deps.ctx(request), request.params.id, request.params.questionId, request.body);
        return detail(request, request.params.id);
      },
    );
  };
