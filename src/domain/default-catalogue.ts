import type { CatalogueItemSpec, FormField } from './catalogue.ts';

const f = (
  key: string,
  en: string,
  fr: string,
  type: FormField['type'],
  required: boolean,
  options?: string[],
): FormField => ({ key, label: { en, fr }, type, required, ...(options ? { options } : {}) });

/** REQ-5 and CHG-3: the catalogue every party starts with; each party then edits its own. */
export const DEFAULT_CATALOGUE: CatalogueItemSpec[] = [
  {
    kind: 'request',
    code: 'tool_access',
    name: { en: 'Access to the shared tools', fr: 'Accès aux outils communs' },
    description: {
      en: 'An account on the joint desk or another shared tool (ISM-6).',
      fr: 'Un compte sur le centre de services commun ou un autre outil partagé (ISM-6).',
    },
    fields: [
      f('person', 'Person', 'Personne', 'text', true),
      f('email', 'E-mail', 'Courriel', 'email', true),
      f('tool', 'Tool', 'Outil', 'select', true, ['passerelle', 'wiki', 'monitoring']),
      f('role', 'Role requested', 'Rôle demandé', 'text', true),
      f('until', 'Needed until', 'Nécessaire jusqu’au', 'date', false),
    ],
    approvalRequired: true,
    fulfillers: 'owner',
  },
  {
    kind: 'request',
    code: 'certificate_renewal',
    name: { en: 'Certificate renewal', fr: 'Renouvellement de certificat' },
    description: {
      en: 'Renewal of a certificate used on the link (ISM-7).',
      fr: 'Renouvellement d’un certificat utilisé sur la liaison (ISM-7).',
    },
    fields: [
      f('subject', 'Certificate subject', 'Sujet du certificat', 'text', true),
      f('expires', 'Current expiry date', 'Date d’expiration actuelle', 'date', true),
      f('usage', 'Usage', 'Usage', 'select', true, ['tls-server', 'tls-client', 'signing']),
      f('notes', 'Notes', 'Remarques', 'textarea', false),
    ],
    approvalRequired: true,
    fulfillers: 'both',
  },
  {
    kind: 'request',
    code: 'ip_allowlist_change',
    name: { en: 'IP allow-list change', fr: 'Modification de la liste d’adresses IP autorisées' },
    description: {
      en: 'Add or remove an address block on the allow-list (SNC 7.4.1).',
      fr: 'Ajout ou retrait d’un bloc d’adresses de la liste autorisée (SNC 7.4.1).',
    },
    fields: [
      f('action', 'Action', 'Action', 'select', true, ['add', 'remove']),
      f('cidr', 'Address or CIDR block', 'Adresse ou bloc CIDR', 'cidr', true),
      f('justification', 'Justification', 'Justification', 'textarea', true),
    ],
    approvalRequired: true,
    fulfillers: 'other',
  },
  {
    kind: 'request',
    code: 'information_request',
    name: { en: 'Information request', fr: 'Demande d’information' },
    description: {
      en: 'A question to the other party’s desk.',
      fr: 'Une question au centre de services de l’autre partie.',
    },
    fields: [
      f('question', 'Question', 'Question', 'textarea', true),
      f('needed_by', 'Needed by', 'Pour le', 'date', false),
    ],
    approvalRequired: false,
    fulfillers: 'other',
  },
  {
    kind: 'standard_change',
    code: 'certificate_rollover',
    name: { en: 'Scheduled certificate roll-over', fr: 'Remplacement planifié de certificat' },
    description: {
      en: 'Installing a renewed certificate whose fingerprint both parties verified.',
      fr: 'Installation d’un certificat renouvelé dont les deux parties ont vérifié l’empreinte.',
    },
    fields: [],
    approvalRequired: false,
    fulfillers: 'owner',
    template: {
      risk: 'low',
      impactAnalysis: 'No interruption: the new certificate is installed alongside the old one.',
      implementationPlan: 'Install, switch, verify the handshake from the other side.',
      rollbackPlan: 'Switch back to the previous certificate.',
    },
  },
  {
    kind: 'standard_change',
    code: 'os_patching',
    name: { en: 'Monthly operating-system patching', fr: 'Correctifs mensuels du système d’exploitation' },
    description: {
      en: 'Vendor security patches applied in the monthly window.',
      fr: 'Correctifs de sécurité de l’éditeur appliqués dans la fenêtre mensuelle.',
    },
    fields: [],
    approvalRequired: false,
    fulfillers: 'owner',
    template: {
      risk: 'low',
      impactAnalysis: 'Rolling restart, one node at a time.',
      implementationPlan: 'Patch and restart each node in turn.',
      rollbackPlan: 'Restore the node snapshot taken before patching.',
    },
  },
];
