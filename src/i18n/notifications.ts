import type { NotificationKind } from '../domain/notifications.ts';
import type { Lang } from '../domain/lang.ts';
import { labelOf } from './labels.ts';

type Template = Record<Lang, { subject: string; body: string }>;

/** Notification texts. Only the reference, title, parties and SLA figures are ever put in. */
const TEMPLATES: Record<NotificationKind, Template> = {
  ticket_recorded: {
    en: {
      subject: '[{ref}] recorded: {title}',
      body: 'Your ticket has been recorded under number {ref}. Quote this number in every exchange about it.',
    },
    fr: {
      subject: '[{ref}] enregistré : {title}',
      body: 'Votre ticket a été enregistré sous le numéro {ref}. Rappelez ce numéro dans tout échange à son sujet.',
    },
  },
  assigned: {
    en: { subject: '[{ref}] assigned to {target}: {title}', body: 'Ticket {ref} has been assigned to {target}.' },
    fr: { subject: '[{ref}] affecté à {target} : {title}', body: 'Le ticket {ref} a été affecté à {target}.' },
  },
  transferred: {
    en: {
      subject: '[{ref}] transferred to {target}: {title}',
      body: 'Ticket {ref} has been transferred from {from} to {target}. Your desk now holds it.',
    },
    fr: {
      subject: '[{ref}] transféré à {target} : {title}',
      body: 'Le ticket {ref} a été transféré de {from} à {target}. Votre centre de services en a désormais la charge.',
    },
  },
  escalated: {
    en: {
      subject: '[{ref}] escalated to {target}: {title}',
      body: 'Ticket {ref} has been escalated to {target}.{contact_en}',
    },
    fr: {
      subject: '[{ref}] escaladé vers {target} : {title}',
      body: 'Le ticket {ref} a été escaladé vers {target}.{contact_fr}',
    },
  },
  approval_needed: {
    en: { subject: '[{ref}] approval needed: {title}', body: 'Ticket {ref} awaits your approval.' },
    fr: { subject: '[{ref}] approbation requise : {title}', body: 'Le ticket {ref} attend votre approbation.' },
  },
  sla_warning: {
    en: {
      subject: '[{ref}] {clock} target nearly reached: {title}',
      body: 'Ticket {ref} has used {elapsed} of its {target} {clock} target.',
    },
    fr: {
      subject: '[{ref}] objectif {clock} bientôt atteint : {title}',
      body: 'Le ticket {ref} a consommé {elapsed} de son objectif {clock} de {target}.',
    },
  },
  sla_breached: {
    en: {
      subject: '[{ref}] {clock} target breached: {title}',
      body: 'Ticket {ref} has exceeded its {target} {clock} target ({elapsed} elapsed).',
    },
    fr: {
      subject: '[{ref}] objectif {clock} dépassé : {title}',
      body: 'Le ticket {ref} a dépassé son objectif {clock} de {target} ({elapsed} écoulées).',
    },
  },
  awaiting_verification: {
    en: {
      subject: '[{ref}] resolved, to verify with the reporter: {title}',
      body: 'Ticket {ref} has been resolved and is back with your desk: verify the resolution with the reporter before closing it.',
    },
    fr: {
      subject: '[{ref}] résolu, à vérifier avec le demandeur : {title}',
      body: 'Le ticket {ref} a été résolu et revient à votre centre de services : vérifiez la résolution avec le demandeur avant de le clôturer.',
    },
  },
  request_refused: {
    en: {
      subject: '[{ref}] refused, to close: {title}',
      body: 'The approval of request {ref} has been refused and the request is back with your desk: close it with the refusal reason.',
    },
    fr: {
      subject: '[{ref}] refusée, à clôturer : {title}',
      body: 'L’approbation de la demande {ref} a été refusée et la demande revient à votre centre de services : clôturez-la avec le motif du refus.',
    },
  },
  closed: {
    en: { subject: '[{ref}] closed: {title}', body: 'Ticket {ref} has been formally closed by its owning desk.' },
    fr: {
      subject: '[{ref}] clôturé : {title}',
      body: 'Le ticket {ref} a été formellement clôturé par son centre de services propriétaire.',
    },
  },
  security_incident: {
    en: {
      subject: '[{ref}] security incident for your party',
      body: 'Security incident {ref} meets your party’s notification policy. Sign in to read it.',
    },
    fr: {
      subject: '[{ref}] incident de sécurité pour votre partie',
      body: 'L’incident de sécurité {ref} relève de la politique de notification de votre partie. Connectez-vous pour le consulter.',
    },
  },
  regulatory_deadline: {
    en: {
      subject: '[{ref}] regulatory deadline approaching',
      body: 'A regulatory notification stage of {ref} is due soon. Sign in to record it.',
    },
    fr: {
      subject: '[{ref}] échéance réglementaire proche',
      body: 'Une étape de notification réglementaire de {ref} arrive à échéance. Connectez-vous pour l’enregistrer.',
    },
  },
  release_deployed: {
    en: {
      subject: '[{ref}] release deployed: {title}',
      body: 'Release {ref} has been deployed. Check your services and report any problem to your desk.',
    },
    fr: {
      subject: '[{ref}] mise en production déployée : {title}',
      body: 'La mise en production {ref} a été déployée. Vérifiez vos services et signalez tout problème à votre centre de services.',
    },
  },
  problem_change_rolled_back: {
    en: {
      subject: '[{ref}] its resolving change was rolled back: {title}',
      body: 'The change that closed problem {ref} has been rolled back. The problem stays closed: decide whether to record a new one.',
    },
    fr: {
      subject: '[{ref}] son changement correctif a été annulé : {title}',
      body:
        'Le changement qui a clôturé le problème {ref} a fait l’objet d’un retour arrière. ' +
        'Le problème reste clôturé : décidez s’il faut en enregistrer un nouveau.',
    },
  },
  release_rolled_back: {
    en: {
      subject: '[{ref}] release rolled back: {title}',
      body: 'Release {ref} has been rolled back and the previous state restored. See its timeline for the reason.',
    },
    fr: {
      subject: '[{ref}] mise en production annulée (retour arrière) : {title}',
      body: 'La mise en production {ref} a été annulée et l’état antérieur restauré. Consultez son historique pour le motif.',
    },
  },
  asset_approval_needed: {
    en: {
      subject: 'Common asset to approve: {name}',
      body: '{party} has proposed the common information asset "{name}" (or a change to its owner or C/I/A levels). Your party’s approval is awaited.',
    },
    fr: {
      subject: 'Actif commun à approuver : {name}',
      body:
        '{party} a proposé l’actif informationnel commun « {name} » (ou une modification de son propriétaire ou de ses niveaux C/I/D).' +
        ' L’approbation de votre partie est attendue.',
    },
  },
  asset_review_due: {
    en: {
      subject: 'Review due: {name}',
      body: 'The information asset "{name}" ({party}) was due for review on {dueAt}. Review it and record the outcome.',
    },
    fr: {
      subject: 'Revue à faire : {name}',
      body: 'L’actif informationnel « {name} » ({party}) devait être revu le {dueAt}. Revoyez-le et enregistrez le résultat.',
    },
  },
  certificate_expiring: {
    en: {
      subject: 'Certificate {name} expires in {days} days',
      body:
        'The certificate "{name}" ({usage}) of {party}, SHA-256 fingerprint {fingerprint}, expires on {notAfter}.' +
        ' Request its renewal in the certificate register: a renewal is a change approved by every party.',
    },
    fr: {
      subject: 'Le certificat {name} expire dans {days} jours',
      body:
        'Le certificat « {name} » ({usage}) de {party}, empreinte SHA-256 {fingerprint}, expire le {notAfter}.' +
        ' Demandez son renouvellement dans le registre des certificats : un renouvellement est un changement approuvé par toutes les parties.',
    },
  },
  sign_in_failures: {
    en: {
      subject: '{failures} failed sign-ins to your account',
      body:
        'There were {failures} failed attempts to sign in to your account in the last {minutes} minutes, the latest from {address}.' +
        ' If this was not you, tell your security officer; your own sign-ins from your usual address are not blocked.',
    },
    fr: {
      subject: '{failures} échecs de connexion à votre compte',
      body:
        'Il y a eu {failures} tentatives de connexion à votre compte en échec ces {minutes} dernières minutes, la dernière depuis {address}.' +
        ' Si ce n’était pas vous, prévenez votre officier de sécurité ; vos propres connexions depuis votre adresse habituelle ne sont pas bloquées.',
    },
  },
  offboarding_reminder: {
    en: {
      subject: '{party}: data erasure on {erasureAt}',
      body: 'Your party gave notice of the end of its contract. Its data will be erased on {erasureAt}. Take your export now: {exportPath}.',
    },
    fr: {
      subject: '{party} : effacement des données le {erasureAt}',
      body:
        'Votre partie a notifié la fin de son contrat. Ses données seront effacées le {erasureAt}. ' +
        'Récupérez votre export dès maintenant : {exportPath}.',
    },
  },
  cbm_shared: {
    en: {
      subject: '{party}: {what_en} — {title}',
      body: '{party} shared with the parties: {what_en} “{title}”. See {path}.',
    },
    fr: {
      subject: '{party} : {what_fr} — {title}',
      body: '{party} a partagé avec les parties : {what_fr} « {title} ». Voir {path}.',
    },
  },
  cbm_due: {
    en: { subject: 'Due {dueAt}: {what_en} — {title}', body: '{what_en} “{title}” is due on {dueAt}. See {path}.' },
    fr: {
      subject: 'Échéance {dueAt} : {what_fr} — {title}',
      body: '{what_fr} « {title} » arrive à échéance le {dueAt}. Voir {path}.',
    },
  },
  erasure_certificate: {
    en: {
      subject: '{party}: erasure certificate',
      body: 'The data of {party} were erased on {erasedAt}. The signed certificate is at /api/v1/parties/{party}/offboarding/certificate.',
    },
    fr: {
      subject: '{party} : certificat d’effacement',
      body: 'Les données de {party} ont été effacées le {erasedAt}. Le certificat signé est disponible sur /api/v1/parties/{party}/offboarding/certificate.',
    },
  },
  agreement_proposed: {
    en: {
      subject: '{from} proposes a change to the agreement ({kind})',
      body:
        '{from} proposes a change to the agreement ({kind}) for {party}, in force from {effectiveFrom}. It ' +
        'applies only once your party has accepted it: decide under Agreement in the console.',
    },
    fr: {
      subject: '{from} propose une modification de l’accord ({kind})',
      body:
        '{from} propose une modification de l’accord ({kind}) pour {party}, en vigueur à compter du ' +
        '{effectiveFrom}. Elle ne s’applique qu’après l’acceptation de votre partie : statuez dans la page ' +
        'Accord de la console.',
    },
  },
  webhook_paused: {
    en: {
      subject: 'Webhook paused: {url}',
      body:
        'Deliveries to {url} failed {failures} times in a row and are paused. Fix the endpoint, then resume ' +
        'the subscription in the console; nothing is lost.',
    },
    fr: {
      subject: 'Webhook suspendu : {url}',
      body:
        'Les livraisons vers {url} ont échoué {failures} fois de suite et sont suspendues. Réparez le point ' +
        'de réception puis reprenez l’abonnement dans la console ; rien n’est perdu.',
    },
  },
};

