import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptTerm } from '../../services/glossary/accept-term.ts';
import { commentTerm } from '../../services/glossary/comment-term.ts';
import { proposeTerm } from '../../services/glossary/propose-term.ts';
import { getTerm, listTerms, type TermRow, type TermVersionRow } from '../../services/glossary/read-glossary.ts';
import { reviseTerm } from '../../services/glossary/revise-term.ts';
import { Term, TermDetail, TermVersion } from '../../contract/glossary.ts';
import { errorResponses, text, Version } from '../../contract/schemas.ts';
import type { ServiceContext } from '../../services/write-path/context.ts';
import type { RouteDeps } from './deps.ts';

const IdParams = z.object({ id: z.uuid() });
const presentVersion = (v: TermVersionRow): TermVersion => ({
  number: v.number,
  definitionFr: v.definitionFr,
  definitionEn: v.definitionEn,
  party: v.partyId,
  acceptances: v.acceptances,
  at: v.at.toISOString(),
});
const presentTerm = (term: TermRow, current: TermVersionRow): Term => ({
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
    /** A step on one term (revise, accept, comment): the service runs, the term comes back in full. */
    const termStep = <Body extends z.ZodType>(
      path: string,
      summary: string,
      body: Body,
      step: (ctx: ServiceContext, id: string, input: z.infer<Body>) => Promise<unknown>,
    ) =>
      app.post(
        `/glossary/:id/${path}`,
        {
          schema: {
            tags: ['glossary'],
            summary,
            params: IdParams,
            body,
            response: { 200: TermDetail, ...errorResponses },
          },
        },
        async (request) => {
          // fastify parsed the body with exactly `body` before the handler runs, so it is its output.
          await step(deps.ctx(request), request.params.id, request.body as z.infer<Body>);
          return detail(request.params.id);
        },
      );
    termStep(
      'versions',
      'Propose new definitions; earlier versions are kept and the term awaits every party again',
      z.object({ ...Definitions, version: Version }),
      reviseTerm,
    );
    termStep(
      'accept',
      'Accept the current version for my party; agreed once every party has (CBM-2)',
      z.object({ version: Version }),
      acceptTerm,
    );
    termStep('comments', 'Comment on a term', z.object({ body: text(4000) }), commentTerm);
  };
