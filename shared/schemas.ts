/**
 * zod schemas for every input that crosses a boundary into Nigrani. The server validates with
 * these; the client uses the same ones for forms, so both agree on what is accepted.
 */
import { z } from "zod";
import { CATEGORY_IDS, CHANNELS, SLA_STATES, STATUSES, UNIT_KINDS } from "./domain.js";
import { LIVE_LEVELS } from "./live.js";

export const MAX_REPORT_TEXT = 4000;

export const categorySchema = z.enum(CATEGORY_IDS);
export const channelSchema = z.enum(CHANNELS);

/** Indian mobile numbers, with or without +91 / 0 prefixes and spaces. */
export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{6,16}[0-9]$/, "must be a phone number of 8 to 15 digits");

/** The `Idempotency-Key` header of `POST /api/v1/reports`: a retry with the same key files nothing new. */
export const idempotencyKeySchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces");

export const reportInputSchema = z
  .strictObject({
    channel: channelSchema,
    text: z
      .string()
      .trim()
      .min(1, "must not be empty")
      .max(MAX_REPORT_TEXT, `must be at most ${MAX_REPORT_TEXT} characters`),
    externalId: z.string().trim().min(1).max(200).optional(),
    consumerAccount: z
      .string()
      .trim()
      .regex(/^[0-9]{6,16}$/, "must be 6 to 16 digits")
      .optional(),
    phone: phoneSchema.optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    category: categorySchema.optional(),
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    /** Officer who took the call (officer_phone / walk_in) or operator who pasted it. */
    officerId: z.string().trim().min(1).max(100).optional(),
    /** Link kept for a pasted tweet or post. */
    sourceUrl: z.url().max(500).optional(),
  })
  .refine((r) => (r.lat === undefined) === (r.lon === undefined), {
    message: "lat and lon must be given together",
    path: ["lon"],
  });
export type ReportInput = z.infer<typeof reportInputSchema>;

export const subscribeSchema = z.strictObject({
  unitId: z.string().min(1).max(100).optional(),
  sinceSeq: z.number().int().min(0).optional(),
  /** Less of the stream than the role allows (see LiveLevel); the policy grants at most the role's. */
  level: z.enum(LIVE_LEVELS).optional(),
});

export const ticketQuerySchema = z.strictObject({
  unit: z.string().min(1).max(100).optional(),
  status: z.enum(STATUSES).optional(),
  open: z.enum(["true", "false"]).optional(),
  category: z.union([categorySchema, z.literal("uncategorised")]).optional(),
  sla: z.enum(SLA_STATES).optional(),
  channel: channelSchema.optional(),
  needsTriage: z.enum(["true", "false"]).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  /** The caller's phone: how the call centre finds a caller's tickets. */
  phone: phoneSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  /** newest (default) or oldest first: the triage queue works oldest first, nearest to breach. */
  sort: z.enum(["newest", "oldest"]).optional(),
});
export type TicketQuery = z.infer<typeof ticketQuerySchema>;

/** One row of a discom's own network file (CSV or GeoJSON properties). */
export const unitImportRowSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, "must be letters, digits, - _ . : (max 80)"),
  kind: z.enum(UNIT_KINDS),
  parent: z.string().trim().optional(),
  name: z.string().trim().min(1, "must not be empty").max(120),
  name_hi: z.string().trim().min(1, "must not be empty").max(120),
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  urban: z
    .union([z.boolean(), z.enum(["true", "false", "1", "0", "yes", "no", ""])])
    .optional()
    .transform((v) => v === true || v === "true" || v === "1" || v === "yes"),
  district: z.string().trim().optional(),
  code: z.string().trim().max(8).optional(),
});
export type UnitImportRow = z.infer<typeof unitImportRowSchema>;

/** The error body every HTTP endpoint uses. */
export interface ApiError {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** Turns a zod error into `{ field: reason }` with dotted paths. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "(body)";
    if (issue.code === "unrecognized_keys") {
      for (const k of issue.keys) fields[k] = "is not a known field";
      continue;
    }
    fields[key] ??= issue.message;
  }
  return fields;
}

// --- ticket lifecycle (actions, public tracking, settings) ---------------------------------------

const reason = z.string().trim().min(3, "must say why (at least 3 characters)").max(1000);
const officerRoleSchema = z.enum(["je", "sdo", "xen", "se", "ce", "md"]);

