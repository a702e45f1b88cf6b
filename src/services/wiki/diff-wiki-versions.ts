import { diffLines } from 'diff';
import { AppError } from '../../domain/errors.ts';
import { pageVersion } from '../../store/wiki.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { visiblePage } from './common.ts';

/** COL-4: what changed between two versions of a page, line by line (title included). */
export async function diffWikiVersions(ctx: ServiceContext, slug: string, from: number, to: number) {
  const page = await visiblePage(ctx.db, ctx.actor, slug);
  const older = await pageVersion(ctx.db, page.id, from);
  if (!older) throw new AppError('wiki.version_not_found', 'from', { version: from });
  const newer = await pageVersion(ctx.db, page.id, to);
  if (!newer) throw new AppError('wiki.version_not_found', 'to', { version: to });
  const text = (v: { title: string; body: string }) =>
    `# ${v.title}\n\n${v.body.endsWith('\n') ? v.body : `${v.body}\n`}`;
  return {
    from,
    to,
    changes: diffLines(text(older), text(newer)).map((c) => ({
      op: c.added ? ('added' as const) : c.removed ? ('removed' as const) : ('same' as const),
      text: c.value,
    })),
  };
}
