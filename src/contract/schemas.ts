import { z } from 'zod';
import { TICKET_SORTS, TICKET_TYPES } from '../domain/ticket-types.ts';
import { CRITICALITIES, IMPACTS, PRIORITIES } from '../domain/priority.ts';
import { SENSITIVITIES } from '../domain/sensitivity.ts';
import { SecurityDetailsSchema, StageClockSchema, TLP_LEVELS } from '../domain/security.ts';
import { EVENT_VISIBILITIES, TimelineEventSchema } from '../domain/events.ts';
import {
  ChangeDetailsSchema,
  DisagreementSchema,
  IncidentDetailsSchema,
  ConsultationDetailsSchema,
  ProblemDetailsSchema,
  ReleaseDetailsSchema,
  RequestDetailsSchema,
} from '../domain/processes.ts';

/**
 * NFR-2: every request body is strict. Applied to each route's body schema when the route is
 * registered (http/app.ts), so an unknown field, at any depth, is a 400 naming it instead of
 * being dropped; the OpenAPI document says `additionalProperties: false`. An object that
 * declares its own catch-all (`z.looseObject`, `z.record`) keeps it.
 */
export function strictBody<T extends z.core.$ZodType>(schema: T): T {
  return strictDeep(schema) as T; // a clone of the same kind of schema, its objects made strict
}

const WRAPPERS = ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'];

function strictDeep(schema: z.core.$ZodType): z.core.$ZodType {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const next: Record<string, unknown> = { ...def };
  let changed = false;
  const map = (inner: unknown) => {
    const strict = strictDeep(inner as z.core.$ZodType);
    if (strict !== inner) changed = true;
    return strict;
  };
  if (def.type === 'object') {
    next.shape = Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([k, v]) => [k, map(v)]));
    if (def.catchall === undefined) {
      next.catchall = z.never();
      changed = true;
    }
  } else if (WRAPPERS.includes(def.type)) next.innerType = map(def.innerType);
  else if (def.type === 'array') next.element = map(def.element);
  else if (def.type === 'union') next.options = (def.options as unknown[]).map(map);
  else if (def.type === 'pipe') {
    next.in = map(def.in);
    next.out = map(def.out);
  } else if (def.type === 'record') next.valueType = map(def.valueType);
  return changed ? (schema as unknown as z.ZodType).clone(next as never) : schema;
}

/**
 * A response as the client reads it: fastify sends a `z.date()` field as its ISO string, so the
 * console's types say string where the schema says Date.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** Schemas shared by validation and the OpenAPI document. */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
});

/** Text PostgreSQL can store: well-formed UTF-16 (no lone surrogate, which has no UTF-8 form) and no NUL character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const storable = (v: string) => !LONE_SURROGATE.test(v) && !v.includes('\u0000');
const STORABLE = 'NUL characters and unpaired surrogates are not allowed';

/** Free text as PostgreSQL can store it. */
export const plain = (max: number) => z.string().max(max).refine(storable, STORABLE);
export const text = (max: number) => z.string().trim().min(1).max(max).refine(storable, STORABLE);
export const Impact = z.enum(IMPACTS);
export const Criticality = z.enum(CRITICALITIES);
export const Priority = z.enum(PRIORITIES);
export const Sensitivity = z.enum(SENSITIVITIES);
export const Version = z.number().int().positive();
export const Channel = z.enum(['console', 'api', 'phone', 'email']).optional();

/** The fields every recorded ticket starts with (TKT-5). */
export const TicketFields = {
  title: text(200),
  description: plain(20_000).optional(),
  service: text(120),
  impact: Impact,
  criticality: Criticality,
  sensitivity: Sensitivity.optional(),
  channel: Channel,
};

/** An ISO 8601 instant with an offset, within what the database stores (years 1970–9999). */
export const Instant = z.iso
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) >= 0 && Date.parse(v) < Date.parse('9999-12-31T00:00:00Z'), 'between 1970 and 9999');

export const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

