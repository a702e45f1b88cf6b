import { sql } from 'drizzle-orm';
import type { Db } from '../../src/store/db.ts';
import { PDF, rawMessage } from './messages.ts';

/**
 * A mailbox's load (the mail benchmark's and the durability tests'): N messages, every fifth a
 * reply (In-Reply-To an earlier new message, from its sender), every tenth with a PDF.
 */
export function mailLoad(n: number, tag = 'load'): string[] {
  const messages: string[] = [];
  const originals: { id: string; from: string }[] = [];
  for (let i = 0; i < n; i++) {
    const attachment = i % 10 === 3 ? [{ name: `report-${i}.pdf`, type: 'application/pdf', content: PDF }] : [];
    if (i % 5 === 4 && originals.length > 0) {
      const original = originals[(i * 7) % originals.length]!;
      messages.push(
        rawMessage({
          from: original.from,
          subject: 'Re: incident',
          text: `Follow-up ${i}`,
          inReplyTo: original.id,
          attachments: attachment,
        }),
      );
    } else {
      const id = `<${tag}-${i}@sender.test>`;
      const from = `user${i}@sender.test`;
      originals.push({ id, from });
      messages.push(
        rawMessage({
          from: `User ${i} <${from}>`,
          subject: `Incident ${i}: link down`,
          text: `The link is down since ${i} minutes.`,
          messageId: id,
          attachments: attachment,
        }),
      );
    }
  }
  return messages;
}

/** How many new messages and replies `mailLoad(n)` holds. */
export function mailLoadShape(n: number): { tickets: number; comments: number } {
  const comments = Array.from({ length: n }, (_, i) => i).filter((i) => i % 5 === 4).length;
  return { tickets: n - comments, comments };
}

/** What the collected mail became: recorded outcomes, e-mail tickets, e-mail comments, and Message-IDs recorded twice. */
export async function mailOutcomes(
  db: Db,
): Promise<Record<string, number> & { tickets: number; comments: number; duplicatedTickets: number }> {
  const rows = async <T>(query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const byOutcome = await rows<{ outcome: string; n: number }>(
    sql`SELECT outcome, count(*)::int AS n FROM mail_messages GROUP BY outcome`,
  );
  const [tickets] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM tickets WHERE channel = 'email'`);
  const [comments] = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM ticket_events WHERE kind = 'comment' AND data->>'via' = 'email'`,
  );
  const [twice] = await rows<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM tickets WHERE channel = 'email'
      GROUP BY title, reporter_email HAVING count(*) > 1) d`,
  );
  return {
    ...Object.fromEntries(byOutcome.map((r) => [r.outcome, r.n])),
    tickets: tickets!.n,
    comments: comments!.n,
    duplicatedTickets: twice!.n,
  };
}
