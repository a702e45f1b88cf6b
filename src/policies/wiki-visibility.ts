import { and, arrayContains, inArray, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/actor.ts';
import { levelsCoveredBy } from '../domain/sensitivity.ts';
import { wikiPages } from '../store/schema/index.ts';

/**
 * COL-4, ISM-4: a wiki page is read by the users of its parties whose clearance covers its
 * sensitivity — the tickets' rule (party + clearance) on the page's own parties and level.
 * Every read of pages (list, get, versions, diff, links, search, a ticket's backlinks) uses it.
 */
export function wikiPageVisibleTo(actor: Actor): SQL {
  return and(
    arrayContains(wikiPages.parties, [actor.party]),
    inArray(wikiPages.sensitivity, levelsCoveredBy(actor.clearance)),
  ) as SQL;
}
