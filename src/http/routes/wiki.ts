import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SLUG_PATTERN, WIKI_KINDS } from '../../domain/wiki.ts';
import { approveWikiVersion } from '../../services/wiki/approve-wiki-version.ts';
import { createWikiPage } from '../../services/wiki/create-wiki-page.ts';
import { diffWikiVersions } from '../../services/wiki/diff-wiki-versions.ts';
import { editWikiPage } from '../../services/wiki/edit-wiki-page.ts';
import { getWikiPage } from '../../services/wiki/get-wiki-page.ts';
import { linkWikiTicket } from '../../services/wiki/link-wiki-ticket.ts';
import { listWikiPages } from '../../services/wiki/list-wiki-pages.ts';
import { submitWikiVersion } from '../../services/wiki/submit-wiki-version.ts';
import { ticketWikiPages } from '../../services/wiki/ticket-wiki-pages.ts';
import { errorResponses, plain, Sensitivity, text, TicketParams, Version } from '../../contract/schemas.ts';
import {
  TicketWikiPages,
  WikiDiff as Diff,
  WikiSlug,
  WikiDetail as PageDetail,
  WikiSummary as PageSummary,
} from '../../contract/wiki.ts';
import type { RouteDeps } from './deps.ts';

const PartyId = z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/);
const Slug = z.string().regex(SLUG_PATTERN, 'lower-case letters, digits and hyphens');
const SlugParams = z.object({ slug: Slug });
const VersionParams = z.object({ slug: Slug, version: z.coerce.number().int().min(1) });

const CreatePage = z.object({
  slug: Slug,
  title: text(200),
  body: plain(100_000),
  kind: z.enum(WIKI_KINDS).default('page'),
  parties: z.array(PartyId).min(1).max(20),
  sensitivity: Sensitivity,
});
const EditPage = z.object({
  version: Version,
  title: text(200).optional(),
  body: plain(100_000).optional(),
  note: plain(500).optional(),
  parties: z.array(PartyId).min(1).max(20).optional(),
  sensitivity: Sensitivity.optional(),
});
const LinkBody = z.object({ ticket: text(64).describe('Reference or id of a ticket the caller may see') });

/** COL-4: the shared wiki — pages, versions and diffs, links to tickets, joint approval of guidelines. */
export const wikiRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['wiki'];
    app.get(
      '/wiki/pages',
      {
        schema: {
          tags,
          summary: 'Wiki pages the caller may read',
          response: { 200: z.object({ items: z.array(PageSummary) }), ...errorResponses },
        },
      },
      (request) => listWikiPages(deps.ctx(request)),
    );
    app.post(
      '/wiki/pages',
      {
        schema: {
          tags,
          summary: 'Create a page (Markdown) shared with the parties named',
          body: CreatePage,
          response: { 201: WikiSlug, ...errorResponses },
        },
      },
      async (request, reply) => reply.status(201).send(await createWikiPage(deps.ctx(request), request.body)),
    );
    app.get(
      '/wiki/pages/:slug',
      {
        schema: {
          tags,
          summary: 'A page with its safe HTML, versions, approvals and linked tickets',
          params: SlugParams,
          response: { 200: PageDetail, ...errorResponses },
        },
      },
      (request) => getWikiPage(deps.ctx(request), request.params.slug),
    );
    app.put(
      '/wiki/pages/:slug',
      {
        schema: {
          tags,
          summary: 'Save a new version of a page (its owner alone changes parties and sensitivity)',
          params: SlugParams,
          body: EditPage,
          response: { 200: WikiSlug, ...errorResponses },
        },
      },
      (request) => editWikiPage(deps.ctx(request), request.params.slug, request.body),
    );
    app.get(
      '/wiki/pages/:slug/diff',
      {
        schema: {
          tags,
          summary: 'Line differences between two versions of a page',
          params: SlugParams,
          querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
          response: { 200: Diff, ...errorResponses },
        },
      },
      (request) => diffWikiVersions(deps.ctx(request), request.params.slug, request.query.from, request.query.to),
    );
    app.post(
      '/wiki/pages/:slug/links',
      {
        schema: {
          tags,
          summary: 'Link a page to a ticket',
          params: SlugParams,
          body: LinkBody,
          response: { 200: z.object({ slug: z.string(), ticket: z.string() }), ...errorResponses },
        },
      },
      (request) => linkWikiTicket(deps.ctx(request), request.params.slug, request.body.ticket),
    );
    app.post(
      '/wiki/pages/:slug/versions/:version/submit',
      {
        schema: {
          tags,
          summary: 'Submit a version of a technical guideline for joint approval',
          params: VersionParams,
          response: { 200: z.object({ slug: z.string(), version: z.number().int() }), ...errorResponses },
        },
      },
      (request) => submitWikiVersion(deps.ctx(request), request.params.slug, request.params.version),
    );
    app.post(
      '/wiki/pages/:slug/versions/:version/approve',
      {
        schema: {
          tags,
          summary: "Approve a submitted version for the caller's party; approved once every party has",
          params: VersionParams,
          response: {
            200: z.object({ slug: z.string(), version: z.number().int(), approved: z.boolean() }),
            ...errorResponses,
          },
        },
      },
      (request) => approveWikiVersion(deps.ctx(request), request.params.slug, request.params.version),
    );
    app.get(
      '/tickets/:id/wiki-pages',
      {
        schema: {
          tags,
          summary: 'Wiki pages linking to a ticket (those the caller may read)',
          params: TicketParams,
          response: {
            200: TicketWikiPages,
            ...errorResponses,
          },
        },
      },
      (request) => ticketWikiPages(deps.ctx(request), request.params.id),
    );
  };
