import { sql, type SQL } from 'drizzle-orm';

/**
 * COL-6: full-text search in French and English that ignores accents ("reseaux" finds "réseau").
 *
 * Accents are folded by `translate()` — built in, immutable, the same on PGlite and PostgreSQL,
 * so it may sit in a generated column, and no extension (`unaccent`) is needed. Each character
 * maps to exactly one character, so a folded text has the same length as the original: an
 * excerpt highlighted on the folded text is mapped back onto the original (`foldAccents`).
 * Every text is indexed twice, through the French and the English Snowball stemmers; a query is
 * the OR of both languages' readings of the words typed.
 */
const PAIRS: [string, string][] = [
  ['àáâãäå', 'a'],
  ['ç', 'c'],
  ['èéêë', 'e'],
  ['ìíîï', 'i'],
  ['ñ', 'n'],
  ['òóôõö', 'o'],
  ['ùúûü', 'u'],
  ['ýÿ', 'y'],
  ['ÀÁÂÃÄÅ', 'A'],
  ['Ç', 'C'],
  ['ÈÉÊË', 'E'],
  ['ÌÍÎÏ', 'I'],
  ['Ñ', 'N'],
  ['ÒÓÔÕÖ', 'O'],
  ['ÙÚÛÜ', 'U'],
  ['ÝŸ', 'Y'],
];
const FROM = PAIRS.map(([from]) => from).join('');
const TO = PAIRS.map(([from, to]) => to.repeat(from.length)).join('');
const FOLD = new Map([...FROM].map((c, i) => [c, TO[i]!]));

/** The folding the database applies, in JavaScript (same length, character for character). */
export function foldAccents(text: string): string {
  let out = '';
  for (const c of text) out += FOLD.get(c) ?? c;
  return out;
}

/** `translate(<text>, 'àá…', 'aa…')`: the folded text, in SQL. */
export function foldedSql(text: SQL): SQL {
  return sql`translate(${text}, ${sql.raw(`'${FROM}'`)}, ${sql.raw(`'${TO}'`)})`;
}

/** The French and English lexemes of a text (null counts as empty), with a weight (A: titles). */
export function searchVectorSql(text: SQL, weight: 'A' | 'B' | 'C' | 'D' = 'D'): SQL {
  const folded = foldedSql(sql`coalesce(${text}, '')`);
  return sql`setweight(to_tsvector('french'::regconfig, ${folded}) || to_tsvector('english'::regconfig, ${folded}), ${sql.raw(`'${weight}'`)})`;
}

/** What a person typed, as a query: web-search syntax ("…", or, -word), French OR English. */
export function searchQuerySql(q: string): SQL {
  const folded = foldedSql(sql`${q}::text`);
  return sql`(websearch_to_tsquery('french'::regconfig, ${folded}) || websearch_to_tsquery('english'::regconfig, ${folded}))`;
}

/**
 * The month a row was created in, as one extra lexeme (`_m202612`) of its search vector: a query
 * ANDed with the last months' lexemes is answered by the GIN index alone, so a word found in most
 * rows is ranked among the recent ones without reading the others. `timezone('UTC', …)` and
 * `extract` are immutable, as a generated column needs.
 */
export function monthLexemeSql(column: SQL): SQL {
  const utc = sql`timezone('UTC', ${column})`;
  return sql`array_to_tsvector(array['_m' || (extract(year from ${utc})::int * 100 + extract(month from ${utc})::int)::text])`;
}

/** The lexeme of a month (UTC), as `monthLexemeSql` writes it. */
export function monthLexeme(at: Date): string {
  return `_m${at.getUTCFullYear() * 100 + at.getUTCMonth() + 1}`;
}

/** A query restricted to rows created in some months: `(query) && ('_m202612' | '_m202611')`. */
export function inMonthsSql(query: SQL, months: string[]): SQL {
  const any = months.map((m) => `'${m}'`).join(' | ');
  return sql`(${query} && ${any}::tsquery)`;
}
