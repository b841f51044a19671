import type { Kysely, Selectable } from "kysely";
import type { ChannelContactTable, Database } from "../store/schema.js";
import { runShaped } from "../store/compiled.js";
import { fixedLimit } from "../store/limit.js";

export type ChannelContact = Selectable<ChannelContactTable>;
export type Language = "hi" | "en";

/** Words that mark romanised Hindi: a consumer writing "bijli nahi hai" reads Hindi best. */
const HINGLISH =
  /\b(nahi|nahin|bijli|bijlee|hai|hain|kab|kya|mera|meri|hamara|ghar|gaon|aa|raha|rahi|gayi|gaya|haan|ji|bhai|sahab|kripya|jaldi)\b/i;

/** The language of one message: Devanagari or romanised Hindi is hi, other Latin text en, else null. */
export function languageOf(text: string): Language | null {
  if (/[\u0900-\u097F]/.test(text)) return "hi";
  if (HINGLISH.test(text)) return "hi";
  if (/[A-Za-z]{2,}/.test(text)) return "en";
  return null;
}

/**
 * Records that a consumer wrote to us on a channel (and in which language, when the message says).
 * Idempotent: a redelivered message moves nothing backwards.
 */
export async function touchContact(
  db: Kysely<Database>,
  c: { channel: string; address: string; phone: string | null; at: string; text?: string },
): Promise<void> {
  const language = c.text ? languageOf(c.text) : null;
  // Every inbound message: compiled once per shape (which of phone and language are known).
  const shape = `channel_contacts.touch:${c.phone === null ? "" : "phone"}:${language === null ? "" : "language"}`;
  const params = [c.channel, c.address, c.phone, language, c.at];
  if (c.phone !== null) params.push(c.phone);
  if (language !== null) params.push(language);
  params.push(c.at, c.at);
  await runShaped(db, shape, params, () =>
    db
      .insertInto("channel_contacts")
      .values({
        channel: c.channel,
        address: c.address,
        phone: c.phone,
        language,
        last_inbound_at: c.at,
      })
      .onConflict((oc) =>
        oc.columns(["channel", "address"]).doUpdateSet((eb) => ({
          phone: c.phone ?? eb.ref("channel_contacts.phone"),
          language: language ?? eb.ref("channel_contacts.language"),
          // Portable max(): a late redelivery of an older message never moves the window back.
          last_inbound_at: eb
            .case()
            .when("channel_contacts.last_inbound_at", "<", c.at)
            .then(c.at)
            .else(eb.ref("channel_contacts.last_inbound_at"))
            .end(),
        })),
      ),
  );
}

export async function findContact(
  db: Kysely<Database>,
  channel: string,
  address: string,
): Promise<ChannelContact | undefined> {
  const [row] = await runShaped(db, "channel_contacts.find", [channel, address], () =>
    db
      .selectFrom("channel_contacts")
      .selectAll()
      .where("channel", "=", channel)
      .where("address", "=", address),
  );
  return row;
}

/** The messaging channel a consumer (by phone) wrote on most recently, if any. */
export async function lastContactByPhone(
  db: Kysely<Database>,
  phone: string,
): Promise<ChannelContact | undefined> {
  return db
    .selectFrom("channel_contacts")
    .selectAll()
    .where("phone", "=", phone)
    .orderBy("last_inbound_at", "desc")
    .limit(fixedLimit(1))
    .executeTakeFirst();
}
