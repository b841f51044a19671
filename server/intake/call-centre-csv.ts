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

/** How far an interrupted import got: rows done and the summary up to there (its saved progress). */
export interface ImportProgress extends ImportSummary {
  rowsDone: number;
}

/**
 * Rows filed side by side: their reports share the ticket writer's group commits instead of one
 * durable commit each. Progress is reported after each window.
 */
const WINDOW = 64;

/**
 * Imports the 1912 call centre's CSV export (columns: server/intake/CALL-CENTRE-CSV.md). Each row
 * is filed on its own, so one bad row does not hold back the others; every row ends up imported,
 * counted as a duplicate (its docket number is already known) or listed with its line and reason.
 * `resume` (saved progress of an interrupted import of the same file) starts after its rows.
 */
export async function importCallCentreCsv(
  ctx: IntakeContext,
  text: string,
  actor?: string,
  onProgress?: (rowsDone: number, rowsTotal: number, summary: ImportSummary) => Promise<void>,
  resume?: ImportProgress | null,
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

  const badLines = new Set(csvErrors.map((e) => e.line));
  const summary: ImportSummary = resume
    ? { imported: resume.imported, duplicates: resume.duplicates, errors: [...resume.errors] }
    : {
        imported: 0,
        duplicates: 0,
        errors: csvErrors.map((e) => ({ line: e.line, field: "(row)", message: e.message })),
      };
  for (let start = resume?.rowsDone ?? 0; start < rows.length; start += WINDOW) {
    const window = rows.slice(start, start + WINDOW);
    const outcomes = await Promise.all(
      window.map((record) =>
        badLines.has(record.line) ? null : importRow(ctx, columns, record, actor),
      ),
    );
    for (const o of outcomes) {
      if (o === null) continue;
      if (o === "imported") summary.imported++;
      else if (o === "duplicate") summary.duplicates++;
      else summary.errors.push(...o);
    }
    const done = Math.min(start + WINDOW, rows.length);
    if (onProgress && done < rows.length) await onProgress(done, rows.length, summary);
  }
  summary.errors.sort((a, b) => a.line - b.line);
  return summary;
}

/** One row: filed (new or a known docket) or its errors. A storage fault is thrown (retry later). */
async function importRow(
  ctx: IntakeContext,
  columns: string[],
  record: { line: number; fields: string[] },
  actor: string | undefined,
): Promise<"imported" | "duplicate" | RowError[]> {
  if (record.fields.length !== columns.length)
    return [
      {
        line: record.line,
        field: "(row)",
        message: `has ${record.fields.length} fields; the header has ${columns.length}`,
      },
    ];
  const cells = Object.fromEntries(columns.map((c, i) => [c, record.fields[i]]));
  const parsed = callCentreRowSchema.safeParse(cells);
  if (!parsed.success) return rowErrors(record.line, parsed.error);
  const input = inputOf(ctx.network, parsed.data);
  if (!input.success) return rowErrors(record.line, input.error);
  const filed = await ingestReport(ctx, input.data, { raw: cells, actor });
  return filed.change === null ? "duplicate" : "imported";
}
