import { randomUUID } from 'node:crypto';
import { LINK_HOURS, type AccountLinkPurpose } from '../../domain/admin.ts';
import type { Db } from '../../store/db.ts';
import { insertAccountLink, retireAccountLinks } from '../../store/admin.ts';
import { enqueueJob } from '../../store/jobs.ts';
import type { UserRow } from '../../store/directory.ts';
import { newSecret } from '../auth/secrets.ts';

/** Where one-time links point, and whether they may be mailed (SMTP_URL set). */
export interface LinkDelivery {
  /** The console's address, e.g. https://desk.example (PUBLIC_URL, else the request's own). */
  baseUrl: string;
  mail: boolean;
}

/** The console page of a one-time link; the token stays in the fragment, never sent to a server log. */
export function accountLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/account-link/${token}`;
}

/**
 * A new one-time link for the account (earlier unused ones end), mailed to the account's
 * address when mail is on; the link is also returned once, for the administrator to hand over.
 */
export async function issueAccountLink(
  tx: Db,
  user: UserRow,
  purpose: AccountLinkPurpose,
  createdBy: string | null,
  delivery: LinkDelivery,
  now: Date,
): Promise<{ url: string; expiresAt: Date; mailed: boolean }> {
  await retireAccountLinks(tx, user.id, now);
  const { secret, digest } = newSecret('pl_');
  const expiresAt = new Date(now.getTime() + LINK_HOURS[purpose] * 3_600_000);
  await insertAccountLink(tx, {
    id: randomUUID(),
    userId: user.id,
    purpose,
    tokenHash: digest,
    createdBy,
    createdAt: now,
    expiresAt,
  });
  const url = accountLinkUrl(delivery.baseUrl, secret);
  const mailed = delivery.mail && Boolean(user.email);
  if (mailed)
    await enqueueJob(tx, 'account_link', { userId: user.id, purpose, url, expiresAt: expiresAt.toISOString() });
  return { url, expiresAt, mailed };
}
