import { z } from 'zod';
import { EXCHANGE_KINDS } from '../domain/exchanges.ts';
import { TLP_LEVELS } from '../domain/security.ts';
import { Sensitivity } from './schemas.ts';

/** A submission of the cooperation exchanges (CBM-3), as `GET /exchanges` lists it. */
export const Exchange = z.object({
  id: z.uuid(),
  party: z.string(),
  kind: z.enum(EXCHANGE_KINDS),
  year: z.number().int().nullable(),
  title: z.string(),
  language: z.string(),
  sensitivity: Sensitivity,
  tlp: z.enum(TLP_LEVELS),
  createdAt: z.iso.datetime(),
});
export type Exchange = z.output<typeof Exchange>;

const Question = z.object({
  id: z.uuid(),
  party: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  askedAt: z.iso.datetime(),
  answeredAt: z.iso.datetime().nullable(),
});
/** A submission as opened (`GET /exchanges/{id}`): its text, questions and answers, read receipts. */
export const ExchangeDetail = Exchange.extend({
  body: z.string(),
  bodyEn: z.string().nullable(),
  questions: z.array(Question),
  /** Read receipts, for the submitting party only (null for the others). */
  reads: z.array(z.object({ party: z.string(), at: z.iso.datetime() })).nullable(),
});
export type ExchangeDetail = z.output<typeof ExchangeDetail>;
