import { jointlyApproved } from '../../domain/wiki.ts';
import { linkedTickets, pageApprovals, pageVersions } from '../../store/wiki.ts';
import type { ServiceContext } from '../write-path/context.ts';
import { visiblePage } from './common.ts';
import { renderMarkdown } from './render-markdown.ts';

/**
 * COL-4: a page as its reader sees it: the Markdown and its safe HTML, its versions (each with the
 * parties that approved it when submitted), the tickets it links to that the reader may also see,
 * and the latest jointly approved version of a guideline.
 */
export async function getWikiPage(ctx: ServiceContext, slug: string) {
  const page = await visiblePage(ctx.db, ctx.actor, slug);
  const versions = await pageVersions(ctx.db, page.id);
  const approvals = await pageApprovals(ctx.db, page.id);
  const tickets = await linkedTickets(ctx.db, ctx.actor, page.id);
  const approvedBy = (version: number) => approvals.filter((a) => a.version === version);
  const approved = versions.find((v) => v.approvedAt !== null);
  return {
    ...page,
    html: renderMarkdown(page.body),
    approvedVersion: approved?.version ?? null,
    versions: versions.map((v) => ({
      version: v.version,
      title: v.title,
      authorName: v.authorName,
      party: v.party,
      note: v.note,
      createdAt: v.createdAt,
      submittedAt: v.submittedAt,
      approvedAt: v.approvedAt,
      approvals: approvedBy(v.version).map((a) => ({ party: a.party, userName: a.userName, approvedAt: a.approvedAt })),
      awaiting:
        v.submittedAt && !v.approvedAt
          ? page.parties.filter((p) => !approvedBy(v.version).some((a) => a.party === p))
          : [],
    })),
    tickets,
    jointlyApproved: approved
      ? jointlyApproved(
          page.parties,
          approvedBy(approved.version).map((a) => a.party),
        )
      : false,
  };
}
