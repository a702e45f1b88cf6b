import { z } from 'zod';
import { titleForOutsider } from '../domain/contact-routing.ts';
import { contactStatus } from '../domain/contacts.ts';
import { renderContactMail, subjectOf } from '../i18n/contact-mail.ts';
import { findContactPoint, sharedRecordOf, type ContactPointRow } from '../store/contact-points.ts';
import type { Db } from '../store/db.ts';
import { findTicketRow } from '../store/ticket-reads.ts';
import type { JobHandler } from './runner.ts';
import { sendGenerated, smtpTransport, type MailSettings } from './send-mail.ts';

/** A `contact_mail` job as services/notifications, consultations and cbm queue it: about a ticket or a shared record. */
const ContactMailJob = z.union([
  z.object({ kind: z.string(), contactId: z.string(), ticketId: z.string() }),
  z.object({ kind: z.enum(['exchange', 'vulnerability']), contactId: z.string(), recordId: z.string() }),
]);

/** What the contact's party may be told of the ticket or record now, or null when nothing. */
async function subjectFor(db: Db, job: z.infer<typeof ContactMailJob>, contact: ContactPointRow) {
  if ('ticketId' in job) {
    const ticket = await findTicketRow(db, job.ticketId);
    if (!ticket?.participants.includes(contact.partyId)) return null;
    return { ref: ticket.ref, title: titleForOutsider(ticket) ? ticket.title : null };
  }
  // Shared records go to every party but the one that wrote them.
  const record = await sharedRecordOf(db, job.kind, job.recordId);
  if (!record || record.partyId === contact.partyId) return null;
  return { ref: null, title: titleForOutsider(record) ? record.title : null };
}

/**
 * The `contact_mail` job (CBM-1): tells a point of contact whose address is no account. Checked
 * again at sending time: the entry still current and reachable by e-mail, its party still on the
 * ticket (or a recipient of the record); the title only while the ticket or record is at the level
 * anyone of that party may read.
 */
export function contactMailHandler(db: Db, settings: MailSettings): JobHandler {
  const transport = smtpTransport(settings.smtpUrl);
  return async (payload) => {
    const job = ContactMailJob.parse(payload);
    const contact = await findContactPoint(db, job.contactId);
    if (!contact || contact.removedAt || !contact.email || !contact.channels.includes('email')) return;
    if (contactStatus(contact.confirmedAt, new Date()) === 'stale') return;
    const subject = await subjectFor(db, job, contact);
    if (!subject) return;
    const mail = renderContactMail(job.kind, {
      about: subjectOf(job.kind, subject.ref),
      party: contact.partyId,
      level: contact.level,
      title: subject.title,
    });
    await sendGenerated(transport, settings.from, contact.email, mail);
  };
}
