/** Shapes of the API (docs/api-contract.md) as the console reads them. */
export type Lang = 'en' | 'fr';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
export type Impact = 'I1' | 'I2' | 'I3';
export type Criticality = 'C1' | 'C2' | 'C3';
export type Sensitivity = 'LIMITED' | 'SENSITIVE' | 'CRITICAL';

export interface User {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  party: string;
  roles: string[];
  clearance: Sensitivity;
  language: Lang;
  totpEnabled: boolean;
  totpRequired: boolean;
}

export interface Me {
  user: User;
  csrfToken: string;
}

export interface Group {
  id: string;
  name: string;
  kind: 'desk' | 'resolver' | 'level' | string;
}

export interface Party {
  id: string;
  name: string;
  kind: string;
  language: string;
  escalationLevels: { level: number; name: string }[];
  groups: Group[];
}

export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  party: string;
  groupIds: string[];
  /** Not sent by `GET /users` today; used to narrow pickers when present. */
  roles?: string[];
}

export interface TicketSummary {
  id: string;
  ref: string;
  type: string;
  title: string;
  status: string;
  priority: Priority;
  impact: Impact;
  criticality: Criticality;
  sensitivity: Sensitivity;
  service: string;
  ownerParty: string;
  holderParty: string;
  participants: string[];
  group: { id: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
  escalationLevel: number;
  createdAt: string;
  updatedAt: string;
  version: number;
  /** SLA clocks (SLA-2/3/4); null for tickets without targets, absent from older servers. */
  sla?: Sla | null;
}

export type SlaLevel = 'ok' | 'warning' | 'breached';

export interface SlaClock {
  targetMs: number;
  elapsedMs: number;
  phase: 'running' | 'paused' | 'stopped';
  dueAt: string | null;
  level: SlaLevel;
}

export interface Sla {
  level: SlaLevel;
  gti: SlaClock;
  gtr: SlaClock;
  gte: SlaClock;
  pausedMs: number;
  byParty: Record<string, number>;
}

export interface TicketLink {
  kind: string;
  direction: 'from' | 'to';
  ticket: { id: string; ref: string; type: string; title: string; status: string };
}

export interface TimelineEntry {
  id: string;
  seq: number;
  kind: string;
  visibility: 'shared' | 'internal';
  data: Record<string, unknown>;
  actor: { id: string | null; name: string };
  party: string;
  createdAt: string;
}

export interface TicketDetail extends TicketSummary {
  description: string;
  reporter: string | null;
  reporterEmail: string | null;
  channel: string;
  priorityReason: string | null;
  knownError: string | null;
  workaround: string | null;
  resolution: string | null;
  checklist: Record<string, boolean> | null;
  resolvedAt: string | null;
  closedAt: string | null;
  links: TicketLink[];
  timeline: TimelineEntry[];
  allowedActions: string[];
  /** Per-type facts of problems, requests, changes and releases (see processTypes.ts). */
  details?: Record<string, unknown> | null;
  /** The open or decided disagreement between parties (PARTY-4). */
  disagreement?: Disagreement | null;
  /** ISM-5: the TLP 2.0 label derived from the ETS level. */
  tlp?: string;
  /** SEC-2: the incident management team (user ids) when the ticket is restricted to it. */
  team?: string[] | null;
  /** The same team with names and parties. */
  teamMembers?: { id: string; name: string; party: string }[] | null;
}

export interface Disagreement {
  openedByParty: string;
  /** The name of who raised it. */
  openedBy?: string;
  reason: string;
  level: number;
  openedAt: string;
  decision?: string | null;
  decidedBy?: string | null;
  decidedAt?: string | null;
}

export interface TicketList {
  items: TicketSummary[];
  nextCursor: string | null;
  total: number;
  /** True when there are more than `total` (the server counts up to 1 000). */
  totalCapped: boolean;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  token?: string;
}
