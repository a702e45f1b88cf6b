import { foldAccents } from '../../store/schema/search.ts';
import { MARK_START, MARK_STOP } from '../../store/search.ts';

/** A piece of an excerpt: plain text, or a word that matched the search. */
export interface ExcerptPart {
  text: string;
  match: boolean;
}

/**
 * The database highlights the folded text (accents removed, same length); this puts the
 * highlights back onto the original text, so "réseau" is shown as written. The excerpt is
 * returned as parts, never as HTML: the console renders text, nothing to sanitize.
 */
export function excerptOf(original: string, headline: string): ExcerptPart[] {
  const marks: { at: number; start: boolean }[] = [];
  let plain = '';
  for (const c of headline) {
    if (c === MARK_START || c === MARK_STOP) marks.push({ at: plain.length, start: c === MARK_START });
    else plain += c;
  }
  const offset = foldAccents(original).indexOf(plain);
  const source = offset >= 0 ? original.slice(offset, offset + plain.length) : plain;
  const parts: ExcerptPart[] = [];
  let from = 0;
  let inMatch = false;
  for (const mark of marks) {
    if (mark.at > from) parts.push({ text: source.slice(from, mark.at), match: inMatch });
    from = mark.at;
    inMatch = mark.start;
  }
  if (from < source.length) parts.push({ text: source.slice(from), match: inMatch });
  return parts.filter((p) => p.text.length > 0);
}
