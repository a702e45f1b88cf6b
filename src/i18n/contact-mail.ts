import { labelOf } from './labels.ts';

type Both = { en: string; fr: string };

/** What happened, for a point of contact outside Passerelle, in both languages ({party}: theirs). */
const EVENTS: Record<string, Both> = {
  transferred: { en: 'transferred to {party}', fr: 'transféré à {party}' },
  security_incident: { en: 'security incident for {party}', fr: 'incident de sécurité pour {party}' },
  sla_warning: { en: 'service-level target nearly reached', fr: 'objectif de niveau de service bientôt atteint' },
  sla_breached: { en: 'service-level target breached', fr: 'objectif de niveau de service dépassé' },
  consultation: { en: '{party} is asked to consult', fr: '{party} est invité à une consultation' },
  consultation_due: {
    en: 'a consultation deadline of {party} has passed',
    fr: 'une échéance de consultation de {party} est dépassée',
  },
  exchange: { en: 'shared with {party}', fr: 'partagé avec {party}' },
  vulnerability: { en: 'notified to {party}', fr: 'notifiée à {party}' },
};

/** What the mail is about: a ticket by its reference, or a shared record by its kind. */
export function subjectOf(kind: string, ref: string | null): Both {
  if (ref) return { en: `Ticket ${ref}`, fr: `Ticket ${ref}` };
  return kind === 'exchange'
    ? { en: 'Information exchange', fr: 'Échange d’informations' }
    : { en: 'Vulnerability notice', fr: 'Notification de vulnérabilité' };
}

/**
 * The mail to a point of contact that is no account (CBM-1), in French and English since the
 * directory holds no language: what it is about (a ticket's reference, which says nothing of its
 * content), what happened, the title only when allowed (`domain/contact-routing.ts#titleForOutsider`),
 * and where to read the rest. Nothing else is ever put in.
 */
export function renderContactMail(
  kind: string,
  p: { about: Both; party: string; level: string; title: string | null },
): { subject: string; body: string } {
  const event = EVENTS[kind] ?? { en: kind, fr: kind };
  const fill = (text: string) => text.replaceAll('{party}', p.party);
  const title = (separator: string) => (p.title === null ? '' : `${separator}${p.title}`);
  const level = (lang: 'en' | 'fr') => labelOf(lang, 'contactLevel', p.level);
  const en =
    `${p.about.en}: ${fill(event.en)}${title(': ')}.\n` +
    `You receive this as ${p.party}'s point of contact (${level('en')}). ` +
    `Sign in to ${p.party}'s desk in Passerelle, or call it, to read it.`;
  const fr =
    `${p.about.fr} : ${fill(event.fr)}${title(' : ')}.\n` +
    `Vous recevez ce message comme point de contact de ${p.party} (${level('fr')}). ` +
    `Connectez-vous au centre de services de ${p.party} dans Passerelle, ou appelez-le, pour le lire.`;
  return { subject: `${p.about.fr} : ${fill(event.fr)} / ${fill(event.en)}${title(' — ')}`, body: `${fr}\n\n${en}` };
}
