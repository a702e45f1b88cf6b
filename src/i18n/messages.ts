import { labelled } from './labels.ts';
import type { ErrorCode } from '../domain/errors.ts';

import type { Lang } from '../domain/lang.ts';
type Text = Record<Lang, string>;

/** Server-side messages, in both languages. `{field}`-style placeholders are filled in. */
const ERRORS: Record<ErrorCode, Text> = {
  'validation.invalid': {
    en: 'The field "{field}" is invalid: {detail}',
    fr: 'Le champ « {field} » est invalide : {detail}',
  },
  'validation.required': { en: 'The field "{field}" is required.', fr: 'Le champ « {field} » est obligatoire.' },
  'auth.required': { en: 'Sign in first.', fr: 'Veuillez vous connecter.' },
  'auth.invalid_credentials': {
    en: 'Unknown user name or wrong password.',
    fr: 'Identifiant inconnu ou mot de passe erroné.',
  },
  'auth.totp_required': {
    en: 'Enter the code from your authenticator app.',
    fr: 'Saisissez le code de votre application d’authentification.',
  },
  'auth.totp_invalid': {
    en: 'The authenticator code is wrong or expired.',
    fr: 'Le code d’authentification est erroné ou expiré.',
  },
  'auth.totp_mandatory': {
    en: 'Your party requires a second factor: enrol one in Settings first.',
    fr: 'Votre partie exige un second facteur : activez-le d’abord dans les paramètres.',
  },
  'auth.rate_limited': {
    en: 'Too many attempts; try again in {minutes} minutes.',
    fr: 'Trop de tentatives ; réessayez dans {minutes} minutes.',
  },
  'auth.csrf': {
    en: 'Missing or wrong anti-forgery token; reload the page.',
    fr: 'Jeton anti-falsification absent ou erroné ; rechargez la page.',
  },
  'auth.token_invalid': {
    en: 'The API token is unknown, expired or revoked.',
    fr: 'Le jeton d’API est inconnu, expiré ou révoqué.',
  },
  'auth.forbidden': { en: 'You are not allowed to do this.', fr: 'Vous n’êtes pas autorisé à faire cela.' },
  'auth.address_not_allowed': {
    en: 'Access from address {address} is not allowed for your party (IP allow-list); ask your desk for an IP allow-list change request.',
    fr:
      'L’accès depuis l’adresse {address} n’est pas autorisé pour votre partie (liste d’adresses IP autorisées)' +
      ' ; demandez à votre centre de services une modification de la liste.',
  },
  'ticket.not_found': { en: 'No such ticket.', fr: 'Ticket introuvable.' },
  'ticket.version_conflict': {
    en: 'The ticket was changed by someone else (now version {current}); reload it and try again.',
    fr: 'Le ticket a été modifié par quelqu’un d’autre (version {current}) ; rechargez-le et recommencez.',
  },
  'ticket.version_required': {
    en: 'Send the version you edited (field "version" or If-Match header).',
    fr: 'Indiquez la version modifiée (champ « version » ou en-tête If-Match).',
  },
  'ticket.action_not_allowed': {
    en: 'You may not do "{action}" on this ticket.',
    fr: 'Vous ne pouvez pas effectuer « {action} » sur ce ticket.',
  },
  'ticket.transition_invalid': {
    en: 'Action "{action}" is not possible while the ticket is "{status}".',
    fr: 'L’action « {action} » est impossible tant que le ticket est à l’état « {status} ».',
  },
  'ticket.close_forbidden': {
    en: 'Only the owning party’s service desk may close this ticket.',
    fr: 'Seul le centre de services de la partie propriétaire peut clôturer ce ticket.',
  },
  'ticket.closed': {
    en: 'A closed ticket cannot be reopened; record a recurrence instead.',
    fr: 'Un ticket clôturé ne peut être rouvert ; enregistrez plutôt une récurrence.',
  },
  'ticket.checklist_incomplete': {
    en: 'The closure checklist item "{field}" is not confirmed.',
    fr: 'Le point « {field} » de la liste de clôture n’est pas confirmé.',
  },
  'ticket.priority_reason_required': {
    en: 'Give a reason for overriding the priority.',
    fr: 'Motivez la modification de la priorité.',
  },
  'ticket.sensitivity_too_high': {
    en: 'You cannot classify a record above your own clearance.',
    fr: 'Vous ne pouvez pas classifier au-dessus de votre habilitation.',
  },
  'ticket.disagreement_open': {
    en: 'A disagreement on this ticket is already awaiting a decision.',
    fr: 'Un désaccord sur ce ticket attend déjà une décision.',
  },
  'ticket.no_disagreement': {
    en: 'No disagreement on this ticket awaits a decision.',
    fr: 'Aucun désaccord sur ce ticket n’attend de décision.',
  },
  'security.no_open_follow_up': {
    en: 'This security incident has no open follow-up action to complete.',
    fr: 'Cet incident de sécurité n’a aucune action de suivi ouverte à terminer.',
  },
  'problem.change_not_applied': {
    en: 'A problem closes only once a linked change has been applied.',
    fr: 'Un problème ne se clôture qu’une fois un changement lié appliqué.',
  },
  'request.approval_required': {
    en: 'This request needs the other party’s approval first.',
    fr: 'Cette demande requiert d’abord l’approbation de l’autre partie.',
  },
  'request.catalogue_item_unknown': {
    en: 'No such active request type in your party’s catalogue.',
    fr: 'Aucun type de demande actif de ce nom dans le catalogue de votre partie.',
  },
  'change.not_approved': { en: 'Change {ref} is not approved.', fr: 'Le changement {ref} n’est pas approuvé.' },
  'change.in_other_release': {
    en: 'Change {ref} is already in another release.',
    fr: 'Le changement {ref} fait déjà partie d’une autre mise en production.',
  },
  'change.assessment_required': {
    en: 'Record the assessment ("{field}") first.',
    fr: 'Enregistrez d’abord l’évaluation (« {field} »).',
  },
  'change.approver_level': {
    en: 'At escalation level {level}, the approval is given by: {role}.',
    fr: 'Au niveau d’escalade {level}, l’approbation revient au rôle « {role} ».',
  },
  'release.incomplete': {
    en: 'The release lacks "{field}" for this step.',
    fr: 'Il manque « {field} » à la mise en production pour cette étape.',
  },
  'release.window_required': {
    en: 'A release affecting several parties needs a joint maintenance window accepted by all of them.',
    fr: 'Une mise en production qui touche plusieurs parties exige une fenêtre de maintenance commune acceptée par toutes.',
  },
  'release.outside_window': {
    en: 'The joint maintenance window runs from {startsAt} to {endsAt}: the release is deployed only inside it{detail}.',
    fr: 'La fenêtre de maintenance commune va du {startsAt} au {endsAt} : la mise en production ne se déploie qu’à l’intérieur{detail}.',
  },
  'release.checklist_incomplete': {
    en: 'The closure checklist item "{field}" is not ticked.',
    fr: 'Le point « {field} » de la liste de clôture n’est pas coché.',
  },
  'known_error.not_found': { en: 'No such known error.', fr: 'Erreur connue introuvable.' },
  'wiki.not_found': { en: 'No such wiki page.', fr: 'Page de wiki introuvable.' },
  'wiki.exists': { en: 'A wiki page already has this address.', fr: 'Une page de wiki porte déjà cette adresse.' },
  'wiki.version_conflict': {
    en: 'The page was changed by someone else (now version {current}); reload it and try again.',
    fr: 'La page a été modifiée par quelqu’un d’autre (version {current}) ; rechargez-la et recommencez.',
  },
  'wiki.version_not_found': { en: 'The page has no version {version}.', fr: 'La page n’a pas de version {version}.' },
  'wiki.owner_only': {
    en: 'Only the party that owns the page changes who may read it.',
    fr: 'Seule la partie propriétaire de la page décide qui peut la lire.',
  },
  'wiki.own_party_required': {
    en: 'Your own party must be among the parties of the page.',
    fr: 'Votre partie doit figurer parmi les parties de la page.',
  },
  'wiki.not_guideline': {
    en: 'Only a technical guideline is approved jointly.',
    fr: 'Seule une directive technique fait l’objet d’une approbation conjointe.',
  },
  'wiki.not_submitted': {
    en: 'Version {version} has not been submitted for approval.',
    fr: 'La version {version} n’a pas été soumise à approbation.',
  },
  'known_error.wider_audience': {
    en:
      'This known error may not be shown to everyone who reads this ticket ' +
      '(its problem has fewer parties, a higher classification or a team).',
    fr:
      'Cette erreur connue ne peut pas être montrée à tous les lecteurs de ce ticket ' +
      '(son problème a moins de parties, une classification plus élevée ou une équipe restreinte).',
  },
  'ticket.handover_not_cleared': {
    en: 'This person may not see the ticket (party, clearance or incident team): it cannot be handed to them.',
    fr: 'Cette personne ne peut pas voir le ticket (partie, habilitation ou équipe d’incident) : il ne peut pas lui être confié.',
  },
  'ticket.sensitivity_reason_required': {
    en: 'Lowering a classification needs a reason on the record.',
    fr: 'Abaisser une classification exige un motif consigné.',
  },
  'cbm.not_found': {
    en: 'No such record, or not visible to you.',
    fr: 'Enregistrement introuvable ou non visible pour vous.',
  },
  'cbm.version_conflict': {
    en: 'The record was changed by someone else (now version {current}); reload it and try again.',
    fr: 'L’enregistrement a été modifié par quelqu’un d’autre (version {current}) ; rechargez-le et recommencez.',
  },
  'cbm.state_invalid': {
    en: 'This step is not possible in the record’s current state ({state}).',
    fr: 'Cette étape n’est pas possible dans l’état actuel de l’enregistrement ({state}).',
  },
  'asset.not_found': { en: 'No such information asset.', fr: 'Actif informationnel introuvable.' },
  'asset.version_conflict': {
    en: 'The asset was changed by someone else (now version {current}); reload it and try again.',
    fr: 'L’actif a été modifié par quelqu’un d’autre (version {current}) ; rechargez-le et recommencez.',
  },
  'asset.approval_not_awaited': {
    en: 'No approval of your party is awaited on this asset.',
    fr: 'Aucune approbation de votre partie n’est attendue sur cet actif.',
  },
  'asset.retired': {
    en: 'This asset has been retired; it can no longer be changed or reviewed.',
    fr: 'Cet actif a été retiré ; il ne peut plus être modifié ni revu.',
  },
  'catalogue.not_found': { en: 'No such catalogue item.', fr: 'Élément de catalogue introuvable.' },
  'catalogue.exists': { en: 'An item with this code already exists.', fr: 'Un élément avec ce code existe déjà.' },
  'window.not_found': { en: 'No such maintenance window.', fr: 'Fenêtre de maintenance introuvable.' },
  'party.not_found': { en: 'No such party.', fr: 'Partie inconnue.' },
  'party.exists': { en: 'A party with this code already exists.', fr: 'Une partie avec ce code existe déjà.' },
  'group.not_found': { en: 'No such group in that party.', fr: 'Groupe inconnu dans cette partie.' },
  'user.not_found': { en: 'No such user in that party.', fr: 'Utilisateur inconnu dans cette partie.' },
  'user.exists': { en: 'This user name is taken.', fr: 'Cet identifiant est déjà pris.' },
  'token.not_found': { en: 'No such API token.', fr: 'Jeton d’API introuvable.' },
  'view.not_found': { en: 'No such saved view.', fr: 'Vue enregistrée introuvable.' },
  'view.limit': {
    en: 'You already keep {max} saved views: delete one first.',
    fr: 'Vous avez déjà {max} vues enregistrées : supprimez-en une d’abord.',
  },
  'request.too_large': {
    en: 'The request body is too large: at most {limit} bytes.',
    fr: 'Le corps de la requête est trop volumineux : au plus {limit} octets.',
  },
  'request.uri_too_long': {
    en: 'The address is too long: a path segment has at most 100 characters.',
    fr: 'L’adresse est trop longue : un segment de chemin compte au plus 100 caractères.',
  },
  'request.unsupported_media_type': {
    en: 'Send JSON encoded in UTF-8 (Content-Type: application/json).',
    fr: 'Envoyez du JSON encodé en UTF-8 (Content-Type: application/json).',
  },
  'request.conflict': {
    en: 'Another change to the same records happened at the same moment; nothing was written: try again.',
    fr: 'Une autre modification des mêmes données a eu lieu au même moment ; rien n’a été enregistré : réessayez.',
  },
  'release.rollback_too_late': {
    en: 'Change {ref} has already been reviewed or closed: record a new change to undo it.',
    fr: 'Le changement {ref} a déjà été revu ou clôturé : enregistrez un nouveau changement pour l’annuler.',
  },
  'request.not_found': { en: 'No such endpoint.', fr: 'Point d’accès inconnu.' },
  'request.rate_limited': {
    en: 'Too many requests with this API token; try again in {seconds} s.',
    fr: 'Trop de requêtes avec ce jeton d’API ; réessayez dans {seconds} s.',
  },
  'events.too_many_streams': {
    en: 'At most {max} live update streams may be open per session or token; close another tab first.',
    fr: 'Au plus {max} flux de mises à jour en direct peuvent être ouverts par session ou jeton ; fermez d’abord un autre onglet.',
  },
  'events.too_many_user_streams': {
    en: 'At most {max} live update streams may be open per user; close another tab or client first.',
    fr: 'Au plus {max} flux de mises à jour en direct peuvent être ouverts par utilisateur ; fermez d’abord un autre onglet ou client.',
  },
  'events.node_streams_full': {
    en: 'This server already holds its maximum of {max} live update streams; try again later.',
    fr: 'Ce serveur tient déjà son maximum de {max} flux de mises à jour en direct ; réessayez plus tard.',
  },
  'request.duplicate': {
    en: 'The same request was just sent; it is accepted at most once per {seconds} s.',
    fr: 'La même requête vient d’être envoyée ; elle n’est acceptée qu’une fois par {seconds} s.',
  },
  'request.allowlist_lockout': {
    en: 'Applying this change would lock out the address you are working from ({address}); the list must keep a block that contains it.',
    fr: 'Appliquer cette modification bloquerait l’adresse depuis laquelle vous travaillez ({address}) ; la liste doit conserver un bloc qui la contient.',
  },
  'certificate.not_found': { en: 'No such certificate.', fr: 'Certificat introuvable.' },
  'certificate.exists': {
    en: 'This certificate (same fingerprint) is already in the register.',
    fr: 'Ce certificat (même empreinte) figure déjà au registre.',
  },
  'certificate.ca_not_found': { en: 'No such certification authority.', fr: 'Autorité de certification introuvable.' },
  'certificate.ca_exists': {
    en: 'This certification authority is already on the list.',
    fr: 'Cette autorité de certification figure déjà sur la liste.',
  },
  'certificate.untrusted_issuer': {
    en: 'The certificate was not issued by a certification authority trusted by every party.',
    fr: 'Le certificat n’a pas été émis par une autorité de certification reconnue par toutes les parties.',
  },
  'certificate.fingerprint_mismatch': {
    en: 'The fingerprint read out of band does not match the certificate: do not use it.',
    fr: 'L’empreinte lue hors bande ne correspond pas au certificat : ne l’utilisez pas.',
  },
  'certificate.state_invalid': {
    en: 'This is not possible while the certificate is "{state}".',
    fr: 'Impossible tant que le certificat est à l’état « {state} ».',
  },
  'certificate.change_pending': {
    en: 'A renewal or revocation of this certificate already awaits its change {ref}.',
    fr: 'Un renouvellement ou une révocation de ce certificat attend déjà son changement {ref}.',
  },
  'certificate.renewal_not_approved': {
    en: 'The certificate it replaces has no renewal approved by every party.',
    fr: 'Le certificat remplacé n’a pas de renouvellement approuvé par toutes les parties.',
  },
  'user.inactive': { en: 'This account is disabled.', fr: 'Ce compte est désactivé.' },
  'account_link.invalid': {
    en: 'This link is unknown, already used or expired; ask your administrator for a new one.',
    fr: 'Ce lien est inconnu, déjà utilisé ou expiré ; demandez-en un nouveau à votre administrateur.',
  },
  'group.exists': {
    en: 'A group of this party already has this name.',
    fr: 'Un groupe de cette partie porte déjà ce nom.',
  },
  'sso.not_configured': {
    en: 'This party has no single sign-on.',
    fr: 'Cette partie n’a pas d’authentification unique.',
  },
  'sso.provider_error': {
    en: 'The identity provider could not be used: {detail}',
    fr: 'Le fournisseur d’identité n’a pas pu être utilisé : {detail}',
  },
  'sso.state_invalid': {
    en: 'This sign-in is unknown, already used or expired; start again.',
    fr: 'Cette connexion est inconnue, déjà utilisée ou expirée ; recommencez.',
  },
  'sso.token_invalid': {
    en: 'The identity provider’s answer was refused: {detail}',
    fr: 'La réponse du fournisseur d’identité a été refusée : {detail}',
  },
  'sso.unmapped_role': {
    en: 'Your identity provider gives you no role on this desk (claim "{claim}").',
    fr: 'Votre fournisseur d’identité ne vous donne aucun rôle sur ce centre de services (attribut « {claim} »).',
  },
  'sso.unmapped_clearance': {
    en: 'Your identity provider gives you no clearance on this desk (claim "{claim}").',
    fr: 'Votre fournisseur d’identité ne vous donne aucune habilitation sur ce centre de services (attribut « {claim} »).',
  },
  'sso.wrong_party': {
    en: 'This identity belongs to another party.',
    fr: 'Cette identité appartient à une autre partie.',
  },
  'sso.no_account': {
    en: 'No account of this party is linked to your identity; ask your administrator.',
    fr: 'Aucun compte de cette partie n’est lié à votre identité ; adressez-vous à votre administrateur.',
  },
  'access_review.not_found': { en: 'No such access review.', fr: 'Revue des accès introuvable.' },
  'access_review.open_exists': {
    en: 'An access review of this party is already open.',
    fr: 'Une revue des accès de cette partie est déjà ouverte.',
  },
  'access_review.closed': { en: 'This access review is closed.', fr: 'Cette revue des accès est close.' },
  'access_review.decided': {
    en: 'A decision on this account is already recorded in this review.',
    fr: 'Une décision sur ce compte est déjà enregistrée dans cette revue.',
  },
  'access_review.undecided': {
    en: '{count} account(s) still lack a decision.',
    fr: '{count} compte(s) sans décision.',
  },
  'access_review.own_account': {
    en: 'You cannot change or revoke your own account; another administrator must.',
    fr: 'Vous ne pouvez ni modifier ni révoquer votre propre compte ; un autre administrateur doit le faire.',
  },
  'access_review.clearance_above_own': {
    en: 'You cannot raise a clearance above your own.',
    fr: 'Vous ne pouvez pas relever une habilitation au-dessus de la vôtre.',
  },
  'access_review.role_not_grantable': {
    en:
      'You may not grant the role "{role}": level-3 roles (IMT member, security officer, auditor, level manager) ' +
      'are granted by a security officer only, administration roles by those who hold them.',
    fr:
      'Vous ne pouvez pas attribuer le rôle « {role} » : les rôles de niveau 3 (membre de l’équipe d’incident, ' +
      'officier de sécurité, auditeur, gestionnaire de niveau) ne sont attribués que par un officier de sécurité, ' +
      'les rôles d’administration que par ceux qui les détiennent.',
  },
  'mail.secret_key_missing': {
    en: 'Mailboxes need MAIL_SECRET_KEY (32 bytes, hex or base64) in the server’s environment.',
    fr: 'Les boîtes aux lettres exigent MAIL_SECRET_KEY (32 octets, hexadécimal ou base64) dans l’environnement du serveur.',
  },
  'mailbox.not_found': { en: 'No such mailbox.', fr: 'Boîte aux lettres introuvable.' },
  'mailbox.exists': { en: 'A mailbox with this name exists already.', fr: 'Une boîte aux lettres porte déjà ce nom.' },
  'mailbox.none': {
    en: 'Your party has no mailbox to send from.',
    fr: 'Votre partie n’a pas de boîte aux lettres d’envoi.',
  },
  'mail.not_configured': {
    en: 'Outgoing mail is not configured (SMTP_URL).',
    fr: 'L’envoi de courriels n’est pas configuré (SMTP_URL).',
  },
  'mail.no_requester': {
    en: 'This ticket has no requester e-mail address.',
    fr: 'Ce ticket n’a pas d’adresse électronique de demandeur.',
  },
  'quarantine.not_found': { en: 'No such quarantined message.', fr: 'Message en quarantaine introuvable.' },
  'quarantine.decided': {
    en: 'This message has already been retried or dropped.',
    fr: 'Ce message a déjà été retraité ou supprimé.',
  },
  'attachment.not_found': { en: 'No such attachment.', fr: 'Pièce jointe introuvable.' },
  'backup.invalid': {
    en: 'This backup cannot be restored: {reason}. Nothing was written.',
    fr: 'Cette sauvegarde ne peut pas être restaurée : {reason}. Rien n’a été écrit.',
  },
  'backup.store_not_empty': {
    en: 'A backup is restored only into an empty store (table {table} has rows). Nothing was written.',
    fr: 'Une sauvegarde ne se restaure que dans une base vide (la table {table} contient des lignes). Rien n’a été écrit.',
  },
  'import.invalid_row': {
    en: 'Line {line}, column "{field}": {detail} ({others} other problem(s) in the file). Nothing was imported.',
    fr: 'Ligne {line}, colonne « {field} » : {detail} ({others} autre(s) problème(s) dans le fichier). Rien n’a été importé.',
  },
  'archive.invalid': {
    en: 'This archive cannot be imported: {reason}. Nothing was written.',
    fr: 'Cette archive ne peut pas être importée : {reason}. Rien n’a été écrit.',
  },
  'export.not_ready': {
    en: 'The export is not ready yet ({status}).',
    fr: 'L’export n’est pas encore prêt ({status}).',
  },
  'agreement.proposal_required': {
    en:
      'This is part of the agreement between the parties: propose the change (POST ' +
      '/api/v1/agreement/proposals); it applies once every other party has accepted it. Nothing was ' +
      'changed.',
    fr:
      'Ce point relève de l’accord entre les parties : proposez la modification (POST ' +
      '/api/v1/agreement/proposals) ; elle s’applique une fois acceptée par toutes les autres parties. ' +
      'Rien n’a été modifié.',
  },
  'agreement.not_found': {
    en: 'No such agreement proposal.',
    fr: 'Proposition de modification de l’accord introuvable.',
  },
  'agreement.closed': {
    en: 'This proposal is no longer awaiting decisions ({status}).',
    fr: 'Cette proposition n’attend plus de décision ({status}).',
  },
  'agreement.not_awaited': {
    en: "Your party's decision is not awaited on this proposal.",
    fr: 'La décision de votre partie n’est pas attendue sur cette proposition.',
  },
  'agreement.decided': {
    en: 'Your party has already decided on this proposal.',
    fr: 'Votre partie a déjà statué sur cette proposition.',
  },
  'agreement.expired': {
    en: 'The effective date ({date}) has come before every party accepted: withdraw it and propose again with a later date.',
    fr:
      'La date d’effet ({date}) est arrivée avant l’acceptation de toutes les parties : retirez la ' +
      'proposition et proposez-la de nouveau avec une date ultérieure.',
  },
  'webhook.not_found': {
    en: 'No such webhook subscription.',
    fr: 'Abonnement webhook introuvable.',
  },
  'webhook.clearance_above_own': {
    en: "A subscription's clearance cannot be above your own.",
    fr: 'L’habilitation d’un abonnement ne peut pas dépasser la vôtre.',
  },
  'webhook.delivery_not_found': {
    en: 'No such webhook delivery.',
    fr: 'Livraison webhook introuvable.',
  },
  'offboarding.exists': {
    en: 'This party has already given notice.',
    fr: 'Ce partenaire a déjà notifié la fin du contrat.',
  },
  'offboarding.not_found': {
    en: 'This party has not given notice.',
    fr: 'Ce partenaire n’a pas notifié de fin de contrat.',
  },
  'server.error': {
    en: 'Internal error; the request was not applied.',
    fr: 'Erreur interne ; la requête n’a pas été appliquée.',
  },
};

