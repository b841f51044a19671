/**
 * A small RFC 4180 CSV reader that remembers on which line each record starts, so import errors
 * can point at the line a person sees in their spreadsheet export. Quoted fields may hold commas,
 * doubled quotes and line breaks; CRLF, LF and a leading UTF-8 byte-order mark are accepted.
 */

export interface CsvRecord {
  /** 1-based line on which the record starts (a quoted line break makes a record span lines). */
  line: number;
  fields: string[];
}

export interface CsvError {
  line: number;
  message: string;
}

export function parseCsv(text: string): { records: CsvRecord[]; errors: CsvError[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = "";
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    // A line with nothing on it is not a record (blank lines, the newline at the end of the file).
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
    field = "";
  };

  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' && field === "") {
      const quoteLine = line;
      i++;
      let closed = false;
      while (i < src.length) {
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === "\n") line++;
        field += c;
        i++;
      }
      if (!closed) {
        errors.push({ line: quoteLine, message: 'a quoted field is not closed (missing ")' });
        fields.push(field);
        records.push({ line: recordLine, fields });
        return { records, errors };
      }
      const next = src[i];
      if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") {
        errors.push({
          line,
          message:
            "unexpected text after a closing quote (quote the whole field, double inner quotes)",
        });
        // Skip to the end of the field so the rest of the file is still checked.
        while (i < src.length && src[i] !== "," && src[i] !== "\n" && src[i] !== "\r") i++;
      }
      continue;
    }
    if (ch === ",") {
      fields.push(field);
      field = "";
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      endRecord();
      i += ch === "\r" && src[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== "" || fields.length) endRecord();
  return { records, errors };
}
