import type { Network } from "../network/loaded-network.js";
import type { Projections } from "../projections/counts.js";
import type { Store } from "../store/store.js";
import { compensationOwed } from "../tickets/compensation.js";
import type { SlaLimit } from "../tickets/sla.js";
import { activeBetween, openUnder } from "./queries.js";

const DAY = 86_400_000;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The drill-down table: each child of a unit with its live counts (projections) and what needs
 * the store: median age of open tickets, confirmed-closure share of the last 30 days, compensation.
 */
export async function unitChildren(
  deps: { store: Store; network: Network; projections: Projections; limits: SlaLimit[] },
  unitId: string,
  now: Date,
) {
  const { store, network, projections, limits } = deps;
  const unit = network.unit(unitId);
  if (!unit) return null;
  const ids = network.childrenOf(unitId);
  const since = new Date(now.getTime() - 30 * DAY).toISOString();
  const [open, active] = ids.length
    ? await Promise.all([
        openUnder(store.kysely, ids),
        activeBetween(store.kysely, ids, since, now.toISOString()),
      ])
    : [[], []];
  const ages = new Map<string, number[]>();
  for (const r of open) {
    if (r.status === "resolved") continue;
    const list = ages.get(r.unit_id) ?? [];
    list.push((now.getTime() - Date.parse(r.created_at)) / 3_600_000);
    ages.set(r.unit_id, list);
  }
  const closed = new Map<string, { all: number; confirmed: number; owed: number }>();
  for (const r of active) {
    const a = closed.get(r.unit_id) ?? { all: 0, confirmed: 0, owed: 0 };
    if (r.status === "closed" && r.closed_at && r.closed_at >= since) {
      a.all++;
      if (r.closure !== "unconfirmed") a.confirmed++;
    }
    if (r.sla_state === "breached") a.owed += compensationOwed(r, limits, now).amount;
    closed.set(r.unit_id, a);
  }
  const breadcrumbs = unit.path.map((id) => {
    const u = network.unit(id)!;
    return { id: u.id, kind: u.kind, name: u.name, nameHi: u.nameHi };
  });
  const children = ids.map((id) => {
    const u = network.unit(id)!;
    const c = projections.counts(id);
    const a = closed.get(id);
    const m = median(ages.get(id) ?? []);
    return {
      id,
      kind: u.kind,
      name: u.name,
      nameHi: u.nameHi,
      open: c.open,
      atRisk: c.bySla.at_risk,
      breached: c.bySla.breached,
      medianOpenAgeHours: m === null ? null : Math.round(m * 10) / 10,
      confirmedClosurePct: a && a.all ? Math.round((a.confirmed / a.all) * 1000) / 10 : null,
      compensationOwed: a?.owed ?? 0,
    };
  });
  return { unit, breadcrumbs, children };
}

/** Units whose English or Hindi name contains the query (feeder search for placing tickets). */
export function searchUnits(
  network: Network,
  q: string,
  kind: string | undefined,
  limit: number,
  within = "network",
) {
  const needle = q.toLowerCase();
  const out = [];
  for (const u of network.units.values()) {
    if (kind && u.kind !== kind) continue;
    if (!u.path.includes(within)) continue;
    if (
      !u.name.toLowerCase().includes(needle) &&
      !u.nameHi.includes(q) &&
      u.id.toLowerCase() !== needle
    )
      continue;
    out.push({
      id: u.id,
      kind: u.kind,
      name: u.name,
      nameHi: u.nameHi,
      path: u.path.slice(1, -1).map((id) => {
        const p = network.unit(id)!;
        return { id: p.id, name: p.name, nameHi: p.nameHi };
      }),
    });
    if (out.length >= limit) break;
  }
  return { units: out };
}