/** Why a value is invalid, by key (services name the key; other `detail` text is shown as is). */
const DETAILS: Record<string, Text> = {
  csv_file: { en: 'no readable file at that path', fr: 'aucun fichier lisible à cet emplacement' },
  csv_empty: { en: 'the file holds no ticket', fr: 'le fichier ne contient aucun ticket' },
  csv_syntax: { en: 'malformed CSV (unclosed or stray quote)', fr: 'CSV mal formé (guillemet non fermé ou mal placé)' },
  csv_unknown_column: { en: 'unknown column', fr: 'colonne inconnue' },
  csv_missing_column: { en: 'required column missing', fr: 'colonne obligatoire absente' },
  csv_duplicate: { en: 'appears twice', fr: 'apparaît deux fois' },
  csv_field_count: {
    en: 'the row does not have as many fields as the header',
    fr: 'la ligne n’a pas autant de champs que l’en-tête',
  },
  csv_required: { en: 'required', fr: 'obligatoire' },
  csv_text: {
    en: 'NUL characters and unpaired surrogates are not allowed',
    fr: 'caractères NUL et demi-paires interdits',
  },
  csv_too_long: { en: 'too long', fr: 'trop long' },
  csv_one_of: { en: 'not one of the documented values', fr: 'pas l’une des valeurs documentées' },
  csv_instant: {
    en: 'an ISO 8601 instant with its offset is expected (2026-05-04T09:00:00+02:00)',
    fr: 'un instant ISO 8601 avec son décalage est attendu (2026-05-04T09:00:00+02:00)',
  },
  csv_email: { en: 'not an e-mail address', fr: 'pas une adresse électronique' },
  csv_before_opened: { en: 'before the opening', fr: 'antérieur à l’ouverture' },
  csv_before_intervention: {
    en: 'before the opening or the first intervention',
    fr: 'antérieur à l’ouverture ou à la première intervention',
  },
  csv_before_resolved: { en: 'before the resolution', fr: 'antérieur à la résolution' },
  csv_required_when_resolved: { en: 'required for a resolved ticket', fr: 'obligatoire pour un ticket résolu' },
  csv_required_with_resolution: {
    en: 'required when a resolution is given',
    fr: 'obligatoire lorsqu’une résolution est donnée',
  },
  csv_required_when_closed: { en: 'required for a closed ticket', fr: 'obligatoire pour un ticket clos' },
  csv_already_imported: {
    en: 'already imported from this source',
    fr: 'déjà importé depuis cette source',
  },
  local_party: { en: 'a party of this instance is expected', fr: 'une partie de cette instance est attendue' },
  levels_in_order: { en: 'levels numbered 1, 2, … in order', fr: 'niveaux numérotés 1, 2, … dans l’ordre' },
  future: { en: 'must be in the future', fr: 'doit être dans le futur' },
  totp_enabled: { en: 'already enabled', fr: 'déjà activé' },
  totp_setup_first: { en: 'start the set-up first', fr: 'commencez d’abord la configuration' },
  totp_not_enabled: { en: 'the second factor is not enabled', fr: 'le second facteur n’est pas activé' },
  base64: { en: 'base64-encoded content expected', fr: 'contenu encodé en base64 attendu' },
  below_ticket: { en: 'cannot be below the ticket’s own level', fr: 'ne peut être inférieure au niveau du ticket' },
  taxonomy: {
    en: 'not a type of that class in the reference taxonomy',
    fr: 'pas un type de cette classe dans la taxonomie de référence',
  },
  national_scale: {
    en: 'not a level of your party’s national scale',
    fr: 'pas un niveau de l’échelle nationale de votre partie',
  },
  not_future: { en: 'cannot be in the future', fr: 'ne peut être dans le futur' },
  unknown_asset: {
    en: 'no such information asset you may read',
    fr: 'aucun actif informationnel de ce nom que vous puissiez consulter',
  },
  follow_up_unknown: { en: 'no such open follow-up action', fr: 'aucune action de suivi ouverte de ce nom' },
  stage_sent: { en: 'already recorded', fr: 'déjà enregistré' },
  stage_order: { en: 'the earlier stages come first', fr: 'les étapes précédentes d’abord' },
  security_critical_while_open: {
    en: 'ETS CRITICAL while an investigation is open or an exploitable weakness is not dealt with',
    fr: 'ETS CRITICAL tant qu’une enquête est ouverte ou qu’une faiblesse exploitable n’est pas traitée',
  },
  security_min_sensitive: {
    en: 'a security incident is at least ETS SENSITIVE',
    fr: 'un incident de sécurité est au moins ETS SENSITIVE',
  },
  time_zone: { en: 'unknown IANA time zone', fr: 'fuseau horaire IANA inconnu' },
  holiday_area: { en: 'unknown country or region', fr: 'pays ou région inconnus' },
  party_code: { en: 'two to ten capital letters or digits', fr: 'deux à dix majuscules ou chiffres' },
  already_holder: { en: 'that party already holds the ticket', fr: 'cette partie a déjà le ticket' },
  highest_level: { en: 'level {level} is the highest', fr: 'le niveau {level} est le plus élevé' },
  password_length: { en: 'at least 10 characters', fr: 'au moins 10 caractères' },
  cursor: { en: 'unknown cursor', fr: 'curseur inconnu' },
  cursor_sort: {
    en: 'this cursor belongs to another sort order',
    fr: 'ce curseur appartient à un autre ordre de tri',
  },
  below_links: {
    en: 'cannot be below the level of the tickets it was made from or gathers ({level})',
    fr: 'ne peut être inférieure au niveau des tickets dont il est issu ou qu’il regroupe ({level})',
  },
  below_assets: {
    en: 'cannot be below the highest level of the information assets its analysis names ({level})',
    fr: 'ne peut être inférieure au niveau le plus élevé des actifs informationnels nommés par son analyse ({level})',
  },
  team_needs_owner_member: {
    en: 'the team keeps at least one member of the owning party',
    fr: 'l’équipe garde au moins un membre de la partie propriétaire',
  },
  already_listed: { en: 'already on the team or proposed', fr: 'déjà dans l’équipe ou proposé' },
  not_in_team: { en: 'not a member of the team', fr: 'ne fait pas partie de l’équipe' },
  well_formed_text: {
    en: 'text with an unpaired surrogate or a null character',
    fr: 'texte contenant un caractère de substitution isolé ou un caractère nul',
  },
  too_deep: { en: 'nested more than {depth} levels deep', fr: 'imbriqué sur plus de {depth} niveaux' },
  ticket_key: {
    en: 'a ticket reference (EU-INC-2026-000042) or id',
    fr: 'une référence de ticket (EU-INC-2026-000042) ou un identifiant',
  },
  month_future: { en: 'the month has not started yet', fr: 'le mois n’a pas encore commencé' },
  after_start: { en: 'must be after the start', fr: 'doit suivre le début' },
  from_date: { en: 'must be {date} or later', fr: 'doit être le {date} ou après' },
  opening_hours: { en: 'at least one opening interval', fr: 'au moins une plage d’ouverture' },
  day_intervals: {
    en: 'intervals of minutes 0–1440, start before end',
    fr: 'plages en minutes de 0 à 1440, début avant fin',
  },
  inside_window: { en: '', fr: '' },
  emergency_reason: {
    en: ', or outside it for an emergency change once the reason is given',
    fr: ', ou en dehors pour un changement urgent une fois le motif donné',
  },
  notice: { en: 'at least one hour ahead', fr: 'au moins une heure à l’avance' },
  window_length: { en: 'a window lasts at most 72 hours', fr: 'une fenêtre dure au plus 72 heures' },
  window_started: { en: 'a started window cannot be cancelled', fr: 'une fenêtre commencée ne peut être annulée' },
  url_internal: {
    en: 'not an address of a private or internal network',
    fr: 'pas une adresse d’un réseau privé ou interne',
  },
  url_scheme: {
    en: 'an https:// URL (http:// only to this machine: localhost, 127.0.0.1, ::1)',
    fr: 'une URL https:// (http:// seulement vers cette machine : localhost, 127.0.0.1, ::1)',
  },
  target_order: { en: 'GTI ≤ GTE ≤ GTR expected', fr: 'GTI ≤ GTE ≤ GTR attendu' },
  if_match: { en: 'expected "<version>"', fr: '« <version> » attendu' },
  json: { en: 'not valid JSON', fr: 'JSON invalide' },
  one_of: { en: 'one of {values}', fr: 'une valeur parmi {values}' },
  text: { en: 'text expected', fr: 'texte attendu' },
  cidr: { en: 'an IPv4 or IPv6 address or CIDR block', fr: 'une adresse ou un bloc CIDR IPv4 ou IPv6' },
  email: { en: 'an e-mail address', fr: 'une adresse électronique' },
  option: { en: 'one of the listed options', fr: 'une des options proposées' },
  unknown_field: { en: 'not a field of this form', fr: 'ne fait pas partie de ce formulaire' },
  url: { en: 'not a valid address', fr: 'adresse invalide' },
  unknown_key: { en: 'not a field of this request', fr: 'ce champ n’existe pas pour cette requête' },
  too_long: { en: 'too long', fr: 'trop long' },
  other_party_only: { en: 'another party on the link', fr: 'une autre partie de la liaison' },
  owner_affected: { en: 'must include the registering party', fr: 'doit inclure la partie qui enregistre' },
  not_an_incident: { en: 'an incident reference expected', fr: 'une référence d’incident attendue' },
  already_linked: { en: 'already linked', fr: 'déjà lié' },
  not_in_release: { en: 'not in this release', fr: 'ne fait pas partie de cette mise en production' },
  standard_unknown: {
    en: 'no such standard change in your catalogue',
    fr: 'aucun changement standard de ce nom dans votre catalogue',
  },
  standard_code: { en: 'required for a standard change', fr: 'obligatoire pour un changement standard' },
  earlier_step: { en: 'an earlier step of the release', fr: 'une étape antérieure de la mise en production' },
  single_party: {
    en: 'only needed when several parties are affected',
    fr: 'seulement lorsque plusieurs parties sont concernées',
  },
  joint_window: {
    en: 'a joint window is withdrawn through its release',
    fr: 'une fenêtre commune se retire par sa mise en production',
  },
  window_passed: { en: 'the window has already started', fr: 'la fenêtre a déjà commencé' },
  window_pending: { en: 'a window is already proposed or accepted', fr: 'une fenêtre est déjà proposée ou acceptée' },
  already_ticked: { en: 'already ticked', fr: 'déjà coché' },
  tests_not_passed: { en: 'every test case must have passed', fr: 'chaque cas de test doit avoir réussi' },
  iso_date: { en: 'ISO 8601 date expected', fr: 'date ISO 8601 attendue' },
  pem: {
    en: 'one PEM certificate (-----BEGIN CERTIFICATE-----) expected',
    fr: 'un certificat PEM (-----BEGIN CERTIFICATE-----) attendu',
  },
  not_ca: { en: 'not a certification authority certificate', fr: 'pas un certificat d’autorité de certification' },
  cert_expired: { en: 'the certificate has expired', fr: 'le certificat a expiré' },
  cert_other_party: {
    en: 'a certificate of your own party expected',
    fr: 'un certificat de votre propre partie attendu',
  },
  fingerprint_hex: {
    en: 'a SHA-256 fingerprint (64 hexadecimal digits) expected',
    fr: 'une empreinte SHA-256 (64 chiffres hexadécimaux) attendue',
  },
  change_only: { en: 'only with the decision "change"', fr: 'seulement avec la décision « change »' },
  derived_sensitivity: {
    en: 'the ETS level is derived from confidentiality, integrity and availability, never entered',
    fr: 'le niveau ETS découle de la confidentialité, de l’intégrité et de la disponibilité ; il ne se saisit pas',
  },
  asset_part: {
    en: 'no such asset of this party or common to the parties',
    fr: 'aucun actif de ce nom dans cette partie ou commun aux parties',
  },
  on_call_24x7: {
    en: 'the on-call contact is reachable around the clock',
    fr: 'le contact d’astreinte est joignable 24 h sur 24',
  },
  term_exists: { en: 'this term is already in the glossary', fr: 'ce terme figure déjà dans le glossaire' },
  english_translation: {
    en: 'an English translation is required for a text in another language',
    fr: 'une traduction anglaise est requise pour un texte dans une autre langue',
  },
  year_required: { en: 'the year the summary covers is required', fr: 'l’année couverte par la synthèse est requise' },
  summary_exists: {
    en: 'your party already submitted its summary for this year',
    fr: 'votre partie a déjà soumis sa synthèse pour cette année',
  },
  unknown_exchange: { en: 'no such exchange you may read', fr: 'aucun échange de ce nom que vous puissiez consulter' },
  other_party: { en: 'another party than your own expected', fr: 'une autre partie que la vôtre attendue' },
  after_acknowledgement: {
    en: 'cannot be before the acknowledgement deadline',
    fr: 'ne peut précéder l’échéance de l’accusé de réception',
  },
  own_part: { en: 'an aggregate cannot contain itself', fr: 'un agrégat ne peut se contenir lui-même' },
  aggregate_below_parts: {
    en: 'an aggregate is at least as sensitive as each of its parts',
    fr: 'un agrégat est au moins aussi sensible que chacune de ses parties',
  },
};

/** The message for an error code in a language, with its placeholders (and detail key) filled. */
export function errorMessage(code: ErrorCode, lang: Lang, raw: Record<string, string | number> = {}): string {
  // States, actions, roles and fields are named by their labels in the reader's language.
  const params = labelled(lang, raw);
  const detail =
    typeof params.detail === 'string' && DETAILS[params.detail]
      ? fill(DETAILS[params.detail]![lang], params)
      : params.detail;
  return fill(ERRORS[code][lang], { ...params, ...(detail === undefined ? {} : { detail }) });
}

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** The preferred supported language of an Accept-Language header (English by default). */
export function langFromHeader(header: string | undefined): Lang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q ? Number(q) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}
