import { sql, type Kysely, type SqlBool } from "kysely";
import { escapeLike } from "../store/like.js";
import type { IncidentNoticesView, NoticeCounts, NoticeDelivery } from "../../shared/notices.js";
import type { Database } from "../store/schema.js";
import { incidentSubject } from "./plan.js";
import { getAnnouncement } from "./subjects.js";

function counts(rows: { kind: string; status: string; n: number }[], kind: string): NoticeCounts {
  const of = (status: string) =>
    rows.filter((r) => r.kind === kind && r.status === status).reduce((a, r) => a + r.n, 0);
  const waiting = of("waiting");
  const queued = of("queued");
  const optedOut = of("opted_out");
  return { planned: waiting + queued + optedOut, waiting, queued, optedOut };
}

/**
 * The incident's own notices and its time updates' (`<subject>#<time>`). A LIKE on the prefix,
 * not a range: '#' < '$' holds byte-wise, but a database's collation may order punctuation otherwise.
 */
function ofIncident(column: "subject" | "notices.subject", subject: string) {
  const updates = `${escapeLike(subject)}#%`;
  return sql<SqlBool>`(${sql.ref(column)} = ${subject} or ${sql.ref(column)} like ${updates} escape '\\')`;
}

/**
 * One incident's notices for the control room: what was planned and sent, how delivery went (the
 * outbox rows' statuses, which the channels' delivery reports move), and the calls they saved.
 */
export async function incidentNotices(
  db: Kysely<Database>,
  incidentId: string,
): Promise<IncidentNoticesView> {
  const subject = incidentSubject(incidentId);
  const byStatus = (
    await db
      .selectFrom("notices")
      .select(["kind", "status", (eb) => eb.fn.countAll<number>().as("n")])
      .where(ofIncident("subject", subject))
      .groupBy(["kind", "status"])
      .execute()
  ).map((r) => ({ ...r, n: Number(r.n) }));
  const outbox = await db
    .selectFrom("notices")
    .innerJoin("outbox", "outbox.id", "notices.outbox_id")
    .select(["outbox.status", (eb) => eb.fn.countAll<number>().as("n")])
    .where(ofIncident("notices.subject", subject))
    .groupBy("outbox.status")
    .execute();
  const of = (status: string) => Number(outbox.find((r) => r.status === status)?.n ?? 0);
  const delivery: NoticeDelivery = {
    pending: of("pending"),
    sent: of("sent"),
    delivered: of("delivered"),
    read: of("read"),
    failed: of("failed"),
    notSent: of("not_sent"),
    deliveryRate: null,
  };
  // Only what reached a gateway can be delivered: pending and not-sent rows are outside the rate.
  const handedOver = delivery.sent + delivery.delivered + delivery.read + delivery.failed;
  if (handedOver > 0) delivery.deliveryRate = (delivery.delivered + delivery.read) / handedOver;
  const a = await getAnnouncement({ db }, incidentId);
  return {
    incidentId,
    announcedAt: a?.announced_at ?? null,
    confirmedAt: a?.confirmed_at ?? null,
    crewAssigned: (a?.crew_assigned ?? 0) === 1,
    restoreBy: a?.restore_by ?? null,
    outage: counts(byStatus, "outage"),
    restored: counts(byStatus, "restored"),
    updates: counts(byStatus, "eta"),
    delivery,
    callsSaved: byStatus.filter((r) => r.kind === "reply").reduce((s, r) => s + r.n, 0),
  };
}