export const ListQuery = z.object({
  type: csv(z.enum(TICKET_TYPES)).optional(),
  status: csv(z.string().regex(/^[a-z_]+$/)).optional(),
  priority: csv(Priority).optional(),
  owner: csv(z.string().regex(/^[A-Z][A-Z0-9]{1,9}$/)).optional(),
  /** `me`: assigned to the caller; `mine`: assigned to the caller or to one of the caller's groups; or a user id. */
  assignee: z.union([z.literal('me'), z.literal('mine'), z.uuid()]).optional(),
  q: text(200).optional(),
  sort: z.enum(TICKET_SORTS).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .max(500)
    .optional(),
});

/** The part of a ticket list query a saved view keeps: its filter and sort, never a page position. */
const VIEW_KEYS = ['type', 'status', 'priority', 'owner', 'assignee', 'q', 'sort'] as const;
const ViewListQuery = ListQuery.pick({
  type: true,
  status: true,
  priority: true,
  owner: true,
  assignee: true,
  q: true,
  sort: true,
});

/**
 * A saved view's query, kept exactly as the list's query string takes it (so the console applies it
 * as is), and valid only if the ticket list query schema accepts it.
 */
export const SavedViewQuery = z
  .strictObject(
    // Object.fromEntries loses the keys: they are VIEW_KEYS, each an optional string.
    Object.fromEntries(VIEW_KEYS.map((k) => [k, z.string().max(500).optional()])) as Record<
      (typeof VIEW_KEYS)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .superRefine((value, ctx) => {
    const parsed = ViewListQuery.safeParse(value);
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
  });

export const SavedView = z.object({
  id: z.uuid(),
  name: z.string(),
  query: z.object(
    // As above.
    Object.fromEntries(VIEW_KEYS.map((k) => [k, z.string().optional()])) as Record<
      (typeof VIEW_KEYS)[number],
      z.ZodOptional<z.ZodString>
    >,
  ),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedView = z.output<typeof SavedView>;

/** A ticket is named by its reference (EU-INC-2026-000042) or its UUID: letters, digits and hyphens only. */
/** A ticket's attachment (TKT-7), with its own sensitivity (ISM-4). */
export const Attachment = z.object({
  id: z.uuid(),
  name: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  sensitivity: Sensitivity,
  party: z.string(),
  createdAt: z.iso.datetime(),
});
export type Attachment = z.output<typeof Attachment>;

export const TicketParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, 'a ticket reference or id'),
});

const Ref = z.object({ id: z.uuid(), ref: z.string(), type: z.string(), title: z.string(), status: z.string() });

export const SlaClock = z.object({
  targetMs: z.number().int(),
  elapsedMs: z.number().int(),
  phase: z.enum(['running', 'paused', 'stopped']),
  dueAt: z.iso.datetime().nullable(),
  level: z.enum(['ok', 'warning', 'breached']),
});

/** SLA state (SLA-2/3/4): intervention, resolution and escalation clocks, pauses, per-party time. */
export const Sla = z.object({
  level: z.enum(['ok', 'warning', 'breached']),
  gti: SlaClock,
  gtr: SlaClock,
  gte: SlaClock,
  pausedMs: z.number().int(),
  byParty: z.record(z.string(), z.number().int()),
});

export const TicketSummary = z.object({
  id: z.uuid(),
  ref: z.string(),
  type: z.enum(TICKET_TYPES),
  title: z.string(),
  status: z.string(),
  priority: Priority,
  impact: Impact,
  criticality: Criticality,
  sensitivity: Sensitivity,
  service: z.string(),
  ownerParty: z.string(),
  holderParty: z.string(),
  participants: z.array(z.string()),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assignee: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  escalationLevel: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
  sla: Sla.nullable(),
});

/** What every timeline entry carries besides its kind and data. */
export const entryMeta = {
  id: z.uuid(),
  seq: z.number().int(),
  visibility: z.enum(EVENT_VISIBILITIES),
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  party: z.string(),
  createdAt: z.iso.datetime(),
};

/** One timeline entry: the event union of domain/events.ts, each kind with its own data. */
export const TimelineEntry = z.discriminatedUnion(
  'kind',
  // `.map` loses the tuple type zod wants; each member is an event schema extended with the same fields.
  TimelineEventSchema.options.map((event) => event.extend(entryMeta)) as unknown as [
    ReturnType<(typeof TimelineEventSchema.options)[number]['extend']>,
  ],
);

