import { createHash, randomUUID } from 'node:crypto';
import { tlpFor, type Tlp } from './security.ts';
import type { Sensitivity } from './sensitivity.ts';

/** ISM-5: the STIX 2.1 extension definition that carries TLP 2.0 on marking definitions. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

export interface TlpMarkingDefinition {
  type: 'marking-definition';
  spec_version: '2.1';
  id: string;
  created: string;
  name: string;
  extensions: Record<typeof TLP2_EXTENSION_ID, { extension_type: 'property-extension'; tlp_2_0: string }>;
}

function tlpMarking(id: string, tlp: Tlp): TlpMarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id,
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}

/**
 * The five TLP 2.0 marking definitions exactly as OASIS publishes them
 * (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0): no
 * created_by_ref, no markings of their own, always referred to by these identifiers.
 */
export const TLP_MARKINGS: Readonly<Record<Tlp, TlpMarkingDefinition>> = {
  CLEAR: tlpMarking('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'CLEAR'),
  GREEN: tlpMarking('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'GREEN'),
  AMBER: tlpMarking('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'AMBER'),
  'AMBER+STRICT': tlpMarking('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'AMBER+STRICT'),
  RED: tlpMarking('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'RED'),
};

/** Passerelle's own namespace for name-based (v5) STIX identifiers. */
const PASSERELLE_NAMESPACE = '6f1c2b8e-3d4a-4e5f-9a7b-2c1d0e9f8a7b';

/** RFC 9562 UUIDv5 (SHA-1, name-based): the same name always gives the same identifier. */
export function uuidV5(name: string, namespace = PASSERELLE_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const stixId = (type: string, name: string) => `${type}--${uuidV5(`${type}:${name}`)}`;

/** What the export needs of a security incident: nothing of its people, nothing of other tickets. */
export interface StixIncidentInput {
  id: string;
  ref: string;
  title: string;
  description: string;
  sensitivity: Sensitivity;
  createdAt: Date;
  updatedAt: Date;
  parties: { id: string; name: string }[];
  taxonomy?: { class: string; type: string } | undefined;
  severity?: string | undefined;
  indicators: { name: string; pattern: string; recordedAt: Date }[];
}

export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

const PASSERELLE_IDENTITY = { name: 'Passerelle', key: 'passerelle' };

/**
 * ISM-5: a security incident as a STIX 2.1 bundle: an identity per party on it and one for
 * Passerelle (the creator), the incident, one indicator per recorded STIX pattern with an
 * `indicates` relationship to the incident, every object marked with the TLP 2.0 level of the
 * ticket's ETS level, and that marking definition. Object identifiers are UUIDv5 of the
 * ticket and party identifiers, so exporting again gives the same objects; only the bundle
 * identifier is new each time.
 */
export function incidentBundle(input: StixIncidentInput, bundleId: string = randomUUID()): StixBundle {
  const marking = TLP_MARKINGS[tlpFor(input.sensitivity)];
  const markingRefs = [marking.id];
  const creator = stixId('identity', PASSERELLE_IDENTITY.key);
  const created = input.createdAt.toISOString();
  const modified = input.updatedAt.toISOString();
  const common = (type: string, id: string, at: { created: string; modified: string }) => ({
    type,
    spec_version: '2.1',
    id,
    created_by_ref: creator,
    created: at.created,
    modified: at.modified,
    object_marking_refs: markingRefs,
  });
  const fixed = { created, modified: created };

  const identities: StixObject[] = [
    { ...common('identity', creator, fixed), name: PASSERELLE_IDENTITY.name, identity_class: 'system' },
    ...input.parties.map((party) => ({
      ...common('identity', stixId('identity', `party:${party.id}`), fixed),
      name: party.name,
      identity_class: 'organization',
      external_references: [{ source_name: 'passerelle-party', external_id: party.id }],
    })),
  ];
  const incidentId = stixId('incident', `ticket:${input.id}`);
  const labels = [
    ...(input.taxonomy ? [`rsit:${input.taxonomy.class}="${input.taxonomy.type}"`] : []),
    ...(input.severity ? [`severity:${input.severity}`] : []),
  ];
  const incident: StixObject = {
    ...common('incident', incidentId, { created, modified }),
    name: input.title,
    ...(input.description ? { description: input.description } : {}),
    ...(labels.length > 0 ? { labels } : {}),
    external_references: [{ source_name: 'passerelle', external_id: input.ref }],
  };
  const indicators: StixObject[] = [];
  const relationships: StixObject[] = [];
  input.indicators.forEach((indicator, index) => {
    const at = indicator.recordedAt.toISOString();
    const id = stixId('indicator', `ticket:${input.id}:${index}:${indicator.pattern}`);
    indicators.push({
      ...common('indicator', id, { created: at, modified: at }),
      name: indicator.name,
      pattern: indicator.pattern,
      pattern_type: 'stix',
      valid_from: at,
    });
    relationships.push({
      ...common('relationship', stixId('relationship', `${id}:indicates:${incidentId}`), { created: at, modified: at }),
      relationship_type: 'indicates',
      source_ref: id,
      target_ref: incidentId,
    });
  });
  return {
    type: 'bundle',
    id: `bundle--${bundleId}`,
    objects: [{ ...marking }, ...identities, incident, ...indicators, ...relationships],
  };
}
