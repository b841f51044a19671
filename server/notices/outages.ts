import type { AnnouncementInput } from "../../shared/notices.js";
import type { TicketChange } from "../events/bus.js";
import { getIncident } from "../incidents/incidents.js";
import type { IncidentRow } from "../store/schema.js";
import { TicketError } from "../tickets/context.js";
import type { NoticeDeps } from "./deps.js";
import { cancelWaiting, etaSubject, incidentSubject, planNotices } from "./plan.js";
import {
  consumerRecipients,
  dedupeRecipients,
  type Recipient,
  reporterRecipients,
} from "./recipients.js";
import type { AnnouncementRow } from "./schema.js";
import { activeShutdownOn } from "./shutdowns.js";
import { getAnnouncement } from "./subjects.js";

/**
 * Outage notices. When an outage is inferred (or, with OUTAGE_NOTICES=confirmed, when an officer
 * confirms it) everyone on its feeders and everyone who reported is told once; when it is
 * resolved, those told who did not report hear it is back (reporters get their ticket's
 * "is it fixed?" question from the incident's resolution instead, so nobody hears twice).
 */

async function upsertAnnouncement(
  deps: NoticeDeps,
  incidentId: string,
  patch: Partial<Omit<AnnouncementRow, "incident_id">>,
  at: string,
): Promise<void> {
  await deps.db
    .insertInto("outage_announcements")
    .values({
      incident_id: incidentId,
      confirmed_by: null,
      confirmed_at: null,
      crew_assigned: 0,
      restore_by: null,
      announced_at: null,
      restored_at: null,
      ...patch,
      updated_at: at,
    })
    .onConflict((oc) => oc.column("incident_id").doUpdateSet({ ...patch, updated_at: at }))
    .execute();
}

/** Plans the outage notice for everyone on the incident's feeders; once per incident. */
export async function announceOutage(deps: NoticeDeps, incident: IncidentRow): Promise<number> {
  const existing = await getAnnouncement(deps, incident.id);
  if (existing?.announced_at || incident.status !== "open") return 0;
  const at = deps.clock.now().toISOString();
  // Calls from a feeder inside a planned shutdown can look like an outage: its consumers were
  // told of the shutdown already and must not also hear of an "outage".
  const feeders: string[] = [];
  for (const f of JSON.parse(incident.feeders) as string[])
    if (!(await activeShutdownOn(deps.db, f, at))) feeders.push(f);
  if (!feeders.length) return 0;
  await upsertAnnouncement(deps, incident.id, { announced_at: at }, at);
  const recipients = dedupeRecipients(
    await reporterRecipients(deps.db, incident.id),
    await consumerRecipients(deps.db, feeders),
  );
  const planned = await planNotices(
    deps.db,
    incidentSubject(incident.id),
    "outage",
    recipients,
    at,
    at,
  );
  deps.log.info({ incident: incident.id, planned }, "outage notices planned");
  return planned;
}

/** Plans the restoration notice for those told of the outage who did not report it. */
export async function announceRestored(deps: NoticeDeps, incident: IncidentRow): Promise<number> {
  const existing = await getAnnouncement(deps, incident.id);
  if (!existing?.announced_at || existing.restored_at || incident.status === "open") return 0;
  const at = deps.clock.now().toISOString();
  await upsertAnnouncement(deps, incident.id, { restored_at: at }, at);
  const subject = incidentSubject(incident.id);
  // Notices still held back (quiet hours, rate) would now be wrong: they are not sent.
  await cancelWaiting(deps.db, subject, "outage");
  return planNotices(
    deps.db,
    subject,
    "restored",
    await toldOfOutage(deps, incident.id, false),
    at,
    at,
  );
}

/** Those whose outage notice went out; with `reporters` false, only those who did not report. */
async function toldOfOutage(
  deps: NoticeDeps,
  incidentId: string,
  reporters: boolean,
): Promise<Recipient[]> {
  let query = deps.db
    .selectFrom("notices")
    .selectAll()
    .where("subject", "=", incidentSubject(incidentId))
    .where("kind", "=", "outage")
    .where("status", "=", "queued");
  if (!reporters) query = query.where("ticket_id", "is", null);
  const told = await query.orderBy("id").execute();
  return told.map((n) => ({
    key: n.recipient_key,
    channel: n.channel as Recipient["channel"],
    recipient: n.recipient,
    language: n.language === "en" ? "en" : "hi",
    ticketId: n.ticket_id,
  }));
}

/**
 * An officer confirms an open outage, says whether a crew is on it and when supply should be back.
 * Notices not yet sent carry the new words; with OUTAGE_NOTICES=confirmed this is what sends them.
 */
export async function setAnnouncement(
  deps: NoticeDeps,
  incidentId: string,
  input: AnnouncementInput,
  actor: string,
): Promise<AnnouncementRow> {
  const incident = await getIncident(deps.db, incidentId);
  if (!incident) throw new TicketError(404, "not_found", `no incident ${incidentId}`);
  if (incident.status !== "open")
    throw new TicketError(409, "invalid_transition", `incident ${incidentId} is already resolved`, {
      status: incident.status,
    });
  const at = deps.clock.now().toISOString();
  const before = await getAnnouncement(deps, incidentId);
  const patch: Partial<AnnouncementRow> = { confirmed_by: actor, confirmed_at: at };
  if (input.crewAssigned !== undefined) patch.crew_assigned = input.crewAssigned ? 1 : 0;
  if (input.restoreBy !== undefined)
    patch.restore_by = input.restoreBy === null ? null : new Date(input.restoreBy).toISOString();
  await upsertAnnouncement(deps, incidentId, patch, at);
  // The public feed shows the restoration time (and nothing else of the announcement).
  if (patch.restore_by !== undefined && patch.restore_by !== (before?.restore_by ?? null))
    deps.onPublicOutagesChanged?.();
  if (deps.rules.mode !== "off") await announceOutage(deps, incident);
  const row = await getAnnouncement(deps, incidentId);
  if (!row) throw new Error(`announcement of ${incidentId} vanished`);
  if (before?.announced_at && row.restore_by && row.restore_by !== before.restore_by)
    await announceNewTime(deps, incidentId, row.restore_by, at);
  return row;
}

/**
 * The restoration time changed after the outage notice went: those already told hear the new time
 * (those still waiting will read it in their first notice, which is worded when it is sent).
 */
async function announceNewTime(
  deps: NoticeDeps,
  incidentId: string,
  restoreBy: string,
  at: string,
): Promise<number> {
  const planned = await planNotices(
    deps.db,
    etaSubject(incidentId, restoreBy),
    "eta",
    await toldOfOutage(deps, incidentId, true),
    at,
    at,
  );
  deps.log.info({ incident: incidentId, planned, restoreBy }, "restoration time update planned");
  return planned;
}

/** Listens to committed changes: an incident raised or resolved is announced. */
export class OutageNotices {
  private pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: NoticeDeps) {}

  onChange(change: TicketChange): void {
    const incident = change.incident;
    if (!incident) return;
    const work =
      incident.status === "open"
        ? this.deps.rules.mode === "inferred"
          ? announceOutage(this.deps, incident)
          : null
        : announceRestored(this.deps, incident);
    if (!work) return;
    const run = work
      .catch((err: unknown) =>
        this.deps.log.error({ err, incident: incident.id }, "could not plan outage notices"),
      )
      .finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  /** Resolves when every plan in progress is written (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
