import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptTerm } from '../../services/glossary/accept-term.ts';
import { commentTerm } from '../../services/glossary/comment-term.ts';
import { proposeTerm } from '../../services/glossary/propose-term.ts';
import { getTerm, listTerms, type TermRow, type TermVersionRow } from '../../services/glossary/read-glossary.ts';
import { reviseTerm } from '../../services/glossary/revise-term.ts';
import { errorResponses, text, Version } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const IdParams = z.object({ id: z.uuid() });
const TermVersion = z.object({
  number: z.number().int(),
  definitionFr: z.string(),
  definitionEn: z.string(),
  party: z.string(),
  acceptances: z.array(z.object({ party: z.string(), by: z.string(), at: z.string() })),
  at: z.iso.datetime(),
});
const Term = z.object({
  id: z.uuid(),
  term: z.string(),
  status: z.enum(['proposed', 'agreed']),
  proposedBy: z.string(),
  currentVersion: z.number().int(),
  current: TermVersion,
  updatedAt: z.iso.datetime(),
});
const Comment = z.object({ id: z.uuid(), party: z.string(), by: z.string(), body: z.string(), at: z.iso.datetime() });
const TermDetail = Term.extend({
  versions: z.array(TermVersion),
  comments: z.array(Comment),
  parties: z.array(z.string()),
});

const presentVersion = (v: TermVersionRow): z.infer<typeof TermVersion> => ({
  number: v.number,
  definitionFr: v.definitionFr,
  definitionEn: v.definitionEn,
  party: v.partyId,
  acceptances: v.acceptances,
  at: v.at.toISOString(),
});
const presentTerm = (term: TermRow, current: TermVersionRow): z.infer<typeof Term> => ({
  id: term.id,
  term: term.term,
  status: term.status,
  proposedBy: term.proposedBy,
  currentVersion: term.currentVersion,
  current: presentVersion(current),
  updatedAt: term.updatedAt.toISOString(),
});

const Definitions = { definitionFr: text(10_000), definitionEn: text(10_000) };

/** CBM-2: the consensus glossary of the parties. */
export const glossaryRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const detail = async (id: string) => {
      const { term, versions, comments, parties } = await getTerm(deps.db, id);
      return {
        ...presentTerm(
          term,
          versions.find((v) => v.number === term.currentVersion)!,
        ),
        versions: versions.map(presentVersion),
        comments: comments.map((c) => ({
          id: c.id,
          party: c.partyId,
          by: c.byName,
          body: c.body,
          at: c.at.toISOString(),
        })),
        parties,
      };
    };
    app.get(
      '/glossary',
      {
        schema: {
          tags: ['glossary'],
          summary: 'The glossary: every term with its current definitions and status (CBM-2)',
          response: { 200: z.object({ items: z.array(Term) }), ...errorResponses },
        },
      },
      async (request) => ({
        items: (await listTerms(deps.ctx(request))).map(({ term, current }) => presentTerm(term, current)),
      }),
    );
    app.post(
      '/glossary',
      {
        schema: {
          tags: ['glossary'],
          summary: 'Propose a term with its definitions in French and English (CBM-2)',
          body: z.object({ term: text(200), ...Definitions }),
          response: { 201: TermDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        const term = await proposeTerm(deps.ctx(request), request.body);
        return reply.status(201).send(await detail(term.id));
      },
    );
    app.get(
      '/glossary/:id',
      {
        schema: {
          tags: ['glossary'],
          summary: 'One term with every version and the comments',
          params: IdParams,
          response: { 200: TermDetail, ...errorResponses },
        },
      },
      async (request) => detail(request.params.id),
    );
    app.post(
      '/glossary/:id/versions',
      {
        schema: {
          tags: ['glossary'],
          summary: 'Propose new definitions; earlier versions are kept and the term awaits every party again',
          params: IdParams,
          body: z.object({ ...Definitions, version: Version }),
          response: { 200: TermDetail, ...errorResponses },
        },
      },
      async (request) => {
        await reviseTerm(deps.ctx(request), request.params.id, request.body);
        return detail(request.params.id);
      },
    );
    app.post(
      '/glossary/:id/accept',
      {
        schema: {
          tags: ['glossary'],
          summary: 'Accept the current version for my party; agreed once every party has (CBM-2)',
          params: IdParams,
          body: z.object({ version: Version }),
          response: { 200: TermDetail, ...errorResponses },
        },
      },
      async (request) => {
        await acceptTerm(deps.ctx(request), request.params.id, request.body);
        return detail(request.params.id);
      },
    );
    app.post(
      '/glossary/:id/comments',
      {
        schema: {
          tags: ['glossary'],
          summary: 'Comment on a term',
          params: IdParams,
          body: z.object({ body: text(4000) }),
          response: { 200: TermDetail, ...errorResponses },
        },
      },
      async (request) => {
        await commentTerm(deps.ctx(request), request.params.id, request.body);
        return detail(request.params.id);
      },
    );
  };
