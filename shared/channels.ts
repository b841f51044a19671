/**
 * zod schemas for the channels' own wire formats: the WhatsApp Cloud API webhook, X's Account
 * Activity payload and pasted links, the Open311 GeoReport v2 form and query, and one row of the
 * 1912 call centre's CSV export. Adapters validate with these before building a ReportInput.
 *
 * The outside senders add fields over time, so their payloads are loose objects: unknown keys are
 * kept (they end up in the report's raw payload) rather than rejected.
 */
import { z } from "zod";
import { CATEGORIES, CATEGORY_IDS, type CategoryId } from "./domain.js";
import { MAX_REPORT_TEXT, phoneSchema } from "./schemas.js";

const digits = z.string().regex(/^[0-9]+$/, "must be digits");

// --- WhatsApp Business Cloud API (Meta Graph webhooks) ------------------------------------------

/** An error object as Meta puts it in webhooks (top level, on a message, on a status). */
export const metaErrorSchema = z.looseObject({
  code: z.number().optional(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
export type MetaError = z.infer<typeof metaErrorSchema>;

/** An image, audio, video, document or sticker: a media id to download later, not the bytes. */
const whatsappMediaSchema = z.looseObject({
  id: z.string().min(1).max(200),
  mime_type: z.string().max(200).optional(),
  sha256: z.string().max(200).optional(),
  caption: z.string().optional(),
  filename: z.string().max(500).optional(),
  /** Audio: true for a voice note recorded in WhatsApp. */
  voice: z.boolean().optional(),
});
export type WhatsappMedia = z.infer<typeof whatsappMediaSchema>;

export const whatsappMessageSchema = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1).max(200),
  /** Unix seconds, as a string. */
  timestamp: digits,
  type: z.string().min(1),
  /** Set when the consumer replied to (or tapped a button on) one of our messages. */
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: whatsappMediaSchema.optional(),
  audio: whatsappMediaSchema.optional(),
  video: whatsappMediaSchema.optional(),
  document: whatsappMediaSchema.optional(),
  sticker: whatsappMediaSchema.optional(),
  contacts: z
    .array(
      z.looseObject({
        name: z.looseObject({ formatted_name: z.string().optional() }).optional(),
        phones: z
          .array(z.looseObject({ phone: z.string().optional(), wa_id: z.string().optional() }))
          .optional(),
      }),
    )
    .optional(),
  /** A reaction to one of our messages; no emoji means the reaction was removed. */
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  /** A tap on an interactive reply button or list row we sent. */
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z
        .looseObject({ id: z.string(), title: z.string(), description: z.string().optional() })
        .optional(),
    })
    .optional(),
  /** A tap on a template's quick-reply button: `payload` is what we set when sending. */
  button: z.looseObject({ payload: z.string().optional(), text: z.string() }).optional(),
  /** On `type: "unsupported"` messages: why WhatsApp could not pass the content on (131051). */
  errors: z.array(metaErrorSchema).optional(),
  location: z
    .looseObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
      name: z.string().optional(),
      address: z.string().optional(),
      url: z.string().optional(),
    })
    .optional(),
});
export type WhatsappMessage = z.infer<typeof whatsappMessageSchema>;

export const whatsappStatusSchema = z.looseObject({
  id: z.string().min(1).max(200),
  /** sent | delivered | read | failed; kept open so a new status is recorded, not refused. */
  status: z.string().min(1).max(40),
  timestamp: digits,
  recipient_id: z.string().optional(),
  errors: z.array(metaErrorSchema).optional(),
});
export type WhatsappStatus = z.infer<typeof whatsappStatusSchema>;

export const whatsappWebhookSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            messaging_product: z.literal("whatsapp").optional(),
            metadata: z
              .looseObject({ display_phone_number: z.string(), phone_number_id: z.string() })
              .optional(),
            contacts: z
              .array(z.looseObject({ wa_id: z.string(), profile: z.looseObject({}).optional() }))
              .optional(),
            messages: z.array(whatsappMessageSchema).optional(),
            statuses: z.array(whatsappStatusSchema).optional(),
            /** Errors about the whole delivery or the app (e.g. 131052 media download), not one message. */
            errors: z.array(metaErrorSchema).optional(),
          }),
        }),
      ),
    }),
  ),
});
export type WhatsappWebhook = z.infer<typeof whatsappWebhookSchema>;

/** The Graph API's answer to a sent message: we keep `messages[0].id` to match status webhooks. */
export const whatsappSendResponseSchema = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string().min(1) })).min(1),
});

/** Graph API error body (`{ error: { message, code, ... } }`). */
export const graphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

// --- Facebook Messenger and Instagram messaging (Meta webhooks, object "page" / "instagram") ------

