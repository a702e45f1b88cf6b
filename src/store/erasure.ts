import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { rowsOf } from './audit.ts';
import type { Db } from './db.ts';
import { users } from './schema/index.ts';

/**
 * AUD-4: the erasure of a party's rows (services/export/offboarding.ts runs it in one transaction
 * and signs the certificate).
 */

/** Erasure statements, in order: what belongs only to the party, and the party's content on shared tickets. */
function erasureSteps(p: string): { what: string; query: ReturnType<typeof sql> }[] {
  const own = sql`(select id from tickets where participants = array[${p}]::text[])`;
  const shared = sql`(select id from tickets where ${p} = any(participants) and participants <> array[${p}]::text[])`;
  const people = sql`(select id from users where party_id = ${p})`;
  const groupsOf = sql`(select id from groups where party_id = ${p})`;
  const ownPages = sql`(select id from wiki_pages where owner_party = ${p})`;
  const step = (what: string, query: ReturnType<typeof sql>) => ({ what, query });
  return [
    step(
      'notifications',
      sql`delete from notifications where user_id in ${people} or ticket_id in ${own} returning id::text`,
    ),
    // IF-2: the party's webhook subscriptions and their log, and any delivery about its own tickets.
    step(
      'webhook_attempts',
      sql`delete from webhook_attempts where delivery_id in (select d.id from webhook_deliveries d
          join webhook_subscriptions s on s.id = d.subscription_id
          where s.party_id = ${p} or d.ticket_id in ${own}) returning id::text`,
    ),
    step(
      'webhook_deliveries',
      sql`delete from webhook_deliveries where ticket_id in ${own}
          or subscription_id in (select id from webhook_subscriptions where party_id = ${p}) returning id::text`,
    ),
    step('webhook_subscriptions', sql`delete from webhook_subscriptions where party_id = ${p} returning id::text`),
    step('ticket_events (own tickets)', sql`delete from ticket_events where ticket_id in ${own} returning id::text`),
    step(
      'ticket_events (party content on shared tickets)',
      sql`delete from ticket_events where ticket_id in ${shared} and party = ${p} returning id::text`,
    ),
    step(
      'attachments',
      sql`delete from attachments where ticket_id in ${own} or (ticket_id in ${shared} and party = ${p}) returning id::text`,
    ),
    step('ticket_links', sql`delete from ticket_links where from_id in ${own} or to_id in ${own} returning id::text`),
    step(
      'known_errors',
      sql`delete from known_errors where problem_id in ${own} or party_id = ${p} returning id::text`,
    ),
    step('outages', sql`delete from outages where party_id = ${p} or ticket_id in ${own} returning id::text`),
    // A counted joint window stopped its partners' clocks too: their SLA settings change with it (store/sla.ts).
    step(
      'maintenance_windows',
      sql`with gone as (delete from maintenance_windows where party_id = ${p} or release_id in ${own}
            returning id, partners, status),
          changed as (update parties set sla_stamp = sla_stamp + 1
            where id in (select unnest(partners) from gone where status in ('scheduled', 'accepted')))
          select id::text from gone`,
    ),
    step(
      'ip_allowlist',
      sql`delete from ip_allowlist where party_id = ${p} or request_id in ${own} returning id::text`,
    ),
    step('certificates', sql`delete from certificates where party_id = ${p} or change_id in ${own} returning id::text`),
    step(
      'shared tickets (party removed)',
      sql`update tickets set participants = array_remove(participants, ${p}),
        assignee_id = case when assignee_id in ${people} then null else assignee_id end,
        created_by = case when created_by in ${people} then null else created_by end,
        group_id = case when group_id in ${groupsOf} then null else group_id end
      where id in ${shared} returning id::text`,
    ),
    // COL-4: the party's own pages go; on other parties' pages it is removed from the readers and its people unnamed.
    step(
      'wiki_ticket_links',
      sql`delete from wiki_ticket_links where ticket_id in ${own} or page_id in ${ownPages} returning page_id::text || ticket_id::text`,
    ),
    step('wiki_approvals', sql`delete from wiki_approvals where page_id in ${ownPages} returning page_id::text`),
    step('wiki_versions', sql`delete from wiki_versions where page_id in ${ownPages} returning page_id::text`),
    step('wiki_pages', sql`delete from wiki_pages where owner_party = ${p} returning id::text`),
    step(
      'wiki_pages (party removed)',
      sql`update wiki_pages set parties = array_remove(parties, ${p}) where ${p} = any(parties) returning id::text`,
    ),
    step(
      'wiki_versions (author references)',
      sql`update wiki_versions set author_id = null where author_id in ${people} returning page_id::text`,
    ),
    step(
      'wiki_approvals (approver references)',
      sql`update wiki_approvals set user_id = null where user_id in ${people} returning page_id::text`,
    ),
    step('tickets', sql`delete from tickets where id in ${own} returning id::text`),
    step(
      'asset_reviews',
      sql`delete from asset_reviews where asset_id in (select id from information_assets where party_id = ${p}) returning id::text`,
    ),
    step('information_assets', sql`delete from information_assets where party_id = ${p} returning id::text`),
    step(
      'access_review_items',
      sql`delete from access_review_items
          where review_id in (select id from access_reviews where party_id = ${p}) or user_id in ${people}
          returning review_id::text || user_id::text`,
    ),
    step('access_reviews', sql`delete from access_reviews where party_id = ${p} returning id::text`),
    step('calendar_versions', sql`delete from calendar_versions where party_id = ${p} returning id::text`),
    step('calendars', sql`delete from calendars where party_id = ${p} returning party_id`),
    step('sla_targets', sql`delete from sla_targets where party_id = ${p} returning party_id`),
    step('service_targets', sql`delete from service_targets where party_id = ${p} returning party_id`),
    step('catalogue_items', sql`delete from catalogue_items where party_id = ${p} returning id::text`),
    step('imt_rosters', sql`delete from imt_rosters where party_id = ${p} returning party_id`),
    step('ticket_counters', sql`delete from ticket_counters where party_id = ${p} returning party_id`),
    // CBM-1 … CBM-6: the party's own cooperation records; its people's names leave the shared ones.
    step('contact_point_changes', sql`delete from contact_point_changes where party_id = ${p} returning id::text`),
    step('contact_points', sql`delete from contact_points where party_id = ${p} returning id::text`),
    step('vulnerability_notices', sql`delete from vulnerability_notices where party_id = ${p} returning id::text`),
    step(
      'exchange_reads',
      sql`delete from exchange_reads where user_id in ${people}
          or exchange_id in (select id from exchanges where party_id = ${p}) returning user_id::text`,
    ),
    step(
      'exchange_questions',
      sql`delete from exchange_questions where party_id = ${p}
          or exchange_id in (select id from exchanges where party_id = ${p}) returning id::text`,
    ),
    step(
      'exchange_questions (answerer references)',
      sql`update exchange_questions set answered_by_id = null where answered_by_id in ${people} returning id::text`,
    ),
    step(
      'meeting_actions',
      sql`delete from meeting_actions where party = ${p}
          or meeting_id in (select id from expert_meetings where organiser_party = ${p}) returning id::text`,
    ),
    step('expert_meetings', sql`delete from expert_meetings where organiser_party = ${p} returning id::text`),
    step(
      'expert_meetings (exchange links)',
      sql`update expert_meetings set exchange_ids = array(
            select e from unnest(exchange_ids) e where e not in (select id from exchanges where party_id = ${p}))
          where exchange_ids && array(select id from exchanges where party_id = ${p}) returning id::text`,
    ),
    step('exchanges', sql`delete from exchanges where party_id = ${p} returning id::text`),
    step('glossary_comments', sql`delete from glossary_comments where party_id = ${p} returning id::text`),
    step(
      'glossary_versions (author references)',
      sql`update glossary_versions set by_id = null where by_id in ${people} returning id::text`,
    ),
    step('sessions', sql`delete from sessions where user_id in ${people} returning user_id::text`),
    step(
      'account_links',
      sql`delete from account_links where user_id in ${people} or created_by in ${people} returning id::text`,
    ),
    step('oidc_logins', sql`delete from oidc_logins where party_id = ${p} returning state_hash`),
    step('party_sso', sql`delete from party_sso where party_id = ${p} returning party_id`),
    step('api_tokens', sql`delete from api_tokens where user_id in ${people} returning id::text`),
    step('notification_prefs', sql`delete from notification_prefs where user_id in ${people} returning user_id::text`),
    step(
      'group_members',
      sql`delete from group_members where user_id in ${people} or group_id in ${groupsOf} returning user_id::text`,
    ),
    step(
      'ticket_events (actor references)',
      sql`update ticket_events set actor_id = null where actor_id in ${people} returning id::text`,
    ),
    step('users', sql`delete from users where party_id = ${p} returning id::text`),
    step('groups', sql`delete from groups where party_id = ${p} returning id::text`),
  ];
}

