/**
 * One CSV line (RFC 4180): fields with commas, quotes or line breaks are quoted, and text
 * that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with '.
 */
export function csvLine(fields: (string | number | boolean | null)[]): string {
  return fields
    .map((field) => {
      if (field === null) return '';
      if (typeof field !== 'string') return String(field);
      const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
      return /[",\r\n']/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(',');
}

/** A CSV document: header then rows, CRLF line ends. */
export function csvDocument(header: string[], rows: (string | number | boolean | null)[][]): string {
  return `${[header.join(','), ...rows.map(csvLine)].join('\r\n')}\r\n`;
}

/** One record of a parsed CSV document and the line it starts on (1 = the first line of the file). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses an RFC 4180 document (comma-separated, `"` quoting with `""` inside, CRLF or LF line
 * ends, a leading UTF-8 BOM ignored). Empty lines are skipped. Throws `{ line }` when a quoted
 * field is never closed or a quote appears inside an unquoted field.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !wasQuoted)) records.push({ line: start, fields });
    fields = [];
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== '') throw new CsvSyntaxError(line);
      quoted = true;
      wasQuoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\r' && input[i + 1] === '\n') {
      continue;
    } else if (c === '\n') {
      endRecord();
      line++;
      start = line;
    } else {
      if (wasQuoted) throw new CsvSyntaxError(line);
      field += c;
    }
  }
  if (quoted) throw new CsvSyntaxError(start);
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return records;
}

export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error on line ${line}`);
  }
}
