import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SEARCH_KINDS } from '../../domain/search.ts';
import { searchEverything } from '../../services/search/search-everything.ts';
import { SearchResults } from '../../contract/search.ts';
import { csv, errorResponses, text } from '../../contract/schemas.ts';
import type { RouteDeps } from './deps.ts';

const SearchQuery = z.object({
  q: text(200).describe('Words to find, in French or English; accents and word endings do not matter'),
  kinds: csv(z.enum(SEARCH_KINDS)).optional().describe('Limit to some sources (comma-separated)'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** COL-6: one search over tickets, comments, known errors, wiki pages and exchanges the caller may see. */
export const searchRoutes =
  (deps: RouteDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/search',
      {
        schema: {
          tags: ['search'],
          summary: 'Full-text search (French and English) over everything the caller may read, ranked, with excerpts',
          querystring: SearchQuery,
          response: { 200: SearchResults, ...errorResponses },
        },
      },
      (request) => searchEverything(deps.ctx(request), request.query),
    );
  };
