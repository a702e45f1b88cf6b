import { inArray } from 'drizzle-orm';
import { DEFAULT_SECURITY_POLICY, notificationReasons, type SecurityPolicy } from '../../domain/security.ts';
import type { Impact } from '../../domain/priority.ts';
import { severityRank, type Severity } from '../../domain/taxonomy.ts';
import type { Db } from '../../store/db.ts';
import { parties } from '../../store/schema/index.ts';
import type { TicketRow } from '../../store/ticket-reads.ts';
import type { PendingEvent } from '../../store/ticket-writes.ts';

/** A party's SEC-7 policy: its own, else the SNC defaults. */
export function securityPolicyOf(stored: Partial<SecurityPolicy> | null | undefined): SecurityPolicy {
  return { ...DEFAULT_SECURITY_POLICY, ...stored };
}

/**
 * SEC-7: for each party on the incident whose policy asks for it, an alert event that notifies
 * the roles the policy names (recipients are then filtered by team and clearance as always).
 */
export async function policyAlert(
  db: Db,
  ticket: TicketRow,
  incident: {
    impact: Impact;
    severity?: Severity | undefined;
    ciaAffected?: string[] | undefined;
    personalData?: boolean | undefined;
  },
): Promise<PendingEvent[]> {
  const rows = await db
    .select({ id: parties.id, policy: parties.securityPolicy })
    .from(parties)
    .where(inArray(parties.id, ticket.participants));
  const events: PendingEvent[] = [];
  for (const row of rows) {
    const policy = securityPolicyOf(row.policy);
    const reasons = notificationReasons(policy, incident, severityRank);
    if (reasons.length === 0) continue;
    events.push({ event: { kind: 'security_alert', data: { parties: [row.id], roles: policy.roles, reasons } } });
  }
  return events;
}
