import { z } from 'zod';
import { WIKI_KINDS } from '../domain/wiki.ts';
import { Sensitivity, type Wire } from './schemas.ts';

/** A wiki page as listed (`GET /wiki/pages`). */
export const WikiSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  kind: z.enum(WIKI_KINDS),
  ownerParty: z.string(),
  parties: z.array(z.string()),
  sensitivity: Sensitivity,
  title: z.string(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type WikiSummary = Wire<z.output<typeof WikiSummary>>;

/** A page as read (`GET /wiki/pages/{slug}`), with its versions and the tickets it is linked to. */
export const WikiDetail = WikiSummary.extend({
  body: z.string(),
  html: z.string().describe('The Markdown rendered and sanitized (no script, no raw HTML)'),
  approvedVersion: z.number().int().nullable(),
  jointlyApproved: z.boolean(),
  versions: z.array(
    z.object({
      version: z.number().int(),
      title: z.string(),
      authorName: z.string(),
      party: z.string(),
      note: z.string().nullable(),
      createdAt: z.date(),
      submittedAt: z.date().nullable(),
      approvedAt: z.date().nullable(),
      approvals: z.array(z.object({ party: z.string(), userName: z.string(), approvedAt: z.date() })),
      awaiting: z.array(z.string()),
    }),
  ),
  tickets: z.array(
    z.object({ id: z.uuid(), ref: z.string(), title: z.string(), status: z.string(), type: z.string() }),
  ),
});
export type WikiDetail = Wire<z.output<typeof WikiDetail>>;
export type WikiVersion = WikiDetail['versions'][number];

/** The lines two versions of a page differ by. */
export const WikiDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(z.object({ op: z.enum(['added', 'removed', 'same']), text: z.string() })),
});
export type WikiDiff = z.output<typeof WikiDiff>;

/** `GET /tickets/{id}/wiki-pages`: the pages linking to a ticket that the caller may read (COL-4). */
export const TicketWikiPages = z.object({
  items: z.array(z.object({ id: z.uuid(), slug: z.string(), title: z.string(), kind: z.enum(WIKI_KINDS) })),
});
export type TicketWikiPages = z.output<typeof TicketWikiPages>;

/** A page created or edited: its slug, to read it at. */
export const WikiSlug = z.object({ slug: z.string() });
export type WikiSlug = z.output<typeof WikiSlug>;