/** Runs every erasure step; per step, the rows erased and the SHA-256 of their sorted identifiers. */
export async function eraseRowsOf(tx: Db, party: string): Promise<{ what: string; rows: number; sha256: string }[]> {
  const erased = [];
  for (const { what, query } of erasureSteps(party)) {
    const ids = rowsOf<Record<string, string>>(await tx.execute(query)).map((r) => String(Object.values(r)[0]));
    ids.sort();
    erased.push({ what, rows: ids.length, sha256: createHash('sha256').update(ids.join('\n')).digest('hex') });
  }
  return erased;
}

/** The other parties on the tickets `party` takes part in. */
export async function partnersOf(tx: Db, party: string): Promise<string[]> {
  return rowsOf<{ party: string }>(
    await tx.execute(
      sql`select distinct unnest(participants) as party from tickets where ${party} = any(participants)`,
    ),
  )
    .map((r) => r.party)
    .filter((p) => p !== party);
}

/** The tombstone of an erased party: shared tickets still name their owner. */
export async function markPartyErased(tx: Db, party: string): Promise<void> {
  await tx.execute(
    sql`update parties set name = ${`${party} (erased)`}, kind = 'erased', priority_matrix = null where id = ${party}`,
  );
}

/** Active users of `parties` holding any of `roles`. */
export async function activeUsersWithRoles(tx: Db, parties: string[], roles: string[]): Promise<{ id: string }[]> {
  if (parties.length === 0) return [];
  return tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        inArray(users.partyId, parties),
        eq(users.active, true),
        sql`(${users.roles} && ${`{${roles.join(',')}}`}::text[])`,
      ),
    );
}

/** Reclaims the space of erased rows. */
export async function reclaimSpace(db: Db): Promise<void> {
  await db.execute(sql`vacuum`);
}
