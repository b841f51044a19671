import type { Kysely } from "kysely";
import type { Language } from "../intake/contacts.js";
import { enqueueMessage } from "../outbox/outbox.js";
import type { Database } from "../store/schema.js";
import { optInText, optOutText } from "./texts.js";

/** STOP in English or Hindi, alone in a message, stops notices; START resumes them. */
const STOP_WORDS = /^\s*(stop|unsubscribe|रोकें|रोको|बंद करें|बंद)\s*[.!।]?\s*$/i;
const START_WORDS = /^\s*(start|subscribe|शुरू करें|शुरू)\s*[.!।]?\s*$/i;

export function noticeCommandOf(text: string): "stop" | "start" | null {
  if (STOP_WORDS.test(text)) return "stop";
  if (START_WORDS.test(text)) return "start";
  return null;
}

/** Records a STOP (idempotent); `key` is a normalised phone or `<channel>:<address>`. */
export async function optOut(
  db: Kysely<Database>,
  key: string,
  channel: string,
  at: string,
): Promise<void> {
  await db
    .insertInto("notice_opt_outs")
    .values({ recipient_key: key, channel, at })
    .onConflict((oc) => oc.column("recipient_key").doNothing())
    .execute();
}

export async function optIn(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("notice_opt_outs").where("recipient_key", "=", key).execute();
}

/** Which of these keys have opted out. */
export async function optedOut(db: Kysely<Database>, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectFrom("notice_opt_outs")
    .select("recipient_key")
    .where("recipient_key", "in", keys)
    .execute();
  return new Set(rows.map((r) => r.recipient_key));
}

/**
 * A STOP or START sent on a messaging channel: recorded for the sender's key (their phone) and
 * confirmed to them once (the inbound message id keys the reply, so a redelivery sends nothing).
 */
export async function applyNoticeCommand(
  db: Kysely<Database>,
  c: {
    command: "stop" | "start";
    channel: "whatsapp" | "sms";
    key: string;
    recipient: string;
    language: Language;
    messageId: string;
    at: string;
  },
): Promise<void> {
  if (c.command === "stop") await optOut(db, c.key, c.channel, c.at);
  else await optIn(db, c.key);
  await enqueueMessage(
    db,
    {
      ticketId: null,
      channel: c.channel,
      recipient: c.recipient,
      kind: "notice_preference",
      body: c.command === "stop" ? optOutText(c.language) : optInText(c.language),
      dedupeKey: `reply:${c.channel}:${c.messageId}`,
      language: c.language,
    },
    c.at,
  );
}
