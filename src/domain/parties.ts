/** PARTY-1: a `local` party signs in here; a `remote` one is reached through a link. */
export const PARTY_KINDS = ['local', 'remote'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** A party's groups: its service desk, resolver groups and escalation bodies. */
export const GROUP_KINDS = ['desk', 'resolver', 'level'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];
