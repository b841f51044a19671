import { isOpenStatus, type Status } from "../../shared/domain.js";
import type { Network } from "../network/loaded-network.js";
import type { Officers } from "../officers/officers.js";
import type { EventRow, Store, TicketRow } from "../store/store.js";
import { compensationOwed } from "./compensation.js";
import type { SlaLimit } from "./sla.js";

export interface ScoreRow {
  id: string;
  name: string;
  nameHi: string;
  /** Officer rows: who they are, apart from the display name. */
  officer?: { designation: string; designationHi: string; role: string; unitId: string };
  received: number;
  open: number;
  breached: number;
  resolved: number;
  medianResolveHours: number | null;
  /** Closed with the consumer's OTP or "yes", over all closed. */
  confirmedClosureRate: number | null;
  closedUnconfirmed: number;
  /** Resolutions the consumer said were not fixed, over all resolutions. */
  falseClosureRate: number | null;
  falseClosures: number;
  compensationOwed: number;
}

interface Acc {
  received: number;
  open: number;
  breached: number;
  resolveMs: number[];
  closed: number;
  confirmed: number;
  unconfirmed: number;
  resolutions: number;
  falseClosures: number;
  compensation: number;
}

const acc = (): Acc => ({
  received: 0,
  open: 0,
  breached: 0,
  resolveMs: [],
  closed: 0,
  confirmed: 0,
  unconfirmed: 0,
  resolutions: 0,
  falseClosures: 0,
  compensation: 0,
});

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function finish(a: Acc): Omit<ScoreRow, "id" | "name" | "nameHi"> {
  return {
    received: a.received,
    open: a.open,
    breached: a.breached,
    resolved: a.resolutions,
    medianResolveHours: a.resolveMs.length
      ? Math.round((median(a.resolveMs)! / 3_600_000) * 10) / 10
      : null,
    confirmedClosureRate: a.closed ? a.confirmed / a.closed : null,
    closedUnconfirmed: a.unconfirmed,
    falseClosureRate: a.resolutions ? a.falseClosures / a.resolutions : null,
    falseClosures: a.falseClosures,
    compensationOwed: a.compensation,
  };
}

/**
 * Scorecards for the children of a unit and for the officers who hold its tickets, over tickets
 * received in [from, to) plus everything still open. Resolutions and false closures are counted
 * from the event log and credited to the officer who resolved.
 */
export async function scorecards(
  deps: { store: Store; network: Network; officers: Officers; limits: SlaLimit[]; now: Date },
  unitId: string,
  from: string,
  to: string,
): Promise<{
  unitId: string;
  from: string;
  to: string;
  total: ScoreRow;
  units: ScoreRow[];
  officers: ScoreRow[];
}> {
  const { store, network, officers, limits, now } = deps;
  const tickets = await store.ticketsForScorecard(unitId, from, to);
  const events = await store.eventsOfTickets(
    tickets.map((t) => t.id),
    ["status_changed", "feedback"],
  );
  const byTicket = new Map<number, EventRow[]>();
  for (const e of events) byTicket.set(e.ticket_id, [...(byTicket.get(e.ticket_id) ?? []), e]);

  const total = acc();
  const units = new Map<string, Acc>(network.childrenOf(unitId).map((id) => [id, acc()]));
  const people = new Map<string, Acc>();
  const person = (id: string | null) => {
    if (!id || !officers.get(id)) return null;
    let a = people.get(id);
    if (!a) people.set(id, (a = acc()));
    return a;
  };
  for (const t of tickets) {
    const path = JSON.parse(t.path) as string[];
    const child = network.childOnPath(unitId, path);
    const targets = [total, child ? units.get(child) : undefined].filter((x): x is Acc => !!x);
    countTicket(t, targets, person(t.assignee_id), limits, now, from, to);
    for (const e of byTicket.get(t.id) ?? []) {
      const d = JSON.parse(e.data) as {
        to?: string;
        resolvedBy?: string;
        resolved?: boolean;
        falseClosureBy?: string;
      };
      if (e.type === "status_changed" && d.to === "resolved") {
        for (const a of [...targets, person(d.resolvedBy ?? null)]) if (a) a.resolutions++;
      }
      if (e.type === "feedback" && d.resolved === false) {
        for (const a of [...targets, person(d.falseClosureBy ?? null)]) if (a) a.falseClosures++;
      }
    }
  }
  const named = (id: string, a: Acc, name: string, nameHi: string): ScoreRow => ({
    id,
    name,
    nameHi,
    ...finish(a),
  });
  const self = network.unit(unitId);
  return {
    unitId,
    from,
    to,
    total: named(unitId, total, self?.name ?? unitId, self?.nameHi ?? unitId),
    units: [...units].map(([id, a]) =>
      named(id, a, network.unit(id)?.name ?? id, network.unit(id)?.nameHi ?? id),
    ),
    officers: [...people].map(([id, a]) => {
      const o = officers.get(id)!;
      return {
        ...named(id, a, `${o.name} (${o.designation})`, `${o.name_hi} (${o.designation_hi})`),
        officer: {
          designation: o.designation,
          designationHi: o.designation_hi,
          role: o.role,
          unitId: o.unit_id,
        },
      };
    }),
  };
}

function countTicket(
  t: TicketRow,
  targets: Acc[],
  officer: Acc | null,
  limits: SlaLimit[],
  now: Date,
  from: string,
  to: string,
) {
  const all = officer ? [...targets, officer] : targets;
  const inPeriod = t.created_at >= from && t.created_at < to;
  const open = isOpenStatus(t.status as Status);
  const comp = compensationOwed(t, limits, now).amount;
  for (const a of all) {
    if (inPeriod) a.received++;
    if (open && t.status !== "resolved") a.open++;
    if (t.sla_state === "breached" && open) a.breached++;
    a.compensation += comp;
    if (t.first_resolved_at)
      a.resolveMs.push(Date.parse(t.first_resolved_at) - Date.parse(t.created_at));
    if (t.status === "closed") {
      a.closed++;
      if (t.closure === "unconfirmed") a.unconfirmed++;
      else a.confirmed++;
    }
  }
}
