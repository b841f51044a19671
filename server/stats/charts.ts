import { CATEGORY_IDS, IST_OFFSET_MINUTES, istDay, type CategoryId } from "../../shared/domain.js";
import type { Network } from "../network/loaded-network.js";
import type { Projections } from "../projections/counts.js";
import { istDayStart } from "../projections/counts.js";
import type { Store } from "../store/store.js";
import type { SlaLimit } from "../tickets/sla.js";
import { compensationOwed } from "../tickets/compensation.js";
import { activeBetween, createdBetween, dueBetween } from "./queries.js";

const DAY = 86_400_000;
const istHour = (iso: string) =>
  new Date(Date.parse(iso) + IST_OFFSET_MINUTES * 60_000).getUTCHours();
type ByCategory = Record<CategoryId | "uncategorised", number>;
const emptyByCategory = (): ByCategory =>
  Object.fromEntries([...CATEGORY_IDS, "uncategorised"].map((c) => [c, 0])) as ByCategory;

/** Reports (new tickets) per IST hour today by category, and the mean per hour of the 7 days before. */
export async function hourly(store: Store, unitId: string, now: Date) {
  const day = istDay(now);
  const todayStart = istDayStart(day);
  const weekStart = new Date(Date.parse(todayStart) - 7 * DAY).toISOString();
  const rows = await createdBetween(store.kysely, [unitId], weekStart, now.toISOString());
  const today = Array.from({ length: 24 }, (_, hour) => ({ hour, byCategory: emptyByCategory() }));
  const week = new Array<number>(24).fill(0);
  for (const r of rows) {
    const h = istHour(r.created_at);
    if (r.created_at >= todayStart)
      today[h].byCategory[(r.category ?? "uncategorised") as CategoryId]++;
    else week[h]++;
  }
  return {
    day,
    today,
    average7d: week.map((n, hour) => ({ hour, total: Math.round((n / 7) * 10) / 10 })),
  };
}

/** Of tickets due on each of the last `days` IST days: how many were fixed within the limit. */
export async function slaDaily(store: Store, unitId: string, now: Date, days: number) {
  const today = istDay(now);
  const from = new Date(Date.parse(istDayStart(today)) - (days - 1) * DAY).toISOString();
  const rows = await dueBetween(store.kysely, [unitId], from, now.toISOString());
  const byDay = new Map<string, { due: number; metLimit: number; breached: number }>();
  for (let i = 0; i < days; i++)
    byDay.set(istDay(Date.parse(from) + i * DAY), { due: 0, metLimit: 0, breached: 0 });
  for (const r of rows) {
    if (r.status === "merged" || !r.due_at) continue;
    const d = byDay.get(istDay(new Date(r.due_at)));
    if (!d) continue;
    d.due++;
    if (r.first_resolved_at && r.first_resolved_at <= r.due_at) d.metLimit++;
    else d.breached++;
  }
  return {
    days: [...byDay].map(([day, d]) => ({
      day,
      ...d,
      compliancePct: d.due ? Math.round((d.metLimit / d.due) * 1000) / 10 : null,
    })),
  };
}

/** The units of a kind under `unitId` with the most breached (then open) tickets. */
export async function worst(
  deps: { store: Store; network: Network; projections: Projections; limits: SlaLimit[] },
  unitId: string,
  kind: string,
  limit: number,
  now: Date,
) {
  const { network, projections } = deps;
  const candidates = [...network.units.values()].filter(
    (u) => u.kind === kind && u.path.includes(unitId),
  );
  const ranked = candidates
    .map((u) => ({ u, c: projections.counts(u.id) }))
    .filter((x) => x.c.open > 0)
    .sort(
      (a, b) =>
        b.c.bySla.breached - a.c.bySla.breached ||
        b.c.open - a.c.open ||
        a.u.id.localeCompare(b.u.id),
    )
    .slice(0, limit);
  const ids = ranked.map((x) => x.u.id);
  const owed = new Map<string, number>();
  if (ids.length) {
    const since = new Date(now.getTime() - 30 * DAY).toISOString();
    for (const r of await activeBetween(deps.store.kysely, ids, since, now.toISOString())) {
      if (r.sla_state !== "breached") continue;
      const amount = compensationOwed(r, deps.limits, now).amount;
      owed.set(r.unit_id, (owed.get(r.unit_id) ?? 0) + amount);
    }
  }
  return {
    units: ranked.map(({ u, c }) => ({
      id: u.id,
      name: u.name,
      nameHi: u.nameHi,
      open: c.open,
      atRisk: c.bySla.at_risk,
      breached: c.bySla.breached,
      compensationOwed: owed.get(u.id) ?? 0,
    })),
  };
}
