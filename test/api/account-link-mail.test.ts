import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../src/store/schema/index.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { accountLinkHandler } from '../../src/jobs/send-account-link.ts';
import { anonymous, signIn, type Client } from '../helpers/client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { STORE_KINDS } from '../helpers/store.ts';

/** ISM-6: an invitation and a password reset go by e-mail, in the account's language, through a real SMTP server. */
describe.each(STORE_KINDS)('one-time links by e-mail (%s)', (kind) => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let euAdmin: Client;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer(kind, { SMTP_URL: smtp.url, PUBLIC_URL: 'https://desk.example' });
    euAdmin = await signIn(server.url, 'eu.admin');
  });
  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  const deliver = () =>
    runDueJobs(server.db, {
      account_link: accountLinkHandler(server.db, {
        smtpUrl: smtp.url,
        from: 'Passerelle <desk@passerelle.test>',
        instanceId: server.instanceId,
      }),
    });

  it('mails the invitation in the invitee’s language; the mailed link sets the password once', async () => {
    const invited = await euAdmin.post('/parties/EU/accounts', {
      username: 'eu.mailed',
      displayName: 'Marie Mailed',
      email: 'marie@example.org',
      roles: ['agent'],
      clearance: 'LIMITED',
      language: 'fr',
    });
    expect(invited.body.link).toMatchObject({ mailed: true });
    expect(invited.body.link.url).toMatch(/^https:\/\/desk\.example\/#\/account-link\//);
    expect(await deliver()).toBe(1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual(['marie@example.org']);
    expect(mail.mail.subject).toBe('Votre compte Passerelle (EU)');
    expect(mail.mail.text).toContain(invited.body.link.url);
    const token = invited.body.link.url.split('/account-link/')[1];
    // The sent job no longer holds the link.
    const stored = await server.db.select().from(jobs).where(eq(jobs.kind, 'account_link'));
    expect(JSON.stringify(stored.map((j) => j.payload))).not.toContain(token);
    expect(
      (await anonymous(server.url).post(`/auth/account-links/${token}`, { password: 'mailed-password-1' })).status,
    ).toBe(200);
    await signIn(server.url, 'eu.mailed', 'mailed-password-1');

    // A reset mails a new link; the earlier one stays used.
    const id = invited.body.account.id;
    const reset = await euAdmin.post(`/parties/EU/accounts/${id}/password-reset`);
    expect(reset.body.mailed).toBe(true);
    await deliver();
    expect(smtp.received.at(-1)!.mail.subject).toBe('Votre mot de passe Passerelle a été réinitialisé');
    expect(smtp.received.at(-1)!.mail.text).toContain(reset.body.url);
    await expect(signIn(server.url, 'eu.mailed', 'mailed-password-1')).rejects.toThrow(/401/);
  });
});
