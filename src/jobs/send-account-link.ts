import { renderAccountLinkMail } from '../i18n/account-mail.ts';
import type { Db } from '../store/db.ts';
import { findUser } from '../store/directory.ts';
import { redactJobPayload } from '../store/jobs.ts';
import type { JobHandler } from './runner.ts';
import { sendGenerated, smtpTransport, type MailSettings } from './send-mail.ts';

/** The `account_link` job: an invitation or password-reset link, mailed to the account's address in its language. */
export function accountLinkHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload, job) => {
    const user = await findUser(db, String(payload.userId));
    // The link is a secret: once handled, the job keeps only whose and what it was.
    const redact = () => redactJobPayload(db, job.id, { userId: payload.userId, purpose: payload.purpose });
    if (!user?.active || !user.email) return redact();
    const purpose = payload.purpose === 'reset' ? 'reset' : 'invite';
    const { subject, body } = renderAccountLinkMail(purpose, user.language, {
      name: user.displayName,
      username: user.username,
      party: user.partyId,
      url: String(payload.url),
      expires: String(payload.expiresAt).replace('T', ' ').slice(0, 16) + ' UTC',
    });
    await sendGenerated(transport, settings.from, user.email, { subject, body });
    await redact();
  };
}
