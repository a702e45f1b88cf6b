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
