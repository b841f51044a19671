import { emptyCounts, type MapCounts, type UnitCounts } from "../../shared/counts.js";
import type { Delta, IncidentView, Snapshot } from "../../shared/live.js";
import type { TicketEventView, TicketSummary } from "../../shared/tickets.js";

/** Test data for the client: tickets, snapshots and deltas as the server sends them. */
export function ticket(number: string, over: Partial<TicketSummary> = {}): TicketSummary {
  return {
    number,
    seq: 1,
    status: "new",
    category: "supply_cut",
    channel: "call_centre",
    feederId: "F1",
    path: ["network", "up", "F1"],
    districtId: "lucknow",
    needsTriage: false,
    slaState: "on_track",
    createdAt: "2025-01-01T10:00:00.000Z",
    dueAt: "2025-01-01T14:00:00.000Z",
    updatedAt: "2025-01-01T10:00:00.000Z",
    excerpt: "Light nahi hai 4 ghante se",
    reportCount: 1,
    assigneeId: null,
    escalationLevel: 0,
    incidentId: null,
    confidence: 1,
    suggestedCategory: null,
    queueReason: null,
    ...over,
  };
}

export function counts(over: Partial<UnitCounts> = {}): UnitCounts {
  return { ...emptyCounts(), ...over };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    unitId: "network",
    seq: 10,
    day: "2025-01-01",
    unit: counts({ open: 2 }),
    children: { up: counts({ open: 2 }) },
    districts: { lucknow: { open: 2, atRisk: 0, breached: 0 } },
    feeders: { F1: [2, 0, 0] },
    recent: [ticket("LKO-000002", { seq: 9 }), ticket("LKO-000001", { seq: 5 })],
    urgent: [ticket("LKO-000001", { seq: 5 })],
    incidents: [],
    generatedAt: "2025-01-01T10:00:00.000Z",
    ...over,
  };
}

export function event(
  seq: number,
  ticketNumber: string,
  type: TicketEventView["type"] = "created",
): TicketEventView {
  return { seq, ticketNumber, type, at: "2025-01-01T10:05:00.000Z", actor: null, data: {} };
}

export function delta(seq: number, over: Partial<Delta> = {}): Delta {
  return {
    unitId: "network",
    seq,
    day: "2025-01-01",
    units: {},
    districts: {},
    feeders: {},
    tickets: [],
    events: [],
    incidents: [],
    ...over,
  };
}

export function mapCounts(open: number, atRisk = 0, breached = 0): MapCounts {
  return { open, atRisk, breached };
}

export function incident(id: string, over: Partial<IncidentView> = {}): IncidentView {
  return {
    id,
    status: "open",
    feederId: "F1",
    substationId: "S1",
    feeders: ["F1"],
    path: ["network", "up", "S1", "F1"],
    startedAt: "2025-01-01T10:00:00.000Z",
    resolvedAt: null,
    reportCount: 5,
    ticketCount: 5,
    consumersAffected: 800,
    seq: 11,
    ...over,
  };
}