const RECEIPT: Template = {
  en: {
    subject: '[{ref}] Your request has been recorded',
    body: 'Your request has been recorded under number {ref}. Quote this number in every exchange about it.',
  },
  fr: {
    subject: '[{ref}] Votre demande a été enregistrée',
    body: 'Votre demande a été enregistrée sous le numéro {ref}. Rappelez ce numéro dans tout échange à son sujet.',
  },
};

const REPLY_FOOTER: Record<Lang, string> = {
  en: 'Reply to this message, keeping [{ref}] in the subject, to add to request {ref}.',
  fr: 'Répondez à ce message, en gardant [{ref}] dans l’objet, pour compléter la demande {ref}.',
};

/** The line under an answer by e-mail (COL-2), in the requester's language. */
export function replyFooter(lang: Lang, ref: string): string {
  return REPLY_FOOTER[lang].replaceAll('{ref}', ref);
}

/** The receipt sent to a requester outside Passerelle: the number and nothing else. */
export function renderReceipt(lang: Lang, ref: string): { subject: string; body: string } {
  return { subject: RECEIPT[lang].subject.replace('{ref}', ref), body: RECEIPT[lang].body.replace('{ref}', ref) };
}

/** A notification's subject and body in a language. */
export function renderNotification(
  kind: NotificationKind,
  lang: Lang,
  params: Record<string, string>,
): { subject: string; body: string } {
  const { subject, body } = TEMPLATES[kind][lang];
  const shown = (name: string) => {
    const value = params[name];
    // The kind of an agreement change is stored as its key; people read its label.
    return kind === 'agreement_proposed' && name === 'kind' && value
      ? String(labelOf(lang, 'agreementKind', value))
      : value;
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => shown(name) ?? whole);
  // CBM-1: a lapsed point of contact is flagged after the text, whatever the kind.
  return { subject: fill(subject), body: fill(body) + (params[`directory_${lang}`] ?? '') };
}

/** A duration in hours and minutes, e.g. "2 h 30 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? (m > 0 ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
}
