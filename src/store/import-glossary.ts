import { sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import { rowsOf } from './audit.ts';

/** The archive kinds that belong to a glossary term (by `term_id`). */
export const GLOSSARY_PARTS = new Set(['glossary_versions', 'glossary_comments']);

/**
 * CBM-2: the glossary is common to every party and each party's archive holds it whole, so an
 * import merges it. A term already here (same id, or the same wording, as `propose-term` compares
 * it) is kept as it is; the archive's copy is left out. Returns the ids of the terms inserted:
 * only their versions and comments are then loaded, so nothing names a term left out.
 */
export async function insertNewGlossaryTerms(
  tx: Db,
  table: { name: string; columns: string[] },
  json: string[],
): Promise<string[]> {
  if (json.length === 0) return [];
  const list = table.columns.map((c) => `"${c}"`).join(', ');
  const fromArchive = table.columns.map((c) => `r."${c}"`).join(', ');
  const insert = `insert into glossary_terms (${list}) select ${fromArchive} from json_populate_recordset(null::glossary_terms, `;
  return rowsOf<{ id: string }>(
    await tx.execute(
      sql`${sql.raw(insert)}${`[${json.join(',')}]`}${sql.raw(`::json) r
        where not exists (select 1 from glossary_terms g where g.id = r.id or lower(g.term) = lower(r.term))
        on conflict do nothing returning id::text`)}`,
    ),
  ).map((r) => r.id);
}
