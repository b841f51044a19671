import type { TicketChange } from "../events/bus.js";
import type { IncidentRow } from "../store/schema.js";
import type { NewEvent, StoreTx, TicketRow } from "../store/store.js";
import { TicketError, type TicketContext } from "../tickets/context.js";
import { askFeedback, combine, resolveStep, statusStep, type Step } from "../tickets/lifecycle.js";
import { writeChange } from "../tickets/writer.js";
import type { OutageCandidate } from "../triage/outages.js";
import { getIncident, openIncidentOn, saveIncident } from "./incidents.js";

/**
 * Incident commands. Raising one links every open supply-cut ticket on its feeders; new reports on
 * those feeders join it as they arrive; resolving it resolves its tickets and asks every reporter
 * whether the supply is back.
 */

const linkEvent = (incidentId: string, at: string): NewEvent => ({
  type: "incident_linked",
  at,
  actor: null,
  data: { incidentId },
});

/** For a new supply-cut ticket: the open incident on its feeder to join, with the updated incident. */
export async function joinOpenIncident(
  tx: StoreTx,
  t: TicketRow,
  substationId: string | undefined,
  at: string,
): Promise<{ step: Step; incident: IncidentRow } | null> {
  if (t.category !== "supply_cut" || !t.feeder_id || !substationId) return null;
  const open = await openIncidentOn(tx.kysely, substationId, t.feeder_id);
  if (!open) return null;
  const incident = {
    ...open,
    report_count: open.report_count + t.report_count,
    ticket_count: open.ticket_count + 1,
  };
  return { step: { patch: { incident_id: open.id }, events: [linkEvent(open.id, at)] }, incident };
}

/** Records the incident after the ticket change that grew it (so its seq is the change's). */
export async function saveWithChange(
  tx: StoreTx,
  incident: IncidentRow,
  change: TicketChange,
  isNew: boolean,
): Promise<void> {
  const row = { ...incident, last_seq: change.seq };
  await saveIncident(tx.kysely, row, isNew);
  change.incident = row;
}

export function raiseIncident(
  ctx: TicketContext,
  candidate: OutageCandidate,
  consumersAffected: number,
): Promise<{ incident: IncidentRow | null; changes: TicketChange[] }> {
  return ctx.writer.commit(async (tx) => {
    for (const f of candidate.feederIds) {
      if (await openIncidentOn(tx.kysely, candidate.substationId, f))
        return { incident: null, changes: [] };
    }
    const now = ctx.clock.now();
    const at = now.toISOString();
    const substation = ctx.network.unit(candidate.substationId);
    const tickets = await tx.openSupplyCutsOn(candidate.feederIds);
    let incident: IncidentRow = {
      id: `INC-${candidate.substationId}-${now.getTime().toString(36).toUpperCase()}`,
      feeder_id: candidate.feederIds[0],
      substation_id: candidate.substationId,
      path: JSON.stringify(substation?.path ?? [candidate.substationId]),
      status: "open",
      started_at: at,
      resolved_at: null,
      report_count: tickets.reduce((a, t) => a + t.report_count, 0),
      ticket_count: tickets.length,
      consumers_affected: consumersAffected,
      resolution_note: null,
      last_seq: 0,
      feeders: JSON.stringify(candidate.feederIds),
    };
    const changes: TicketChange[] = [];
    for (const t of tickets)
      changes.push(
        await writeChange(tx, t, { ...t, incident_id: incident.id, updated_at: at }, [
          linkEvent(incident.id, at),
        ]),
      );
    if (changes.length === 0) return { incident: null, changes };
    incident = { ...incident, last_seq: changes[changes.length - 1].seq };
    await saveIncident(tx.kysely, incident, true);
    changes[changes.length - 1].incident = incident;
    return { incident, changes };
  });
}

export function resolveIncident(
  ctx: TicketContext,
  id: string,
  note: string,
  actor: string,
): Promise<{ incident: IncidentRow; changes: TicketChange[]; ticketsResolved: number }> {
  return ctx.writer.commit(async (tx) => {
    const incident = await getIncident(tx.kysely, id);
    if (!incident) throw new TicketError(404, "not_found", `no incident ${id}`);
    if (incident.status !== "open")
      throw new TicketError(
        409,
        "invalid_transition",
        `incident ${id} is already ${incident.status}`,
        { status: incident.status },
      );
    const now = ctx.clock.now();
    const at = now.toISOString();
    const changes: TicketChange[] = [];
    for (const t of await tx.openTicketsOfIncident(id)) {
      if (t.status === "resolved") continue;
      const steps: Step[] = [];
      if (t.status !== "in_progress")
        steps.push(statusStep(t, "in_progress", at, actor, { incident: id }));
      steps.push(
        resolveStep(ctx, { ...t, status: "in_progress" }, note, at, actor, { incident: id }),
      );
      const { after, events } = combine(t, ...steps);
      changes.push(await writeChange(tx, t, after, events));
      await askFeedback(ctx, tx, after, at, "incident_notice");
    }
    const ticketsResolved = changes.length;
    // Its tickets all resolved on their own: the resolution is recorded on the newest of them, as
    // the officer's note, so that it too reaches every node's bus (the screens' outage markers, the
    // restoration notices and the public feed hear of incidents only through ticket changes).
    const newest = ticketsResolved ? undefined : await tx.newestTicketOfIncident(id);
    if (newest)
      changes.push(
        await writeChange(tx, newest, newest, [
          { type: "note", at, actor, data: { text: note, incident: id } },
        ]),
      );
    const resolved: IncidentRow = {
      ...incident,
      status: "resolved",
      resolved_at: at,
      resolution_note: note,
      last_seq: changes.at(-1)?.seq ?? incident.last_seq,
    };
    await saveIncident(tx.kysely, resolved, false);
    if (changes.length) changes[changes.length - 1].incident = resolved;
    return { incident: resolved, changes, ticketsResolved };
  });
}
