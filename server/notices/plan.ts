import type { Kysely } from "kysely";
import type { Database } from "../store/schema.js";
import type { Recipient } from "./recipients.js";

/** `eta`: the restoration time changed after the outage notice went out. */
export type NoticeKind = "outage" | "restored" | "shutdown" | "reply" | "eta";

export const incidentSubject = (id: string): string => `incident:${id}`;
/**
 * The subject of the update for one restoration time: each new time is its own subject, so a
 * person hears of every change once (the unique key is per subject) and an update overtaken by a
 * later time before it went is dropped as stale.
 */
export const etaSubject = (id: string, restoreBy: string): string =>
  `${incidentSubject(id)}#${restoreBy}`;
export const shutdownSubject = (id: string): string => `shutdown:${id}`;

const CHUNK = 200;

/**
 * Puts one waiting notice per recipient into the plan; the notices sweep sends them as quiet
 * hours and the rate allow. A recipient already planned for this subject and kind is skipped
 * (the unique key), so planning twice (a restart, two nodes hearing one event) sends nothing twice.
 * Returns how many were new.
 */
export async function planNotices(
  db: Kysely<Database>,
  subject: string,
  kind: NoticeKind,
  recipients: Recipient[],
  sendAfter: string,
  at: string,
): Promise<number> {
  let planned = 0;
  for (let i = 0; i < recipients.length; i += CHUNK) {
    const rows = recipients.slice(i, i + CHUNK).map((r) => ({
      subject,
      kind,
      recipient_key: r.key,
      channel: r.channel,
      recipient: r.recipient,
      language: r.language,
      ticket_id: r.ticketId,
      send_after: sendAfter,
      status: "waiting",
      outbox_id: null,
      created_at: at,
      queued_at: null,
    }));
    const inserted = await db
      .insertInto("notices")
      .values(rows)
      .onConflict((oc) => oc.columns(["subject", "kind", "recipient_key"]).doNothing())
      .returning("id")
      .execute();
    planned += inserted.length;
  }
  return planned;
}

/** Waiting notices of a subject that no longer apply (the outage is over, the shutdown called off). */
export async function cancelWaiting(
  db: Kysely<Database>,
  subject: string,
  kind: NoticeKind,
): Promise<void> {
  await db
    .updateTable("notices")
    .set({ status: "cancelled" })
    .where("subject", "=", subject)
    .where("kind", "=", kind)
    .where("status", "=", "waiting")
    .execute();
}
