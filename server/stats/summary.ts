import type { Network } from "../network/loaded-network.js";
import type { Projections } from "../projections/counts.js";
import { istDayStart } from "../projections/counts.js";
import { istDay } from "../../shared/domain.js";
import type { Store } from "../store/store.js";
import { compensationOwed } from "../tickets/compensation.js";
import type { SlaLimit } from "../tickets/sla.js";
import { activeBetween, createdBetween, falseClosuresBetween, type StatRow } from "./queries.js";

const DAY = 86_400_000;
type Trend = "up" | "down" | "flat";

export interface SummaryTile {
  unitId: string;
  kind: string;
  name: string;
  nameHi: string;
  receivedToday: number;
  receivedAvg7d: number;
  open: number;
  breached: number;
  resolvedWithinLimitPct: number | null;
  confirmedClosurePct: number | null;
  falseClosures: number;
  compensationOwed: number;
  trend: { received: Trend; open: Trend; breached: Trend };
  /**
   * On the network tile only: tickets not yet placed in any state (the triage queue's unplaced
   * part). They count in the network's figures and in no state's, so the states plus this line
   * add up to the network.
   */
  notPlaced?: { receivedToday: number; open: number; breached: number };
}

/** What the network holds beyond the sum of its states. */
function notPlacedOf(tiles: SummaryTile[]): SummaryTile["notPlaced"] {
  const root = tiles.find((t) => t.kind === "network");
  if (!root) return undefined;
  const states = tiles.filter((t) => t.kind === "state");
  const rest = (pick: (t: SummaryTile) => number) =>
    pick(root) - states.reduce((a, t) => a + pick(t), 0);
  return {
    receivedToday: rest((t) => t.receivedToday),
    open: rest((t) => t.open),
    breached: rest((t) => t.breached),
  };
}

const trend = (now: number, then: number): Trend =>
  now > then * 1.05 + 0.5 ? "up" : now < then * 0.95 - 0.5 ? "down" : "flat";
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);

/** Open (and breached) at an instant in the past, reconstructed from the ticket's timestamps. */
function openAt(r: StatRow, t: string): boolean {
  if (r.created_at >= t || r.status === "merged") return false;
  return (
    !(r.closed_at && r.closed_at <= t) &&
    !(r.resolved_at && r.resolved_at <= t && r.status === "resolved")
  );
}

/**
 * The minister's tiles: the whole network, each state and each discom. Counts of now come from the
 * projections; the week's rates, false closures and compensation from the store. No personal data.
 */
export async function summary(
  deps: { store: Store; network: Network; projections: Projections; limits: SlaLimit[] },
  now: Date,
  /** The viewer's area: the whole network shows it, each state and each discom; a smaller area itself and its children. */
  within = "network",
) {
  const { store, network, projections, limits } = deps;
  const top = network.unit(within);
  const units =
    !top || top.kind === "network"
      ? [...network.units.values()].filter(
          (u) => u.kind === "network" || u.kind === "state" || u.kind === "discom",
        )
      : [top, ...network.childrenOf(top.id).map((id) => network.unit(id)!)].filter(
          (u) => u.kind !== "feeder",
        );
  const ids = units.map((u) => u.id);
  const nowIso = now.toISOString();
  const todayStart = istDayStart(istDay(now));
  const weekAgo = new Date(Date.parse(todayStart) - 7 * DAY).toISOString();
  const dayAgo = new Date(now.getTime() - DAY).toISOString();
  const [created, active, falseClosures] = await Promise.all([
    createdBetween(store.kysely, ids, weekAgo, nowIso),
    activeBetween(store.kysely, ids, weekAgo, nowIso),
    falseClosuresBetween(store.kysely, ids, weekAgo, nowIso),
  ]);
  const per = new Map(
    ids.map((id) => [
      id,
      {
        week: 0,
        yesterdaySoFar: 0,
        within: 0,
        resolved: 0,
        confirmed: 0,
        closed: 0,
        owed: 0,
        openThen: 0,
        breachedThen: 0,
      },
    ]),
  );
  const yesterdayStart = new Date(Date.parse(todayStart) - DAY).toISOString();
  for (const r of created) {
    const a = per.get(r.unit_id)!;
    if (r.created_at < todayStart) a.week++;
    if (r.created_at >= yesterdayStart && r.created_at < dayAgo) a.yesterdaySoFar++;
  }
  for (const r of active) {
    const a = per.get(r.unit_id)!;
    if (r.first_resolved_at && r.first_resolved_at >= weekAgo) {
      a.resolved++;
      if (r.due_at && r.first_resolved_at <= r.due_at) a.within++;
    }
    if (r.status === "closed" && r.closed_at && r.closed_at >= weekAgo) {
      a.closed++;
      if (r.closure !== "unconfirmed") a.confirmed++;
    }
    if (r.sla_state === "breached") a.owed += compensationOwed(r, limits, now).amount;
  }
  // Yesterday at this time, for the trend arrows: tickets open then, and of those past due.
  // A ticket created this week and also resolved, closed or breached is in both lists: once only.
  const seen = new Set<string>();
  for (const r of [...created, ...active]) {
    const key = `${r.id}|${r.unit_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!openAt(r, dayAgo)) continue;
    const a = per.get(r.unit_id)!;
    a.openThen++;
    if (r.due_at && r.due_at <= dayAgo) a.breachedThen++;
  }
  const tiles: SummaryTile[] = units.map((u) => {
    const a = per.get(u.id)!;
    const c = projections.counts(u.id);
    return {
      unitId: u.id,
      kind: u.kind,
      name: u.name,
      nameHi: u.nameHi,
      receivedToday: c.receivedToday,
      receivedAvg7d: Math.round((a.week / 7) * 10) / 10,
      open: c.open,
      breached: c.bySla.breached,
      resolvedWithinLimitPct: pct(a.within, a.resolved),
      confirmedClosurePct: pct(a.confirmed, a.closed),
      falseClosures: falseClosures.get(u.id) ?? 0,
      compensationOwed: a.owed,
      trend: {
        received: trend(c.receivedToday, a.yesterdaySoFar),
        open: trend(c.open, a.openThen),
        breached: trend(c.bySla.breached, a.breachedThen),
      },
    };
  });
  const root = tiles.find((t) => t.kind === "network");
  if (root) root.notPlaced = notPlacedOf(tiles);
  return { generatedAt: nowIso, tiles };
}
