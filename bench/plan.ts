import { randomUUID } from 'node:crypto';
import type { TimelineEvent } from '../src/domain/events.ts';
import { formatTicketRef } from '../src/domain/identifiers.ts';
import { CRITICALITIES, IMPACTS, priorityFor } from '../src/domain/priority.ts';
import { projectFacts } from '../src/domain/sla-facts.ts';
import { drawTexts, prng, REPORTERS, SERVICES } from './words.ts';

/**
 * Seeded incidents, planned in memory: every column of the ticket and of its 3–6 timeline
 * events, in the shapes the server writes (a status change is recorded as `status_changed`
 * next to the action's own event), and the SLA projection folded from those events with the
 * server's own fold. Keys are column names, so rows load with json_populate_recordset.
 */

/** Ids and names of a demo party's desk, resolver group, agent and resolver. */
export interface PartyInfo {
  id: string;
  deskId: string;
  deskName: string;
  rgroupId: string;
  rgroupName: string;
  agentId: string;
  agentName: string;
  resolverId: string;
  resolverName: string;
}

export type Row = Record<string, unknown>;

const DAY = 86_400_000;
const STATUSES: [string, number][] = [
  ['recorded', 0.1],
  ['in_progress', 0.25],
  ['pending', 0.1],
  ['resolved', 0.15],
  ['verified', 0.1],
  ['closed', 0.3],
];
const CHANNELS = ['console', 'api', 'phone', 'email'] as const;
const CHECKLIST = {
  categorisationVerified: true,
  informationComplete: true,
  documentationUpdated: true,
  stakeholdersInformed: true,
};

/** One timeline entry before ids and times: who acts ('desk' = owner's agent, 'worker' = holder's resolver). */
interface Step {
  /** Typed with the server's own union, so a change of event shape breaks the build here too. */
  event: TimelineEvent;
  by: 'desk' | 'worker';
  internal?: boolean;
}

const changed = (from: string, to: string, action: string, by: Step['by'], note?: string): Step => ({
  event: { kind: 'status_changed', data: { from, to, action, ...(note ? { note } : {}) } },
  by,
});

/** The creation skeleton shared by every ticket of a run: when, whose, which number. */
export interface Skeleton {
  createdAt: number[];
  owner: string[];
  ref: string[];
  /** Highest number issued per `party|year`, to move the counters past. */
  last: Map<string, number>;
}

/** Creation times over the last year and references numbered in creation order per party and year. */
export function skeleton(n: number, now: number, counters: Map<string, number>): Skeleton {
  const random = prng(1);
  const createdAt = Array.from({ length: n }, () => Math.floor(now - random() * 365 * DAY));
  const owner = Array.from({ length: n }, () => (random() < 0.55 ? 'EU' : 'CH'));
  const ref = new Array<string>(n);
  const last = new Map(counters);
  const order = [...createdAt.keys()].sort((a, b) => createdAt[a]! - createdAt[b]!);
  for (const i of order) {
    const year = new Date(createdAt[i]!).getUTCFullYear();
    const key = `${owner[i]}|${year}`;
    const number = (last.get(key) ?? 0) + 1;
    last.set(key, number);
    ref[i] = formatTicketRef(owner[i]!, 'incident', year, number);
  }
  return { createdAt, owner, ref, last };
}

