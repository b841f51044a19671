import { isOpenStatus, type Status } from "../../shared/domain.js";
import { SNAPSHOT_TICKET_LIMIT, type Delta, type Snapshot } from "../../shared/live.js";
import {
  toWire,
  type MapCounts,
  type UnitCounts,
  type WireMapCounts,
} from "../../shared/counts.js";
import type { TicketChange } from "../events/bus.js";
import type { Network } from "../network/loaded-network.js";
import type { Projections } from "../projections/counts.js";
import type { EventRow, Store, TicketRow } from "../store/store.js";
import { presentEvent, presentTicket } from "../tickets/present.js";
import { presentIncident } from "../incidents/incidents.js";
import type { RecentChanges } from "./recent-changes.js";

/** Beyond this many missed events a reconnecting screen gets a fresh snapshot instead. */
export const REPLAY_LIMIT = 2000;

export interface SyncDeps {
  store: Store;
  network: Network;
  projections: Projections;
  recent: RecentChanges;
}

const pathOf = (t: TicketRow) => JSON.parse(t.path) as string[];

/** Absolute counts of the given units, districts and feeders, at the projections' current seq. */
export function countsDelta(
  projections: Projections,
  unitId: string,
  units: Iterable<string>,
  districts: Iterable<string>,
  feeders: Iterable<string>,
): Omit<Delta, "tickets" | "events" | "incidents"> {
  const u: Record<string, UnitCounts> = {};
  for (const id of units) u[id] = projections.counts(id);
  const d: Record<string, MapCounts> = {};
  for (const id of districts) d[id] = projections.districtCount(unitId, id);
  const f: Record<string, WireMapCounts> = {};
  for (const id of feeders) f[id] = toWire(projections.mapCounts(id));
  return { unitId, seq: projections.seq, day: projections.day, units: u, districts: d, feeders: f };
}

/**
 * Everything a screen needs for one unit. The ticket lists come from the store; changes that
 * commit while it is read are laid over them from the recent-changes buffer, and the counts are
 * taken last, synchronously, so the snapshot is exactly at `seq`.
 */
export async function buildSnapshot(deps: SyncDeps, unitId: string): Promise<Snapshot> {
  const { store, network, projections, recent } = deps;
  const seenSeq = projections.seq;
  const [recentRows, urgentRows] = await Promise.all([
    store.openTicketsUnder(unitId, "recent", SNAPSHOT_TICKET_LIMIT),
    store.openTicketsUnder(unitId, "urgent", SNAPSHOT_TICKET_LIMIT),
  ]);
  const tail = recent.since(seenSeq) ?? [];
  const recentList = overlay(recentRows, tail, unitId, (a, b) => b.id - a.id);
  const urgentList = overlay(
    urgentRows,
    tail,
    unitId,
    (a, b) => (a.due_at ?? "").localeCompare(b.due_at ?? "") || a.id - b.id,
  );
  const children: Record<string, UnitCounts> = {};
  for (const c of network.childrenOf(unitId)) children[c] = projections.counts(c);
  const feederPath = (id: string) => network.unit(id)?.path;
  return {
    unitId,
    seq: projections.seq,
    day: projections.day,
    unit: projections.counts(unitId),
    children,
    districts: projections.districtCountsUnder(unitId),
    feeders: projections.feederCountsUnder(unitId, feederPath, toWire),
    recent: recentList.map(presentTicket),
    urgent: urgentList.map(presentTicket),
    incidents: projections.incidentsUnder(unitId).map(presentIncident),
    generatedAt: new Date().toISOString(),
  };
}

function overlay(
  rows: TicketRow[],
  tail: TicketChange[],
  unitId: string,
  order: (a: TicketRow, b: TicketRow) => number,
): TicketRow[] {
  if (tail.length === 0) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const c of tail) {
    const t = c.after;
    if (isOpenStatus(t.status as Status) && pathOf(t).includes(unitId)) byId.set(t.id, t);
    else byId.delete(t.id);
  }
  return [...byId.values()].sort(order).slice(0, SNAPSHOT_TICKET_LIMIT);
}

/**
 * The events a reconnecting screen missed since `sinceSeq`, with the current counts of everything
 * they touched. Null when the gap is too large (the caller sends a snapshot instead).
 */
export async function buildReplay(
  deps: SyncDeps,
  unitId: string,
  sinceSeq: number,
): Promise<Delta | null> {
  const { store, network, projections, recent } = deps;
  const until = projections.seq;
  const rows = await store.eventsBetween(sinceSeq, until, REPLAY_LIMIT + 1);
  if (rows.length > REPLAY_LIMIT) return null;
  const tickets = new Map(
    (await store.ticketsByIds([...new Set(rows.map((e) => e.ticket_id))])).map((t) => [t.id, t]),
  );
  const tail = recent.since(until);
  if (tail === null) return null;
  const events: Array<{ row: EventRow; ticket: TicketRow | undefined }> = rows.map((row) => ({
    row,
    ticket: undefined,
  }));
  for (const c of tail) {
    tickets.set(c.after.id, c.after);
    for (const row of c.events) events.push({ row, ticket: c.after });
  }
  const units = new Set<string>([unitId, ...network.childrenOf(unitId)]);
  const feeders = new Set<string>();
  const touchedTickets = new Map<number, TicketRow>();
  const views = [];
  for (const { row } of events) {
    const path = JSON.parse(row.path) as string[];
    const from = (JSON.parse(row.data) as { fromPath?: string[] }).fromPath ?? [];
    if (!path.includes(unitId) && !from.includes(unitId)) continue;
    const ticket = tickets.get(row.ticket_id);
    if (!ticket) continue;
    touchedTickets.set(ticket.id, ticket);
    if (ticket.feeder_id) feeders.add(ticket.feeder_id);
    const lastFeeder = path[path.length - 1];
    if (network.unit(lastFeeder)?.kind === "feeder") feeders.add(lastFeeder);
    views.push(presentEvent(row, ticket.number));
  }
  const districts = Object.keys(projections.districtCountsUnder(unitId));
  return {
    ...countsDelta(projections, unitId, units, districts, feeders),
    tickets: [...touchedTickets.values()].map(presentTicket),
    events: views,
    incidents: projections.incidentsUnder(unitId).map(presentIncident),
    replayFrom: sinceSeq,
  };
}
