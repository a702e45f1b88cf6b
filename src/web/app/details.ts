/** Reading a ticket's per-type details in the console; the shapes come from the contract (src/contract/). */
import type {
  PresentedChange,
  PresentedConsultation,
  PresentedProblem,
  PresentedRelease,
  PresentedRequest,
  PresentedSecurity,
  TicketDetail,
} from '../../contract/schemas.ts';
import type { LocalText } from '../../domain/lang.ts';
import { CHANGE_ORIGINS, ReleaseDeploymentSchema, ReleasePlanSchema } from '../../domain/processes.ts';

interface DetailsByType {
  problem: PresentedProblem;
  request: PresentedRequest;
  change: PresentedChange;
  release: PresentedRelease;
  security: PresentedSecurity;
  consultation: PresentedConsultation;
}

/** The per-type details of a ticket, typed by its type; null for another type. */
export function detailsOf<T extends keyof DetailsByType>(detail: TicketDetail, type: T): DetailsByType[T] | null {
  // The API sends the details of the ticket's own type (src/contract/schemas.ts PresentedDetails).
  return detail.type === type ? (detail.details as DetailsByType[T]) : null;
}

/** The security details of a ticket, or null for another type. */
export function securityDetailsOf(detail: TicketDetail): PresentedSecurity | null {
  return detailsOf(detail, 'security');
}

/** The security details of a ticket with nothing recorded yet. */
export const NO_SECURITY_DETAILS: PresentedSecurity = { clocks: [] };

/** Origins that name a ticket; the others carry a free reference. */
export const TICKET_ORIGINS: readonly (typeof CHANGE_ORIGINS)[number][] = CHANGE_ORIGINS.slice(0, 3);
/** The fields of a release's plan and deployment sections, in the server's order. */
export const RELEASE_PLAN_FIELDS = ReleasePlanSchema.keyof().options;
export const DEPLOYMENT_FIELDS = ReleaseDeploymentSchema.keyof().options;

/** The text of a localized catalogue label in the console's language. */
export function localized(value: LocalText | string | null | undefined, lang: 'en' | 'fr'): string {
  if (!value) return '';
  if (typeof value === 'string') return value;
  return value[lang] || value.en || value.fr;
}
