import { randomUUID } from 'node:crypto';
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { NotificationKind } from '../../domain/notifications.ts';
import type { Role } from '../../domain/roles.ts';
import { clearanceCovers, type Sensitivity } from '../../domain/sensitivity.ts';
import type { Db } from '../../store/db.ts';
import { prefsFor } from '../../store/notifications.ts';
import { notifications, users } from '../../store/schema/index.ts';
import { writeAudit } from '../../store/ticket-writes.ts';
import { SHARED_RECORD_LEVELS } from '../../domain/contact-routing.ts';
import { listParties } from '../../store/directory.ts';
import { enqueueJob } from '../../store/jobs.ts';
import { directoryReach } from '../contacts/directory-reach.ts';

/** What a shared record is called in a notification, in both languages. */
export const WHAT = {
  contact: { what_en: 'Point of contact', what_fr: 'Point de contact' },
  contact_stale: { what_en: 'Point of contact to confirm', what_fr: 'Point de contact à confirmer' },
  vulnerability: { what_en: 'Vulnerability notice', what_fr: 'Notification de vulnérabilité' },
  exchange: { what_en: 'Information exchange', what_fr: 'Échange d’informations' },
  yearly_summary: { what_en: 'Yearly summary', what_fr: 'Synthèse annuelle' },
  glossary: { what_en: 'Glossary term', what_fr: 'Terme du glossaire' },
  meeting: { what_en: 'Expert meeting', what_fr: 'Réunion d’experts' },
} as const;

export interface PartyNotice {
  kind: Extract<NotificationKind, 'cbm_shared' | 'cbm_due'>;
  /** The parties told: every active user of them whose clearance covers `sensitivity`. */
  parties: { only?: readonly string[]; except?: string };
  sensitivity: Sensitivity;
  /** Only people with one of these roles (absent: everyone cleared). */
  roles?: readonly Role[];
  params: Record<string, string>;
}

/**
 * CBM-1 … CBM-6: tells the people of the parties concerned, in the application, about a record
 * shared with them or a deadline; only those cleared for the record's level, and never what
 * they may not read (the params carry the title and a path only). Returns how many were told.
 */
export async function notifyParties(db: Db, notice: PartyNotice, now: Date): Promise<number> {
  const where = [eq(users.active, true)];
  if (notice.parties.only) where.push(inArray(users.partyId, [...notice.parties.only]));
  if (notice.parties.except) where.push(ne(users.partyId, notice.parties.except));
  const people = (
    await db
      .select()
      .from(users)
      .where(and(...where))
  ).filter(
    (u) =>
      clearanceCovers(u.clearance, notice.sensitivity) &&
      (!notice.roles || u.roles.some((role) => notice.roles!.includes(role))),
  );
  const prefs = await prefsFor(
    db,
    people.map((u) => u.id),
    notice.kind,
  );
  const told = people.filter((u) => prefs.get(u.id)?.inApp !== false);
  if (told.length === 0) return 0;
  await db.insert(notifications).values(
    told.map((u) => ({
      id: randomUUID(),
      userId: u.id,
      kind: notice.kind,
      ticketId: null,
      params: notice.params,
      createdAt: now,
    })),
  );
  return told.length;
}

/**
 * A record one party has just shared with the others (CBM-3, CBM-4, CBM-6): audited as `action`,
 * then every other party's people cleared for it are told, with its title and where to read it.
 */
export async function announceShared(
  db: Db,
  ctx: { actor: { id: string; party: string }; mail?: boolean | undefined },
  record: {
    action: string;
    id: string;
    what: keyof typeof WHAT;
    title: string;
    path: string;
    sensitivity: Sensitivity;
  },
  now: Date,
): Promise<void> {
  await writeAudit(
    db,
    { actorId: ctx.actor.id, party: ctx.actor.party, action: record.action, targetId: record.id },
    now,
  );
  const reach = await reachSharedRecord(db, ctx, record, now);
  await notifyParties(
    db,
    {
      kind: 'cbm_shared',
      parties: { except: ctx.actor.party },
      sensitivity: record.sensitivity,
      params: { ...WHAT[record.what], party: ctx.actor.party, title: record.title, path: record.path, ...reach },
    },
    now,
  );
}

/**
 * CBM-1: an exchange or a vulnerability notice also reaches each other party's point of contact
 * at its level (the on-call contact out of hours). Every cleared account of those parties is told
 * in the application anyway; what the directory adds is the mail to a contact that is no account
 * (the record re-read when sending, its title only at the lowest level) and the flag of a lapsed
 * entry, returned as text for the notification.
 */
async function reachSharedRecord(
  db: Db,
  ctx: { actor: { party: string }; mail?: boolean | undefined },
  record: { id: string; what: keyof typeof WHAT; sensitivity: Sensitivity },
  now: Date,
): Promise<Record<string, string>> {
  if (record.what !== 'exchange' && record.what !== 'vulnerability') return {};
  const others = (await listParties(db)).map((p) => p.id).filter((p) => p !== ctx.actor.party);
  const level = SHARED_RECORD_LEVELS[record.what];
  const reach = await directoryReach(db, { level }, others, record.sensitivity, now);
  if (ctx.mail)
    for (const outsider of reach.outsiders)
      await enqueueJob(db, 'contact_mail', { kind: record.what, contactId: outsider.contactId, recordId: record.id });
  return reach.params;
}