/** One messaging event: a consumer's message (text, attachments, quick reply) or a button postback. */
export const metaMessagingEventSchema = z.looseObject({
  sender: z.looseObject({ id: z.string().min(1).max(100) }),
  recipient: z.looseObject({ id: z.string().min(1).max(100) }),
  /** Milliseconds since the epoch. */
  timestamp: z.number().int().nonnegative(),
  message: z
    .looseObject({
      mid: z.string().min(1).max(300),
      text: z.string().optional(),
      /** Our own messages echoed back: never a consumer's report. */
      is_echo: z.boolean().optional(),
      attachments: z
        .array(
          z.looseObject({
            type: z.string(),
            payload: z.looseObject({ url: z.string().optional() }).nullable().optional(),
          }),
        )
        .optional(),
      quick_reply: z.looseObject({ payload: z.string() }).optional(),
    })
    .optional(),
  postback: z
    .looseObject({ mid: z.string().max(300).optional(), title: z.string(), payload: z.string() })
    .optional(),
});
export type MetaMessagingEvent = z.infer<typeof metaMessagingEventSchema>;

export const metaMessagingWebhookSchema = z.looseObject({
  object: z.enum(["page", "instagram"]),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      time: z.number().optional(),
      messaging: z.array(metaMessagingEventSchema).optional(),
    }),
  ),
});

// --- SMS gateway (our own documented contract; README.md "SMS gateway") -------------------------

/** The gateway's answer to a send: its message id, matched later by delivery reports. */
export const smsGatewayResponseSchema = z.looseObject({ id: z.string().min(1).max(200) });

/** A delivery report the gateway POSTs to /webhooks/sms/status. */
export const smsDeliveryReportSchema = z.looseObject({
  id: z.string().min(1).max(200),
  status: z.enum(["sent", "delivered", "failed"]),
  /** ISO-8601 time of the event; the time we receive it when absent. */
  at: z.iso.datetime({ offset: true }).optional(),
  error: z.string().max(500).optional(),
});
export type SmsDeliveryReport = z.infer<typeof smsDeliveryReportSchema>;

// --- X (Account Activity API) -------------------------------------------------------------------

/** A v1.1 Tweet as the Account Activity API delivers it; ids are read from the `*_str` fields. */
export const xTweetSchema = z.looseObject({
  id_str: digits.max(30),
  text: z.string(),
  truncated: z.boolean().optional(),
  extended_tweet: z.looseObject({ full_text: z.string() }).optional(),
  created_at: z.string().optional(),
  timestamp_ms: digits.optional(),
  user: z.looseObject({ id_str: digits.max(30), screen_name: z.string().min(1).max(50) }),
  /** GeoJSON point, [long, lat]; set only when the author shared an exact location. */
  coordinates: z
    .looseObject({
      type: z.literal("Point"),
      coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
    })
    .nullable()
    .optional(),
  retweeted_status: z.unknown().optional(),
});
export type XTweet = z.infer<typeof xTweetSchema>;

/** A direct message event (`direct_message_events[]`, type `message_create`). */
export const xDirectMessageSchema = z.looseObject({
  type: z.string(),
  id: digits.max(30),
  created_timestamp: digits.optional(),
  message_create: z
    .looseObject({
      target: z.looseObject({ recipient_id: digits.max(30) }),
      sender_id: digits.max(30),
      message_data: z.looseObject({
        text: z.string(),
        attachment: z
          .looseObject({
            type: z.string(),
            media: z.looseObject({ media_url_https: z.string().optional() }).optional(),
          })
          .optional(),
      }),
    })
    .optional(),
});
export type XDirectMessage = z.infer<typeof xDirectMessageSchema>;

export const xAccountActivitySchema = z.looseObject({
  for_user_id: digits.max(30),
  user_has_blocked: z.union([z.string(), z.boolean()]).optional(),
  tweet_create_events: z.array(xTweetSchema).optional(),
  direct_message_events: z.array(xDirectMessageSchema).optional(),
});
export type XAccountActivity = z.infer<typeof xAccountActivitySchema>;

const X_HOSTS = ["x.com", "twitter.com", "mobile.x.com", "mobile.twitter.com"];

/** Reads `{ screenName, statusId }` from an x.com / twitter.com status link, or null. */
export function parseXStatusUrl(
  url: string,
): { screenName: string | null; statusId: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  if (!X_HOSTS.includes(u.hostname.replace(/^www\./, ""))) return null;
  const m = /^\/(?:([A-Za-z0-9_]{1,15})|i\/web)\/status(?:es)?\/([0-9]{1,30})\/?$/.exec(u.pathname);
  if (!m) return null;
  return { screenName: m[1] ?? null, statusId: m[2] };
}

/** An operator pasting a post from X that reached the discom some other way. */
export const xPasteSchema = z.strictObject({
  url: z
    .string()
    .trim()
    .max(500)
    .refine((u) => parseXStatusUrl(u) !== null, "must be an x.com or twitter.com status link"),
  text: z.string().trim().min(1, "must not be empty").max(MAX_REPORT_TEXT),
  officerId: z.string().trim().min(1).max(100).optional(),
});
export type XPaste = z.infer<typeof xPasteSchema>;

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
