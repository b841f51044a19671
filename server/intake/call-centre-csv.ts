import {
  CALL_CENTRE_COLUMNS,
  CALL_CENTRE_REQUIRED,
  callCentreRowSchema,
  type CallCentreRow,
} from "../../shared/channels.js";
import type { z } from "zod";
import { MAX_REPORT_TEXT, fieldErrors, reportInputSchema } from "../../shared/schemas.js";
import type { Network } from "../network/loaded-network.js";
import { parseCsv } from "../network/csv.js";
import { ingestReport, type IntakeContext } from "./ingest.js";

/** One refused row: the line a person sees in their spreadsheet, the column, and why. */
export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ImportSummary {
  imported: number;
  duplicates: number;
  errors: RowError[];
}

/** The file itself cannot be read (no header, unknown or missing columns): nothing was imported. */
export class UnreadableCsv extends Error {}

/** A day's export is a few thousand dockets; more than this is a mistake, not a batch. */
export const MAX_ROWS = 20_000;

/** Reads the header: every required column present, no column we do not know, none twice. */
function columnsOf(header: string[]): string[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const known = new Set<string>(CALL_CENTRE_COLUMNS);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length)
    throw new UnreadableCsv(
      `unknown column(s) ${unknown.map((u) => `"${u}"`).join(", ")}; expected ${CALL_CENTRE_COLUMNS.join(",")}`,
    );
  const missing = CALL_CENTRE_REQUIRED.filter((c) => !names.includes(c));
  if (missing.length) throw new UnreadableCsv(`missing required column(s) ${missing.join(", ")}`);
  const twice = names.filter((n, i) => names.indexOf(n) !== i);
  if (twice.length) throw new UnreadableCsv(`column(s) ${twice.join(", ")} appear more than once`);
  return names;
}

/**
 * The district is not a report field: name it in the text (unless the note already does) so
 * triage's place finder can use it, as it would for a consumer who said where they are.
 */
function textWithDistrict(network: Network, row: CallCentreRow): string {
  if (!row.district) return row.text;
  const key = row.district.toLowerCase();
  const d =
    network.districts.get(key) ??
    [...network.districts.values()].find((x) => x.name.toLowerCase() === key);
  const name = d?.name ?? row.district;
  if (row.text.toLowerCase().includes(name.toLowerCase())) return row.text;
  return `${row.text}\nDistrict: ${name}`.slice(0, MAX_REPORT_TEXT);
}

/** One error per column (the first reason), so an empty docket is not also "not letters". */
function rowErrors(line: number, error: z.ZodError): RowError[] {
  const fields = fieldErrors(error);
  return Object.entries(fields).map(([field, message]) => ({ line, field, message }));
}

function inputOf(network: Network, row: CallCentreRow) {
  return reportInputSchema.safeParse({
    channel: "call_centre",
    text: textWithDistrict(network, row),
    externalId: row.docket_no,
    ...(row.received_at ? { receivedAt: row.received_at } : {}),
    ...(row.caller_phone ? { phone: row.caller_phone } : {}),
    ...(row.account_no ? { consumerAccount: row.account_no } : {}),
    ...(row.category ? { category: row.category } : {}),
    ...(row.lat !== undefined && row.lon !== undefined ? { lat: row.lat, lon: row.lon } : {}),
  });
}

/**
 * Imports the 1912 call centre's CSV export (columns: server/intake/CALL-CENTRE-CSV.md). Each row
 * is filed on its own, so one bad row does not hold back the others; every row ends up imported,
 * counted as a duplicate (its docket number is already known) or listed with its line and reason.
 */
export async function importCallCentreCsv(
  ctx: IntakeContext,
  text: string,
  actor?: string,
  onProgress?: (rowsDone: number, rowsTotal: number, summary: ImportSummary) => Promise<void>,
): Promise<ImportSummary> {
  const { records, errors: csvErrors } = parseCsv(text);
  if (records.length === 0) throw new UnreadableCsv("the file is empty: it needs a header row");
  const header = records[0];
  if (csvErrors.some((e) => e.line === header.line))
    throw new UnreadableCsv("the header row is not valid CSV");
  const columns = columnsOf(header.fields);
  const rows = records.slice(1);
  if (rows.length > MAX_ROWS)
    throw new UnreadableCsv(`the file has ${rows.length} rows; at most ${MAX_ROWS} per import`);

  const summary: ImportSummary = { imported: 0, duplicates: 0, errors: [] };
  const badLines = new Set<number>();
  for (const e of csvErrors) {
    summary.errors.push({ line: e.line, field: "(row)", message: e.message });
    badLines.add(e.line);
  }
  for (const [i, record] of rows.entries()) {
    if (onProgress && i > 0 && i % 100 === 0) await onProgress(i, rows.length, summary);
    if (badLines.has(record.line)) continue;
    if (record.fields.length !== columns.length) {
      summary.errors.push({
        line: record.line,
        field: "(row)",
        message: `has ${record.fields.length} fields; the header has ${columns.length}`,
      });
      continue;
    }
    const cells = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]]));
    const parsed = callCentreRowSchema.safeParse(cells);
    if (!parsed.success) {
      summary.errors.push(...rowErrors(record.line, parsed.error));
      continue;
    }
    const input = inputOf(ctx.network, parsed.data);
    if (!input.success) {
      summary.errors.push(...rowErrors(record.line, input.error));
      continue;
    }
    const filed = await ingestReport(ctx, input.data, { raw: cells, actor });
    if (filed.change === null) summary.duplicates++;
    else summary.imported++;
  }
  summary.errors.sort((a, b) => a.line - b.line);
  return summary;
}
