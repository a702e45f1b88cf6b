import { z } from 'zod';

/** One version of a glossary term's definition, with the parties that accepted it (CBM-2). */
export const TermVersion = z.object({
  number: z.number().int(),
  definitionFr: z.string(),
  definitionEn: z.string(),
  party: z.string(),
  acceptances: z.array(z.object({ party: z.string(), by: z.string(), at: z.string() })),
  at: z.iso.datetime(),
});
export const Term = z.object({
  id: z.uuid(),
  term: z.string(),
  status: z.enum(['proposed', 'agreed']),
  proposedBy: z.string(),
  currentVersion: z.number().int(),
  current: TermVersion,
  updatedAt: z.iso.datetime(),
});
export const TermComment = z.object({
  id: z.uuid(),
  party: z.string(),
  by: z.string(),
  body: z.string(),
  at: z.iso.datetime(),
});
/** A term with every version, the comments and the parties that must accept it. */
export const TermDetail = Term.extend({
  versions: z.array(TermVersion),
  comments: z.array(TermComment),
  parties: z.array(z.string()),
});
export type TermVersion = z.output<typeof TermVersion>;
export type Term = z.output<typeof Term>;
export type TermDetail = z.output<typeof TermDetail>;
