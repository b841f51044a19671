import type { Kysely } from "kysely";
import type { Language } from "../intake/contacts.js";
import {
  messagingSenderOf,
  replyChannel,
  xDmRecipientOf,
  type OutboundChannel,
} from "../outbox/outbox.js";
import type { Database } from "../store/schema.js";
import { normalisePhone } from "../tickets/phone.js";

/** One person to tell, once: keyed by phone, or by channel address for those without one. */
export interface Recipient {
  key: string;
  channel: OutboundChannel;
  recipient: string;
  language: Language;
  /** The reporter's ticket (their notice shows on it); null for consumers who did not report. */
  ticketId: number | null;
}

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const asLanguage = (v: string | null | undefined): Language | null =>
  v === "hi" || v === "en" ? v : null;

/**
 * How each phone is best reached, and in which language: WhatsApp if they have written to us
 * there (a template reaches them outside the 24-hour window), else SMS; the language of their
 * last message, else their recorded preference, else Hindi.
 */
async function contactsOf(
  db: Kysely<Database>,
  phones: string[],
): Promise<Map<string, { whatsapp: boolean; language: Language | null }>> {
  const byPhone = new Map<string, { whatsapp: boolean; language: Language | null; at: string }>();
  for (const part of chunks(phones)) {
    const rows = await db
      .selectFrom("channel_contacts")
      .select(["phone", "channel", "language", "last_inbound_at"])
      .where("phone", "in", part)
      .execute();
    for (const r of rows) {
      if (!r.phone) continue;
      const seen = byPhone.get(r.phone) ?? { whatsapp: false, language: null, at: "" };
      const newer = r.last_inbound_at > seen.at;
      byPhone.set(r.phone, {
        whatsapp: seen.whatsapp || r.channel === "whatsapp",
        language: (newer ? asLanguage(r.language) : null) ?? seen.language,
        at: newer ? r.last_inbound_at : seen.at,
      });
    }
  }
  return byPhone;
}

/** The consumers on these feeders, each reachable by phone. */
export async function consumerRecipients(
  db: Kysely<Database>,
  feederIds: string[],
): Promise<Recipient[]> {
  if (!feederIds.length) return [];
  const rows = await db
    .selectFrom("consumers")
    .select(["phone", "language"])
    .where("feeder_id", "in", feederIds)
    .orderBy("account")
    .execute();
  const phones = rows.map((r) => normalisePhone(r.phone)).filter((p): p is string => !!p);
  const contacts = await contactsOf(db, [...new Set(phones)]);
  const out: Recipient[] = [];
  for (const r of rows) {
    const phone = normalisePhone(r.phone);
    if (!phone) continue;
    const contact = contacts.get(phone);
    out.push({
      key: phone,
      channel: contact?.whatsapp ? "whatsapp" : "sms",
      recipient: phone,
      language: contact?.language ?? asLanguage(r.language) ?? "hi",
      ticketId: null,
    });
  }
  return out;
}

/** Everyone who reported on an incident's tickets, on the channel they used. */
export async function reporterRecipients(
  db: Kysely<Database>,
  incidentId: string,
): Promise<Recipient[]> {
  const rows = await db
    .selectFrom("reports")
    .innerJoin("tickets", "tickets.id", "reports.ticket_id")
    .select([
      "reports.channel",
      "reports.phone",
      "reports.raw",
      "reports.external_id",
      "tickets.id",
    ])
    .where("tickets.incident_id", "=", incidentId)
    .orderBy("reports.received_at")
    .execute();
  const phones = rows.map((r) => normalisePhone(r.phone)).filter((p): p is string => !!p);
  const contacts = await contactsOf(db, [...new Set(phones)]);
  const out: Recipient[] = [];
  for (const r of rows) {
    const phone = normalisePhone(r.phone);
    const channel = replyChannel(r.channel, phone);
    if (!channel) continue;
    const raw = r.raw ? (JSON.parse(r.raw) as unknown) : null;
    const recipient =
      channel === "x"
        ? (xDmRecipientOf(raw) ?? r.external_id)
        : channel === "facebook" || channel === "instagram"
          ? messagingSenderOf(raw)
          : phone;
    if (!recipient) continue;
    out.push({
      key: phone ?? `${channel}:${recipient}`,
      channel,
      recipient,
      language: (phone ? contacts.get(phone)?.language : null) ?? "hi",
      ticketId: r.id,
    });
  }
  return out;
}

/**
 * One entry per person across both lists. A reporter's entry wins over their consumer entry: it
 * answers on the channel they used and shows on their ticket.
 */
export function dedupeRecipients(reporters: Recipient[], consumers: Recipient[]): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const r of [...reporters, ...consumers]) if (!byKey.has(r.key)) byKey.set(r.key, r);
  return [...byKey.values()];
}
