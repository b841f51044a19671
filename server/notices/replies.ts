import type { Kysely } from "kysely";
import type { Language } from "../intake/contacts.js";
import type { Network } from "../network/loaded-network.js";
import { enqueueMessage, type OutboundChannel } from "../outbox/outbox.js";
import type { Database } from "../store/schema.js";
import type { TicketRow } from "../store/store.js";
import { getIncident } from "../incidents/incidents.js";
import { incidentSubject, shutdownSubject } from "./plan.js";
import type { ShutdownRow } from "./schema.js";
import { getAnnouncement, MESSAGE_KIND, noticeBody, type Subject } from "./subjects.js";

/**
 * A complaint about an outage we have already announced (or a planned shutdown under way) is
 * answered with that notice instead of a new ticket number: the consumer learns what everyone on
 * the feeder was told, and the report counts as a call the notice saved.
 */
export async function answerWithNotice(
  db: Kysely<Database>,
  network: Network,
  t: TicketRow,
  to: {
    channel: OutboundChannel;
    recipient: string;
    language: Language;
    reportId: string;
    shutdown: ShutdownRow | undefined;
    at: string;
  },
): Promise<boolean> {
  let subject: Subject | null = null;
  let key: string | null = null;
  if (to.shutdown) {
    subject = { type: "shutdown", shutdown: to.shutdown };
    key = shutdownSubject(to.shutdown.id);
  } else if (t.incident_id) {
    const announcement = await getAnnouncement({ db }, t.incident_id);
    const incident = announcement?.announced_at ? await getIncident(db, t.incident_id) : undefined;
    if (incident?.status === "open") {
      subject = { type: "incident", incident, announcement, restoreBy: null };
      key = incidentSubject(incident.id);
    }
  }
  if (!subject || !key) return false;
  const dedupeKey = `notice:reply:${to.reportId}`;
  const outboxId = await enqueueMessage(
    db,
    {
      ticketId: t.id,
      channel: to.channel,
      recipient: to.recipient,
      kind: subject.type === "shutdown" ? MESSAGE_KIND.shutdown : MESSAGE_KIND.reply,
      body: noticeBody(
        { network },
        subject.type === "shutdown" ? "shutdown" : "reply",
        subject,
        to.language,
      ),
      dedupeKey,
      language: to.language,
    },
    to.at,
  );
  await db
    .insertInto("notices")
    .values({
      subject: key,
      kind: "reply",
      recipient_key: `report:${to.reportId}`,
      channel: to.channel,
      recipient: to.recipient,
      language: to.language,
      ticket_id: t.id,
      send_after: to.at,
      status: "queued",
      outbox_id: outboxId,
      created_at: to.at,
      queued_at: to.at,
    })
    .onConflict((oc) => oc.columns(["subject", "kind", "recipient_key"]).doNothing())
    .execute();
  return true;
}