export const ticketActionSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("assign"),
    officerId: z.string().min(1).max(120),
    reason: reason.optional(),
  }),
  z.strictObject({ type: z.literal("start"), note: z.string().trim().max(1000).optional() }),
  z.strictObject({
    type: z.literal("resolve"),
    note: z
      .string()
      .trim()
      .min(5, "a resolution note is required (at least 5 characters)")
      .max(2000),
  }),
  z.strictObject({ type: z.literal("reopen"), reason }),
  z.strictObject({
    type: z.literal("note"),
    text: z.string().trim().min(1, "must not be empty").max(2000),
  }),
  z.strictObject({ type: z.literal("escalate"), reason }),
  z.strictObject({ type: z.literal("merge"), into: z.string().trim().min(1).max(40) }),
  z.strictObject({
    type: z.literal("confirm_otp"),
    otp: z.string().regex(/^\d{6}$/, "must be the 6-digit code the consumer received"),
  }),
  z.strictObject({ type: z.literal("place"), feederId: z.string().min(1).max(120) }),
  z.strictObject({ type: z.literal("categorise"), category: categorySchema }),
]);
export type TicketAction = z.infer<typeof ticketActionSchema>;

export const ticketNumberSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,5}-\d{6}$/, "must be a ticket number like LKO-000123");
/** The token in the consumer's /track link (22 base64url characters). */
const trackTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/, "is not a valid link token");
const otpSchema = z.string().regex(/^\d{6}$/, "must be the 6-digit code you received");

/** Looking a ticket up on /track: with the last 4 digits of the phone, or the link's token. */
export const trackLookupSchema = z
  .strictObject({
    number: ticketNumberSchema,
    phone4: z
      .string()
      .regex(/^\d{4}$/, "must be the last 4 digits of your phone number")
      .optional(),
    t: trackTokenSchema.optional(),
  })
  .refine((l) => l.phone4 !== undefined || l.t !== undefined, {
    message: "must be the last 4 digits of your phone number",
    path: ["phone4"],
  });

/**
 * The consumer's answer on /track. It must carry proof only the consumer has: the closure OTP
 * from their acknowledgement, or the token of the link they were sent. The last 4 phone digits,
 * which staff screens show, are not enough.
 */
export const feedbackSchema = z
  .strictObject({
    resolved: z.boolean(),
    rating: z.number().int().min(1).max(5).optional(),
    comment: z.string().trim().max(1000).optional(),
    otp: otpSchema.optional(),
    token: trackTokenSchema.optional(),
  })
  .refine((f) => f.otp !== undefined || f.token !== undefined, {
    message: "must be the 6-digit code you received",
    path: ["otp"],
  });

export const routingRuleSchema = z.strictObject({
  category: categorySchema,
  role: officerRoleSchema,
  /** Applies only to tickets under this unit (e.g. a city moved to functional verticals). */
  unitId: z.string().min(1).max(120).optional(),
});

export const slaLimitSchema = z.strictObject({
  category: categorySchema,
  aClassHours: z
    .number()
    .positive()
    .max(24 * 90),
  urbanHours: z
    .number()
    .positive()
    .max(24 * 90),
  ruralHours: z
    .number()
    .positive()
    .max(24 * 90),
  compensationPerDay: z.number().min(0).max(100_000),
  verified: z.boolean(),
  source: z.string().max(500),
});

export const settingsUpdateSchema = z
  .strictObject({
    routing: z.array(routingRuleSchema).min(1).optional(),
    slaLimits: z.array(slaLimitSchema).length(6).optional(),
    confirmWindowHours: z
      .number()
      .positive()
      .max(24 * 30)
      .optional(),
    otpMaxAttempts: z.number().int().min(1).max(20).optional(),
  })
  // An empty change is a mistake, not a save: it would only move the settings' timestamp.
  .refine((s) => Object.keys(s).length > 0, { message: "nothing to change", path: ["routing"] });
export type SettingsUpdate = z.infer<typeof settingsUpdateSchema>;

export const leaveSchema = z.strictObject({
  onLeave: z.boolean(),
  standInId: z.string().min(1).max(120).optional(),
});

export const scorecardQuerySchema = z.strictObject({
  unit: z.string().min(1).max(120).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

/** One row of a discom's officer list (CSV). */
export const officerImportRowSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,79}$/, "must be letters, digits, - _ . : (max 80)"),
  unit_id: z.string().trim().min(1, "must name the unit the officer heads"),
  role: officerRoleSchema,
  name: z.string().trim().min(1, "must not be empty").max(120),
  name_hi: z.string().trim().min(1, "must not be empty").max(120),
  designation: z.string().trim().min(1, "must not be empty").max(200),
  designation_hi: z.string().trim().min(1, "must not be empty").max(200),
  phone: phoneSchema,
  on_leave: z.enum(["", "true", "false", "1", "0", "yes", "no"]).optional(),
  stand_in_id: z.string().trim().optional(),
  /** How the officer wants notices: sms (the default) or whatsapp. */
  notify_by: z.enum(["sms", "whatsapp"], { error: "must be sms or whatsapp" }).optional(),
});
