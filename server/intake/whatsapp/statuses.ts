import type { Kysely } from "kysely";
import type { WhatsappStatus } from "../../../shared/channels.js";
import type { Database } from "../../store/schema.js";

/**
 * How far a message got. Meta does not guarantee order (read may come before delivered, or with no
 * delivered at all), so an outbox row only ever moves up this ranking; failed is final.
 */
const RANK: Record<string, number> = { pending: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

/** Meta's error as one line: "131047 Re-engagement message: <details>". */
export function statusDetail(s: WhatsappStatus): string | null {
  if (!s.errors?.length) return null;
  return s.errors
    .map(
      (e) =>
        [e.code, e.title ?? e.message].filter((x) => x !== undefined).join(" ") +
        (e.error_data?.details ? `: ${e.error_data.details}` : ""),
    )
    .join("; ")
    .slice(0, 500);
}

/**
 * Records one delivery status of a message we sent (deduped on id + status: Meta redelivers for
 * 36 hours) and moves the outbox row with that external id forward. Returns whether it was new.
 */
export async function recordStatus(db: Kysely<Database>, s: WhatsappStatus): Promise<boolean> {
  return recordDeliveryStatus(db, "whatsapp", {
    id: s.id,
    status: s.status,
    at: new Date(Number(s.timestamp) * 1000).toISOString(),
    detail: statusDetail(s),
  });
}

/**
 * Any channel's delivery report (WhatsApp statuses, SMS gateway reports): stored once per
 * (message id, status), and the outbox row moved up the ranking, never back; failed is final.
 */
export async function recordDeliveryStatus(
  db: Kysely<Database>,
  channel: string,
  s: { id: string; status: string; at: string; detail: string | null },
): Promise<boolean> {
  const { at, detail } = s;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("message_statuses")
      .values({ external_id: s.id, status: s.status, at, detail })
      .onConflict((oc) => oc.columns(["external_id", "status"]).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    const rank = RANK[s.status];
    if (rank === undefined) return true;
    const row = await trx
      .selectFrom("outbox")
      .select(["id", "status"])
      .where("channel", "=", channel)
      .where("external_id", "=", s.id)
      .executeTakeFirst();
    if (!row || (RANK[row.status] ?? 0) >= rank) return true;
    await trx
      .updateTable("outbox")
      .set({
        status: s.status,
        updated_at: at,
        ...(s.status === "failed" ? { last_error: detail ?? "failed (no detail given)" } : {}),
      })
      .where("id", "=", row.id)
      .execute();
    return true;
  });
}

/** Statuses oldest first, so the recorded history reads in the order things happened. */
export function byTimestamp(statuses: WhatsappStatus[]): WhatsappStatus[] {
  return [...statuses].sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
}
