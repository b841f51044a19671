import type { Logger } from "pino";
import {
  parseXStatusUrl,
  xAccountActivitySchema,
  type XPaste,
  type XTweet,
} from "../../../shared/channels.js";
import { MAX_REPORT_TEXT, reportInputSchema, type ReportInput } from "../../../shared/schemas.js";
import type { FiledReport } from "../../tickets/commands.js";
import { consumerInText } from "../accounts.js";
import { hmacSha256 } from "../signatures.js";
import { ingestReport, type IntakeContext } from "../ingest.js";
import { receiveDirectMessage } from "./dms.js";

/** The CRC answer X expects: `sha256=` + base64 HMAC-SHA256(consumer secret, crc_token). */
export function crcResponseToken(secret: string, crcToken: string): string {
  return `sha256=${hmacSha256(secret, crcToken).toString("base64")}`;
}

export function tweetUrl(screenName: string, id: string): string {
  return `https://x.com/${screenName}/status/${id}`;
}

/** Why a tweet is not a complaint to the discom, or null when it is one. */
export function notAComplaint(tweet: XTweet, forUserId: string): string | null {
  if (tweet.user.id_str === forUserId) return "the discom's own post";
  if (tweet.retweeted_status !== undefined || /^RT @/.test(tweet.text)) return "a retweet";
  return null;
}

/** A mention as a report: the full text of a long post, the exact point if shared, the link. */
export function reportFromTweet(tweet: XTweet): ReportInput | string {
  const text =
    tweet.truncated && tweet.extended_tweet ? tweet.extended_tweet.full_text : tweet.text;
  const ms = tweet.timestamp_ms ? Number(tweet.timestamp_ms) : Date.parse(tweet.created_at ?? "");
  const point = tweet.coordinates?.coordinates;
  const parsed = reportInputSchema.safeParse({
    channel: "x",
    text: text.trim().slice(0, MAX_REPORT_TEXT),
    externalId: tweet.id_str,
    sourceUrl: tweetUrl(tweet.user.screen_name, tweet.id_str),
    ...(Number.isFinite(ms) ? { receivedAt: new Date(ms).toISOString() } : {}),
    ...(point ? { lon: point[0], lat: point[1] } : {}),
  });
  if (!parsed.success)
    return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  return parsed.data;
}

/** Files a report, placing it by an account number in the text when it names a known consumer. */
async function fileWithAccount(
  ctx: IntakeContext,
  input: ReportInput,
  raw: unknown,
  actor?: string,
): Promise<FiledReport> {
  const consumer = await consumerInText(ctx.store, input.text);
  return ingestReport(ctx, consumer ? { ...input, consumerAccount: consumer.account } : input, {
    raw,
    actor,
  });
}

export interface XSummary {
  ignored?: string;
  filed: number;
  skipped: number;
}

/**
 * Handles one verified Account Activity delivery: mentions (`tweet_create_events`) and direct
 * messages (`direct_message_events`) become reports; other event kinds (likes, follows) are not
 * complaints and are passed over.
 */
export async function handleXActivity(
  ctx: IntakeContext,
  log: Logger,
  body: unknown,
): Promise<XSummary> {
  const parsed = xAccountActivitySchema.safeParse(body);
  if (!parsed.success) {
    const reason = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`)
      .join("; ");
    return { ignored: reason, filed: 0, skipped: 0 };
  }
  const summary: XSummary = { filed: 0, skipped: 0 };
  for (const tweet of parsed.data.tweet_create_events ?? []) {
    const why = notAComplaint(tweet, parsed.data.for_user_id);
    const input = why ? why : reportFromTweet(tweet);
    if (typeof input === "string") {
      log.info({ channel: "x", tweet: tweet.id_str, reason: input }, "post not filed");
      summary.skipped++;
      continue;
    }
    await fileWithAccount(ctx, input, tweet);
    summary.filed++;
  }
  for (const dm of parsed.data.direct_message_events ?? []) {
    if (await receiveDirectMessage(ctx, log, parsed.data.for_user_id, dm)) summary.filed++;
    else {
      log.info({ channel: "x", dm: dm.id, type: dm.type }, "direct message event not filed");
      summary.skipped++;
    }
  }
  return summary;
}

/** An operator's pasted post: the status id from the link is the external id, so a repeat joins. */
export function filePastedPost(
  ctx: IntakeContext,
  paste: XPaste,
  actor?: string,
): Promise<FiledReport> {
  const link = parseXStatusUrl(paste.url);
  if (!link) throw new Error("xPasteSchema lets only status links through");
  const input: ReportInput = {
    channel: "x",
    text: paste.text,
    externalId: link.statusId,
    // The canonical link, without tracking parameters; the same post pasted twice is one report.
    sourceUrl: link.screenName
      ? tweetUrl(link.screenName, link.statusId)
      : `https://x.com/i/web/status/${link.statusId}`,
    ...(paste.officerId ? { officerId: paste.officerId } : {}),
  };
  return fileWithAccount(ctx, input, { pasted: paste }, actor);
}
