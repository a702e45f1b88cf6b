import { CATALOGUE_KINDS, FIELD_TYPES, FULFILLERS } from '../domain/catalogue.ts';
import { RISKS } from '../domain/processes.ts';
import { plain, text } from './schemas.ts';
import { z } from 'zod';

/** Process shapes: the request and standard-change catalogue, published known errors. */

export const Bilingual = z.object({ en: text(200), fr: text(200) });

export const LongBilingual = z.object({ en: plain(2000), fr: plain(2000) });

export const CatalogueField = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: Bilingual,
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  options: z.array(text(200)).max(50).optional(),
});

/** What a catalogue item pre-fills: a standard change's assessment (CHG-3), a request's service. */
export const CatalogueTemplate = z
  .object({
    risk: z.enum(RISKS).optional(),
    impactAnalysis: plain(4000).optional(),
    implementationPlan: plain(4000).optional(),
    rollbackPlan: plain(4000).optional(),
    service: text(120).optional(),
  })
  .strict();

export const CatalogueItemBody = z.object({
  name: Bilingual,
  description: LongBilingual,
  fields: z.array(CatalogueField).max(30),
  approvalRequired: z.boolean(),
  fulfillers: z.enum(FULFILLERS),
  template: CatalogueTemplate.nullable().optional(),
  active: z.boolean().optional(),
});

export const NewCatalogueItem = CatalogueItemBody.extend({
  kind: z.enum(CATALOGUE_KINDS),
  code: z.string().regex(/^[a-z0-9_-]{1,60}$/),
});

export const CatalogueItem = NewCatalogueItem.extend({
  id: z.uuid(),
  party: z.string(),
  template: CatalogueTemplate.nullable(),
  active: z.boolean(),
  fields: z.array(z.unknown()),
});

export const KnownError = z.object({
  id: z.uuid(),
  problemId: z.uuid(),
  problemRef: z.string(),
  title: z.string(),
  service: z.string(),
  symptoms: z.string(),
  cause: z.string(),
  workaround: z.string(),
  sensitivity: z.string(),
  publishedAt: z.iso.datetime(),
});

export type CatalogueField = z.output<typeof CatalogueField>;
/** The API publishes an item's fields loosely; they were checked against CatalogueField when saved. */
export type CatalogueItem = Omit<z.output<typeof CatalogueItem>, 'fields'> & { fields: CatalogueField[] };
export type KnownError = z.output<typeof KnownError>;
