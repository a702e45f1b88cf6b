import { renderAccountLinkMail } from '../i18n/account-mail.ts';
import type { Db } from '../store/db.ts';
import { findUser } from '../store/directory.ts';
import type { JobHandler } from './runner.ts';
import { smtpTransport, type MailSettings } from './send-mail.ts';

/** The `account_link` job: an invitation or password-reset link, mailed to the account's address in its language. */
export function accountLinkHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload) => {
    const user = await findUser(db, String(payload.userId));
    if (!user?.active || !user.email) return;
    const purpose = payload.purpose === 'reset' ? 'reset' : 'invite';
    const { subject, body } = renderAccountLinkMail(purpose, user.language, {
      name: user.displayName,
      username: user.username,
      party: user.partyId,
      url: String(payload.url),
      expires: String(payload.expiresAt).replace('T', ' ').slice(0, 16) + ' UTC',
    });
    await transport.sendMail({ from: settings.from, to: user.email, subject, text: `${body}\n\n— Passerelle` });
  };
}
