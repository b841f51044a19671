/**
 * zod schemas for the form-shaped channels: the Open311 GeoReport v2 form and query, and one row
 * of the 1912 call centre's CSV export. Fields arrive as strings; an empty one means "not given".
 */
import { z } from "zod";
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "./domain.js";
import { MAX_REPORT_TEXT, phoneSchema } from "./schemas.js";

// --- Open311 GeoReport v2 ------------------------------------------------------------------------

/** Form and CSV fields arrive as strings; an empty field means "not given". */
const blank = <S extends z.ZodType>(s: S) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), s.optional());
const formField = blank;

const open311ServiceCode = z.enum([...CATEGORY_IDS, "unclassified"], {
  error: (issue) =>
    issue.input === undefined
      ? "service_code was not provided"
      : `service_code ${String(issue.input)} is not a known service`,
});

/** POST requests.fmt (application/x-www-form-urlencoded). `attribute[...]` keys are accepted. */
export const open311PostSchema = z
  .looseObject({
    api_key: formField(z.string()),
    jurisdiction_id: formField(z.string().max(100)),
    service_code: open311ServiceCode,
    lat: formField(z.string().regex(/^-?\d{1,2}(\.\d+)?$/, "lat must be a WGS84 latitude")),
    long: formField(z.string().regex(/^-?\d{1,3}(\.\d+)?$/, "long must be a WGS84 longitude")),
    address_string: formField(z.string().max(500, "address_string must be at most 500 characters")),
    address_id: formField(z.string().max(100, "address_id must be at most 100 characters")),
    email: formField(z.string().max(200)),
    device_id: formField(z.string().max(200)),
    account_id: formField(z.string().regex(/^[0-9]{6,16}$/, "account_id must be 6 to 16 digits")),
    first_name: formField(z.string().max(100)),
    last_name: formField(z.string().max(100)),
    phone: formField(phoneSchema),
    description: formField(
      z.string().max(MAX_REPORT_TEXT, `description must be at most ${MAX_REPORT_TEXT} characters`),
    ),
    media_url: formField(
      z
        .string()
        .max(500, "media_url must be at most 500 characters")
        .regex(/^https?:\/\/[^\s]+$/i, "media_url must be an http(s) URL"),
    ),
  })
  .refine((f) => (f.lat === undefined) === (f.long === undefined), {
    message: "lat and long must be given together",
    path: ["long"],
  })
  .refine((f) => Math.abs(Number(f.lat ?? 0)) <= 90 && Math.abs(Number(f.long ?? 0)) <= 180, {
    message: "lat/long are out of range",
    path: ["lat"],
  })
  .refine((f) => f.lat !== undefined || f.address_string || f.address_id, {
    message: "a location is required: lat and long, address_string or address_id",
    path: ["lat"],
  });
export type Open311Post = z.infer<typeof open311PostSchema>;

const dateParam = formField(
  z
    .string()
    .refine(
      (v) => /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) && !isNaN(Date.parse(v)),
      "must be a W3C date or date-time like 2026-01-31T18:00:00+05:30",
    ),
);

/** GET requests.fmt query. Unknown parameters are ignored, as the spec's clients expect. */
export const open311RequestsQuerySchema = z.looseObject({
  jurisdiction_id: formField(z.string().max(100)),
  service_request_id: formField(z.string().max(20_000)),
  service_code: formField(z.string().max(500)),
  start_date: dateParam,
  end_date: dateParam,
  status: formField(
    z
      .string()
      .regex(/^(open|closed)(,(open|closed))*$/, "status must be open, closed or open,closed"),
  ),
});
export type Open311RequestsQuery = z.infer<typeof open311RequestsQuerySchema>;

// --- 1912 call centre CSV -------------------------------------------------------------------------

/** Columns of the call centre's export, in the documented order (server/intake/CALL-CENTRE-CSV.md). */
export const CALL_CENTRE_COLUMNS = [
  "docket_no",
  "received_at",
  "caller_phone",
  "account_no",
  "category",
  "text",
  "district",
  "lat",
  "lon",
] as const;
export type CallCentreColumn = (typeof CALL_CENTRE_COLUMNS)[number];
export const CALL_CENTRE_REQUIRED: readonly CallCentreColumn[] = ["docket_no", "text"];

/** A category by id (supply_cut) or by its English or Hindi label ("Supply cut"). */
function categoryFrom(v: string): CategoryId | undefined {
  const key = v.trim().toLowerCase();
  return Object.values(CATEGORIES).find(
    (c) => c.id === key.replace(/[\s/-]+/g, "_") || c.en.toLowerCase() === key || c.hi === v.trim(),
  )?.id;
}

/**
 * `YYYY-MM-DD HH:MM[:SS]` without a zone is India time, as the call centre's exports are; ISO-8601
 * with a zone is taken as is. Returns an ISO string or null.
 */
export function callCentreTime(v: string): string | null {
  const local = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(v.trim());
  const iso = local
    ? `${local[1]}T${local[2]}:${local[3]}:${local[4] ?? "00"}+05:30`
    : /(Z|[+-]\d{2}:\d{2})$/.test(v.trim())
      ? v.trim()
      : null;
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const coordinate = (min: number, max: number) =>
  blank(
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/, "must be a decimal number")
      .transform(Number)
      .refine((n) => n >= min && n <= max, `must be between ${min} and ${max}`),
  );

export const callCentreRowSchema = z
  .object({
    docket_no: z
      .string()
      .trim()
      .min(1, "is required")
      .max(100, "must be at most 100 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, "must be letters, digits and - _ . /"),
    received_at: blank(
      z.string().transform((v, ctx) => {
        const iso = callCentreTime(v);
        if (iso) return iso;
        ctx.addIssue({
          code: "custom",
          message: "must be YYYY-MM-DD HH:MM (India time) or ISO-8601 with a zone",
        });
        return z.NEVER;
      }),
    ),
    caller_phone: blank(phoneSchema),
    account_no: blank(
      z
        .string()
        .trim()
        .regex(/^[0-9]{6,16}$/, "must be 6 to 16 digits"),
    ),
    category: blank(
      z.string().transform((v, ctx) => {
        const id = categoryFrom(v);
        if (id) return id;
        ctx.addIssue({ code: "custom", message: `must be one of ${CATEGORY_IDS.join(", ")}` });
        return z.NEVER;
      }),
    ),
    text: z
      .string()
      .trim()
      .min(1, "is required")
      .max(MAX_REPORT_TEXT, `must be at most ${MAX_REPORT_TEXT} characters`),
    district: blank(z.string().trim().max(80, "must be at most 80 characters")),
    lat: coordinate(-90, 90),
    lon: coordinate(-180, 180),
  })
  .refine((r) => (r.lat === undefined) === (r.lon === undefined), {
    message: "lat and lon must be given together",
    path: ["lon"],
  });
export type CallCentreRow = z.infer<typeof callCentreRowSchema>;
