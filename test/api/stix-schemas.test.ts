import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import type { AnySchemaObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentBundle } from '../../src/domain/stix.ts';
import { signIn, type Client } from '../helpers/client.ts';
import { incidentWithIndicators } from '../helpers/security-incident.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

type StixObject = Record<string, unknown> & { type: string; id: string };
type Bundle = { type: string; id: string; objects: StixObject[] };

/**
 * ISM-5: the STIX 2.1 export checked against the OASIS STIX 2.1 JSON schemas
 * (test/fixtures/stix2.1/schemas, see the README there for their origin).
 */
const SCHEMA_DIR = fileURLToPath(new URL('../fixtures/stix2.1/schemas/', import.meta.url));
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
const META_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The schema (by its path under schemas/) for each object type the export produces. */
const SCHEMA_OF_TYPE: Record<string, string> = {
  'marking-definition': 'common/marking-definition.json',
  identity: 'sdos/identity.json',
  incident: 'sdos/incident.json',
  indicator: 'sdos/indicator.json',
  relationship: 'sros/relationship.json',
};

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? schemaFiles(join(dir, entry.name))
      : entry.name.endsWith('.json')
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * Every saved schema is added under its own `$id`, so their relative `$ref`s resolve among
 * themselves and nothing is fetched. The cached copies name the 2020-12 meta-schema as
 * `http://json-schema.org/draft/2020-12/schema#` (one as `draft2020-12`), which Ajv does not know
 * under those spellings: each is checked against the 2020-12 meta-schema here, then added as is.
 */
function loadSchemas() {
  // unicodeRegExp off: the OASIS patterns escape `-` outside character classes (`\-?$`), which
  // a `u`-flag regular expression rejects.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const loaded = new Map<string, AnySchemaObject>();
  for (const file of schemaFiles(SCHEMA_DIR)) {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as AnySchemaObject;
    const path = relative(SCHEMA_DIR, file).split('\\').join('/');
    expect(schema.$id, path).toBe(`${BASE}${path}`);
    expect(ajv.validateSchema({ ...schema, $schema: META_2020 }), `${path}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    ajv.addSchema(schema, undefined, undefined, false);
    loaded.set(path, schema);
  }
  return { ajv, loaded };
}

const { ajv, loaded } = loadSchemas();

const validatorFor = (path: string): ValidateFunction => {
  const validate = ajv.getSchema(`${BASE}${path}`);
  if (!validate) throw new Error(`schema ${path} not loaded`);
  return validate;
};

/**
 * The bundle wrapper. The official common/bundle.json lets each of `objects` be any of the 35
 * STIX 2.1 object schemas (all SDOs, SROs and SCOs); only the five the export produces are saved,
 * so the wrapper is that same schema with `objects.items` narrowed to "an object with a type and
 * an id", `objects` required, and each object is then validated against the schema of its own type.
 */
const bundleWrapper = (() => {
  const official = loaded.get('common/bundle.json')!;
  const properties = official.properties as Record<string, AnySchemaObject>;
  return ajv.compile({
    ...official,
    $id: `${BASE}common/passerelle-bundle-wrapper.json`,
    $schema: META_2020,
    properties: {
      ...properties,
      objects: { ...properties.objects, items: { type: 'object', required: ['type', 'id'] } },
    },
    required: [...(official.required as string[]), 'objects'],
  });
})();

/** Every schema error for the bundle and its objects, as readable lines; [] when all is valid. */
function schemaErrors(bundle: unknown): string[] {
  const errors: string[] = [];
  if (!bundleWrapper(bundle)) errors.push(`bundle: ${ajv.errorsText(bundleWrapper.errors)}`);
  for (const object of (bundle as Partial<Bundle>).objects ?? []) {
    const path = SCHEMA_OF_TYPE[object.type];
    if (!path) {
      errors.push(`${object.id}: no schema for type ${object.type}`);
      continue;
    }
    const validate = validatorFor(path);
    const { id } = object; // read before validate(), whose type guard narrows `object` to never when false
    if (!validate(object)) errors.push(`${id}: ${ajv.errorsText(validate.errors)}`);
  }
  return errors;
}

describe('STIX 2.1 export against the OASIS STIX 2.1 JSON schemas', () => {
  let server: TestServer;
  let euSecurity: Client;
  let ref: string;

  beforeAll(async () => {
    server = await startTestServer();
    euSecurity = await signIn(server.url, 'eu.security');
    ({ ref } = await incidentWithIndicators(euSecurity));
  });
  afterAll(() => server.close());

  const exported = async (): Promise<Bundle> => {
    const reply = await euSecurity.get(`/tickets/${ref}/stix`);
    expect(reply.status).toBe(200);
    return reply.body as Bundle;
  };

  it('loads the saved schemas, every one that core.json and the exported types reference', () => {
    expect([...loaded.keys()].sort()).toEqual(
      expect.arrayContaining(['common/core.json', 'common/bundle.json', ...Object.values(SCHEMA_OF_TYPE)]),
    );
    for (const path of Object.values(SCHEMA_OF_TYPE)) expect(() => validatorFor(path)).not.toThrow();
  });

  it('exports a bundle whose every object is valid against the schema of its type', async () => {
    const bundle = await exported();
    expect(new Set(bundle.objects.map((o) => o.type))).toEqual(new Set(Object.keys(SCHEMA_OF_TYPE)));
    expect(schemaErrors(bundle)).toEqual([]);
  });

  it('gives a valid bundle for an incident with no party, indicator, description or taxonomy too', () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    const bundle = incidentBundle({
      id: 'ticket-1',
      ref: 'SEC-1',
      title: 'Bare incident',
      description: '',
      sensitivity: 'LIMITED',
      createdAt: at,
      updatedAt: at,
      parties: [],
      indicators: [],
    });
    expect(schemaErrors(bundle)).toEqual([]);
  });

  it('rejects a broken copy: an indicator without pattern, a bad id prefix, a timestamp without milliseconds, a bundle without objects', async () => {
    const bundle = await exported();
    const broken = (change: (copy: Bundle) => void) => {
      const copy = structuredClone(bundle);
      change(copy);
      return schemaErrors(copy);
    };
    const indicator = (copy: Bundle) => copy.objects.find((o) => o.type === 'indicator')!;
    const incident = (copy: Bundle) => copy.objects.find((o) => o.type === 'incident')!;

    const [noPattern] = broken((copy) => delete indicator(copy).pattern);
    expect(noPattern).toMatch(/^indicator--.*must have required property 'pattern'/);
    const [badPrefix] = broken((copy) => (incident(copy).id = incident(copy).id.replace(/^incident--/, 'indicator--')));
    expect(badPrefix).toMatch(/^indicator--.*must match pattern "\^incident--"/);
    expect(broken((copy) => (incident(copy).created = '2026-01-02T03:04:05Z'))).toHaveLength(1);
    expect(broken((copy) => (copy.id = copy.id.replace(/^bundle--/, 'report--')))).toEqual([
      expect.stringMatching(/^bundle: .*must match pattern "\^bundle--"/),
    ]);
    expect(broken((copy) => delete (copy as Partial<Bundle>).objects)).toEqual([
      expect.stringMatching(/^bundle: .*must have required property 'objects'/),
    ]);
    expect(broken((copy) => (copy.objects[0]!.type = 'x-unknown'))).toEqual([
      expect.stringMatching(/no schema for type x-unknown/),
    ]);
  });
});