const TicketRefShape = z.object({ id: z.uuid(), ref: z.string() });

/**
 * Each type's details as the API shows them: the stored facts (domain schemas) without the
 * disagreement (a field of its own) and with other tickets named only through visible links.
 */
export const PresentedRelease = ReleaseDetailsSchema.omit({ disagreement: true, changeIds: true }).extend({
  changes: z.array(Ref),
});
export const PresentedChange = ChangeDetailsSchema.omit({ disagreement: true, releaseId: true, origin: true }).extend({
  origin: ChangeDetailsSchema.shape.origin.extend({ ticket: TicketRefShape.nullable() }),
  releaseRef: z.string().nullable(),
});
export const PresentedRequest = RequestDetailsSchema.omit({ disagreement: true });
export const PresentedSecurity = SecurityDetailsSchema.omit({ disagreement: true }).extend({
  clocks: z.array(StageClockSchema),
});
export const PresentedProblem = ProblemDetailsSchema.omit({ disagreement: true });
export const PresentedIncident = IncidentDetailsSchema.omit({ disagreement: true });
export const PresentedConsultation = ConsultationDetailsSchema.omit({ disagreement: true }).extend({
  overdue: z.enum(['acknowledgement', 'answer']).nullable(),
});
export const PresentedDetails = z.union([
  PresentedRelease,
  PresentedChange,
  PresentedRequest,
  PresentedSecurity,
  PresentedProblem,
  PresentedConsultation,
  PresentedIncident,
]);

export const TicketDetail = TicketSummary.extend({
  description: z.string(),
  reporter: z.string().nullable(),
  reporterEmail: z.string().nullable(),
  channel: z.string(),
  priorityReason: z.string().nullable(),
  knownError: z.string().nullable(),
  workaround: z.string().nullable(),
  resolution: z.string().nullable(),
  checklist: z.record(z.string(), z.boolean()).nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  links: z.array(z.object({ kind: z.string(), direction: z.enum(['from', 'to']), ticket: Ref })),
  timeline: z.array(TimelineEntry),
  /** The per-type facts; their shape depends on the ticket's `type` (one schema per type). */
  details: PresentedDetails,
  /** ISM-5: the TLP 2.0 label of what is shared across parties, from the ETS level. */
  tlp: z.enum(TLP_LEVELS),
  /** SEC-2: the incident management team (user ids) when the ticket is restricted to it. */
  team: z.array(z.uuid()).nullable(),
  teamMembers: z.array(z.object({ id: z.uuid(), name: z.string(), party: z.string() })).nullable(),
  /** PARTY-4: the latest disagreement between the desks, decided or not. */
  disagreement: DisagreementSchema.nullable(),
  allowedActions: z.array(z.string()),
});

/** `total` counts up to 1 000; `totalCapped` says there are more. */
export const TicketList = z.object({
  items: z.array(TicketSummary),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  totalCapped: z.boolean(),
});

/** Standard error responses documented on every authenticated route. */
export const errorResponses = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  429: ErrorBody,
} as const;

/** What the API sends, as its clients read it (the console imports these instead of restating them). */
export type SlaClock = z.output<typeof SlaClock>;
export type Sla = z.output<typeof Sla>;
export type TicketSummary = z.output<typeof TicketSummary>;
/** The union as each of its kinds (TimelineEntry's schema is built from the list, so its inferred type is loose). */
export type TimelineEntry = z.output<typeof TimelineEventSchema> & z.output<z.ZodObject<typeof entryMeta>>;
export type TicketDetail = Omit<z.output<typeof TicketDetail>, 'timeline'> & { timeline: TimelineEntry[] };
export type TicketLink = TicketDetail['links'][number];
export type TicketList = z.output<typeof TicketList>;
export type PresentedRelease = z.output<typeof PresentedRelease>;
export type PresentedChange = z.output<typeof PresentedChange>;
export type PresentedRequest = z.output<typeof PresentedRequest>;
export type PresentedSecurity = z.output<typeof PresentedSecurity>;
export type PresentedProblem = z.output<typeof PresentedProblem>;
export type PresentedConsultation = z.output<typeof PresentedConsultation>;
