/**
 * zod schemas for the channels' own wire formats: the WhatsApp Cloud API, Messenger and Instagram
 * webhooks, the SMS gateway, X's Account Activity payload and pasted links (the form-shaped ones,
 * Open311 and the 1912 CSV, are in channel-forms.ts). Adapters validate with these before
 * building a ReportInput.
 *
 * The outside senders add fields over time, so their payloads are loose objects: unknown keys are
 * kept (they end up in the report's raw payload) rather than rejected.
 */
import { z } from "zod";
import { MAX_REPORT_TEXT } from "./schemas.js";

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

/**
 * A delivery's envelope with its statuses and messages left unread: the webhook inbox reads each
 * on its own, so one malformed message is recorded and skipped instead of refusing the batch.
 */
export const whatsappEnvelopeSchema = z.looseObject({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            messages: z.array(z.unknown()).optional(),
            statuses: z.array(z.unknown()).optional(),
            errors: z.array(metaErrorSchema).optional(),
          }),
        }),
      ),
    }),
  ),
});

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

// The form-shaped channels (Open311, the 1912 CSV) live in channel-forms.ts.
export * from "./channel-forms.js";
