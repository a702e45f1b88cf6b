import { listVisiblePages } from '../../store/wiki.ts';
import type { ServiceContext } from '../write-path/context.ts';

/** COL-4: the pages the reader may see, by title (no text: the list shows titles only). */
export async function listWikiPages(ctx: ServiceContext) {
  const pages = await listVisiblePages(ctx.db, ctx.actor);
  return {
    items: pages.map(({ body: _body, ...page }) => page),
  };
}