/** Tickets [from, to) of the skeleton with their events; an index always draws the same attributes (ids are random). */
export function planBatch(
  sk: Skeleton,
  from: number,
  to: number,
  parties: Map<string, PartyInfo>,
  instanceId: string,
  now: number,
) {
  const texts = drawTexts(to - from, 1000 + from);
  const tickets: Row[] = [];
  const events: Row[] = [];
  for (let i = from; i < to; i++) {
    const random = prng(7919 * i + 17);
    const t = i - from;
    const owner = parties.get(sk.owner[i]!)!;
    const other = parties.get(owner.id === 'EU' ? 'CH' : 'EU')!;
    let draw = random();
    const status = STATUSES.find(([, share]) => (draw -= share) < 0)?.[0] ?? 'closed';
    const transferred = status !== 'recorded' && random() < 0.3;
    const holder = transferred ? other : owner;
    const impact = IMPACTS[Math.floor(random() * 3)]!;
    const criticality = CRITICALITIES[Math.floor(random() * 3)]!;
    const s = random();
    const sensitivity = s < 0.85 ? 'LIMITED' : s < 0.97 ? 'SENSITIVE' : 'CRITICAL';
    const service = SERVICES[Math.floor(random() * SERVICES.length)]!;
    const channel = CHANNELS[i % CHANNELS.length]!;
    const resolution = `Restarted the ${service.toLowerCase()} component and replayed the queue`;
    const id = randomUUID();
    const ref = sk.ref[i]!;

    const priority = priorityFor(impact, criticality);
    const title = texts.titles[t]!;
    const steps: Step[] = [{ event: { kind: 'created', data: { ref, title, channel, priority } }, by: 'desk' }];
    if (status === 'recorded') {
      steps.push({ event: { kind: 'comment', data: { body: texts.comments[t]! } }, by: 'desk', internal: i % 3 === 0 });
      steps.push({
        event: { kind: 'field_changed', data: { field: 'service', from: 'Registry / accounts', to: service } },
        by: 'desk',
      });
    } else {
      const transfer: Step = {
        event: {
          kind: 'transferred',
          data: {
            fromParty: owner.id,
            toParty: other.id,
            groupId: other.deskId,
            groupName: other.deskName,
            reason: 'Handled by the other registry',
          },
        },
        by: 'desk',
      };
      const assign: Step = {
        event: {
          kind: 'assigned',
          data: {
            party: owner.id,
            groupId: owner.rgroupId,
            groupName: owner.rgroupName,
            assigneeId: owner.resolverId,
            assigneeName: owner.resolverName,
          },
        },
        by: 'worker',
      };
      steps.push(
        ...(transferred
          ? [changed('recorded', 'in_progress', 'transfer', 'desk'), transfer]
          : [changed('recorded', 'in_progress', 'assign', 'worker'), assign]),
      );
      const comment: Step = {
        event: { kind: 'comment', data: { body: texts.comments[t]! } },
        by: 'worker',
        internal: i % 3 === 0,
      };
      const resolve: Step[] = [
        changed('in_progress', 'resolved', 'resolve', 'worker'),
        { event: { kind: 'resolved', data: { resolution } }, by: 'worker' },
      ];
      if (status === 'in_progress') steps.push(comment);
      if (status === 'pending')
        steps.push(changed('in_progress', 'pending', 'pend', 'worker', 'Waiting for the account holder'), comment);
      if (status === 'resolved') steps.push(...resolve);
      if (status === 'verified') steps.push(...resolve, changed('resolved', 'verified', 'verify', 'desk'));
      if (status === 'closed')
        steps.push(
          resolve[0]!,
          changed('resolved', 'verified', 'verify', 'desk'),
          changed('verified', 'closed', 'close', 'desk'),
        );
    }

    // Events spaced 10 min – 8 h apart, all in the past.
    const createdAt = sk.createdAt[i]!;
    const step = Math.min((10 + random() * 470) * 60_000, (now - createdAt) / steps.length);
    const at = steps.map((_, k) => Math.floor(createdAt + k * step));
    const atOf = (to: string) => at[steps.findIndex(({ event: e }) => e.kind === 'status_changed' && e.data.to === to)];
    steps.forEach(({ event, by, internal }, k) => {
      const actor =
        by === 'desk'
          ? { id: owner.agentId, name: owner.agentName, party: owner.id }
          : { id: holder.resolverId, name: holder.resolverName, party: holder.id };
      events.push({
        id: randomUUID(),
        ticket_id: id,
        seq: k + 1,
        kind: event.kind,
        visibility: internal ? 'internal' : 'shared',
        data: event.data,
        actor_id: actor.id,
        actor_name: actor.name,
        party: actor.party,
        instance_id: instanceId,
        created_at: new Date(at[k]!).toISOString(),
      });
    });
    const resolvedAt = atOf('resolved');
    const closedAt = atOf('closed');
    tickets.push({
      id,
      ref,
      type: 'incident',
      owner_party: owner.id,
      holder_party: holder.id,
      participants: transferred ? [owner.id, other.id] : [owner.id],
      title,
      description: texts.descriptions[t],
      service,
      impact,
      criticality,
      priority,
      sensitivity,
      status,
      channel,
      group_id: status === 'recorded' ? owner.deskId : transferred ? other.deskId : owner.rgroupId,
      assignee_id: status === 'recorded' || transferred ? null : owner.resolverId,
      escalation_level: 1,
      reporter: REPORTERS[i % REPORTERS.length],
      resolution: resolvedAt === undefined ? null : resolution,
      checklist: closedAt === undefined ? null : CHECKLIST,
      version: steps.length,
      event_seq: steps.length,
      created_by: owner.agentId,
      created_at: new Date(createdAt).toISOString(),
      updated_at: new Date(at.at(-1)!).toISOString(),
      resolved_at: resolvedAt === undefined ? null : new Date(resolvedAt).toISOString(),
      closed_at: closedAt === undefined ? null : new Date(closedAt).toISOString(),
      sla_facts: projectFacts(
        steps.map(({ event }, k) => ({ ...event, at: at[k]! })),
        owner.id,
        'recorded',
      ),
    });
  }
  return { tickets, events };
}
