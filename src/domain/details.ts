import type { z } from 'zod';
import {
  ChangeDetailsSchema,
  ConsultationDetailsSchema,
  IncidentDetailsSchema,
  ProblemDetailsSchema,
  ReleaseDetailsSchema,
  RequestDetailsSchema,
} from './processes.ts';
import { SecurityDetailsSchema } from './security.ts';
import type { TicketType } from './ticket-types.ts';

/** Each ticket type's `details` (the per-type facts kept on the ticket), as one schema per type. */
export const DETAILS_SCHEMAS = {
  incident: IncidentDetailsSchema,
  problem: ProblemDetailsSchema,
  request: RequestDetailsSchema,
  change: ChangeDetailsSchema,
  release: ReleaseDetailsSchema,
  security: SecurityDetailsSchema,
  consultation: ConsultationDetailsSchema,
} as const satisfies Record<TicketType, z.ZodType>;

export type DetailsOf<T extends TicketType> = z.infer<(typeof DETAILS_SCHEMAS)[T]>;
/** The details of a ticket of any type. */
export type TicketDetails = DetailsOf<TicketType>;

/** A stored row that does not match its type's contract: a bug or a tampered row, never silently cast. */
export class CorruptRowError extends Error {
  constructor(what: string, issues: string) {
    super(`${what} does not match its schema: ${issues}`);
    this.name = 'CorruptRowError';
  }
}

/** Formats zod issues as `path: message` pairs. */
export function issuesOf(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Parses a ticket's stored details against its type's schema, naming the ticket when they do not parse. */
export function parseDetails<T extends TicketType>(type: T, raw: unknown, ref: string): DetailsOf<T> {
  const result = DETAILS_SCHEMAS[type].safeParse(raw ?? {});
  if (!result.success) throw new CorruptRowError(`details of ticket ${ref} (${type})`, issuesOf(result.error));
  return result.data as DetailsOf<T>; // the schema picked by T gives DetailsOf<T>; TS cannot index the map by a generic
}
