// RFC 4180 CSV: parse (quoted fields, doubled quotes, CRLF, BOM) and write (quoting when needed, with the
// formula guard). Files are read and written through spreadsheet.ts; this is its CSV codec.
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * Every record, blank lines included (as `['']`), so that index + 1 is the row number a spreadsheet
 * shows for the record (a quoted field spanning lines is still one row).
 */
export function parseCsvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The formula-injection guard of every written cell (CSV and .xlsx): text starting with = + - @, a tab or a
 * CR would run as a formula when a spreadsheet opens or re-enters it, so it gets a leading apostrophe.
 * Plain numbers such as -12.5 are left as they are.
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s) ? `'${s}` : s;
}

function quote(value: unknown): string {
  const safe = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsvLine(values: readonly unknown[]): string {
  return `${values.map(quote).join(',')}\r\n`;
}
