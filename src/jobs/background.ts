import { checkCbm } from './cbm-checks.ts';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { exportDirOf, type Config } from '../config.ts';
import { partyExportHandler } from '../services/export/party-exports.ts';
import { eraseParty, remindOffboarding } from '../services/export/offboarding.ts';
import { accountLinkHandler } from './send-account-link.ts';
import type { Store } from '../store/db.ts';
import { startHousekeeping } from './housekeeping.ts';
import { startJobRunner, type JobHandler } from './runner.ts';
import { mailHandler } from './send-mail.ts';
import { contactMailHandler } from './send-contact-mail.ts';
import { receiptHandler } from './send-receipt.ts';
import { replyHandler } from './send-reply.ts';
import { startMailCollector } from './mail-collector.ts';
import { checkCertificates } from './certificate-checks.ts';
import { remindRegulatoryDeadlines } from './regulatory-reminders.ts';
import { checkSla } from './sla-monitor.ts';
import { remindOverdueReviews } from '../services/assets/remind-reviews.ts';
import { dailyCheckpoint } from '../services/audit/checkpoints.ts';
import { agreementApplyHandler } from '../services/agreements/apply-proposal.ts';
import { deliverDueWebhooks } from '../services/webhooks/deliver-webhooks.ts';
import { startPolling } from './poll.ts';
import { backfillSlaDueOnce, refreshSlaDue } from '../services/sla/refresh-sla-due.ts';

/** Starts every background task of `passerelle serve`; returns a function that stops them all. */
export function startBackground(
  store: Store,
  config: Config,
  instanceId: string,
  log: (error: unknown) => void,
): () => void {
  const db = store.db;
  const handlers: Record<string, JobHandler> = {};
  if (config.SMTP_URL) {
    const settings = { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, instanceId };
    handlers.mail = mailHandler(db, settings);
    handlers.contact_mail = contactMailHandler(db, settings);
    handlers.mail_receipt = receiptHandler(db, settings);
    handlers.mail_reply = replyHandler(db, settings);
    handlers.account_link = accountLinkHandler(db, settings);
  }
  handlers.party_export = partyExportHandler(db, exportDirOf(config));
  // AUD-4: the reminder at 21 days and the erasure within 30 days of a party's notice.
  handlers.offboarding_reminder = async (payload) => void (await remindOffboarding(db, String(payload.party)));
  handlers.party_erasure = async (payload) => void (await eraseParty(db, String(payload.party)));
  // SNC 10.2: an accepted agreement change is applied when its effective date starts.
  handlers.agreement_apply = agreementApplyHandler(db);
  // The queue's SLA sort: a party's open tickets get their next due instant again after its calendar,
  // targets or windows change; at the first start-up, tickets written before the column existed get theirs.
  handlers.sla_due_refresh = async (payload) => void (await refreshSlaDue(db, { party: String(payload.party) }));
  void backfillSlaDueOnce(db).catch(log);
  const stops = [startHousekeeping(store, log)];
  stops.push(startJobRunner(db, handlers, config.JOBS_POLL_MS, log));
  // IF-2: webhook deliveries, durable in webhook_deliveries, sent in order per ticket.
  stops.push(
    startPolling(() => deliverDueWebhooks(db, { retryBaseMs: config.WEBHOOK_RETRY_BASE_MS }), config.JOBS_POLL_MS, log),
  );
  // COL-2: every node polls the mailboxes; each mailbox is read by one node at a time (lease).
  if (config.MAIL_SECRET_KEY)
    stops.push(
      startMailCollector(
        db,
        {
          secretKey: config.MAIL_SECRET_KEY,
          instanceId,
          mail: Boolean(config.SMTP_URL),
          holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          leaseMs: config.MAIL_LEASE_MS,
        },
        config.MAIL_POLL_MS,
        log,
      ),
    );
  const sla = setInterval(() => {
    void checkSla(db, instanceId, Boolean(config.SMTP_URL), new Date(), undefined, log).catch(log);
    void remindRegulatoryDeadlines(db, instanceId, Boolean(config.SMTP_URL)).catch(log);
  }, config.SLA_CHECK_MS);
  sla.unref();
  stops.push(() => clearInterval(sla));
  // ISM-3 overdue-review reminders, once per overdue period (claimed atomically, so any node may run it).
  const reviews = setInterval(() => void remindOverdueReviews(db).catch(log), config.SLA_CHECK_MS);
  reviews.unref();
  stops.push(() => clearInterval(reviews));
  // ISM-7: certificate expiry warnings and joint renewal/revocation decisions, on the SLA check's period.
  const certificates = setInterval(() => void checkCertificates(db).catch(log), config.SLA_CHECK_MS);
  certificates.unref();
  stops.push(() => clearInterval(certificates));
  // CBM-1 … CBM-6: confirmation reminders, stale contacts, yearly summaries and meeting counts (stamped, so any node may run it).
  const cbm = setInterval(
    () => void checkCbm(db, new Date(), Boolean(config.SMTP_URL)).catch(log),
    config.SLA_CHECK_MS,
  );
  cbm.unref();
  stops.push(() => clearInterval(cbm));
  // AUD-1: the signed daily checkpoint of the audit chain (added under the head's lock, so once per day across nodes).
  const checkpoints = setInterval(() => void dailyCheckpoint(db).catch(log), config.SLA_CHECK_MS);
  checkpoints.unref();
  stops.push(() => clearInterval(checkpoints));
  return () => stops.forEach((stop) => stop());
}
