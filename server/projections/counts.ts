import {
  istDay,
  isOpenStatus,
  type OpenStatus,
  type SlaState,
  type Status,
} from "../../shared/domain.js";
import { emptyCounts, type MapCounts, type UnitCounts } from "../../shared/counts.js";
import type { Clock } from "../clock/clock.js";
import type { TicketChange } from "../events/bus.js";
import type { Store, TicketRow } from "../store/store.js";
import type { IncidentRow } from "../store/schema.js";
import { openIncidents } from "../incidents/incidents.js";

/** What one change touched, so the live module knows which rooms need which numbers. */
export interface Touched {
  units: Set<string>;
  /** `${unitId}|${districtId}` keys. */
  districts: Set<string>;
  feeders: Set<string>;
}

const emptyMap = (): MapCounts => ({ open: 0, atRisk: 0, breached: 0 });

/**
 * In-memory counters of open tickets per unit (by category, status, SLA state), per unit and
 * district, and today's received/resolved totals. Rebuilt from the store at start; updated from
 * each committed change by removing the ticket's old contribution and adding its new one, so a
 * replayed or reordered change between different tickets cannot skew a count.
 */
export class Projections {
  seq = 0;
  day: string;
  private units = new Map<string, UnitCounts>();
  private districtCounts = new Map<string, MapCounts>();
  private districtsByUnit = new Map<string, Set<string>>();
  private openFeeders = new Set<string>();
  private incidents = new Map<string, IncidentRow>();
  /**
   * Each counted ticket's last_seq as the last rebuild read it. In a cluster a change can arrive
   * after a rebuild already read its result from the store; applying it again would count it twice.
   */
  private readSeq = new Map<number, number>();

  constructor(private readonly clock: Clock) {
    this.day = istDay(clock.now());
  }

  /** Changes heard while a rebuild reads the store; null when no rebuild is running. */
  private heardDuringRebuild: TicketChange[] | null = null;

  /**
   * Recounts from the store into fresh counters and swaps them in. Changes keep arriving while the
   * store is read, and a read row may or may not already hold one of them, so counting them on top
   * would count a ticket twice. Instead the tickets they touched are read again and their counted
   * contribution replaced by their current one, until no change arrived during the last read.
   */
  async rebuild(store: Store): Promise<void> {
    const next = new Projections(this.clock);
    this.heardDuringRebuild = [];
    try {
      for (const i of await openIncidents(store.kysely)) next.incidents.set(i.id, i);
      next.seq = await store.maxSeq();
      const counted = new Map<number, TicketRow>();
      for (const t of await store.ticketsForProjection(istDayStart(next.day))) {
        next.contribute(t, 1, null);
        counted.set(t.id, t);
        next.readSeq.set(t.id, Number(t.last_seq));
      }
      while (this.heardDuringRebuild.length) {
        const heard = this.heardDuringRebuild;
        this.heardDuringRebuild = [];
        for (const c of heard) next.applyIncident(c);
        const ids = [...new Set(heard.map((c) => c.after.id))];
        const current = await Promise.all(ids.map((id) => store.getTicket(id)));
        ids.forEach((id, i) => {
          const was = counted.get(id);
          if (was) next.contribute(was, -1, null);
          const now = current[i];
          if (!now) return counted.delete(id);
          next.contribute(now, 1, null);
          counted.set(id, now);
          next.readSeq.set(id, Number(now.last_seq));
        });
      }
      // Nothing is awaited from the loop's last check to here, so no change can fall in between.
      this.day = next.day;
      this.units = next.units;
      this.districtCounts = next.districtCounts;
      this.districtsByUnit = next.districtsByUnit;
      this.openFeeders = next.openFeeders;
      this.incidents = next.incidents;
      this.readSeq = next.readSeq;
      this.seq = Math.max(this.seq, next.seq);
    } finally {
      this.heardDuringRebuild = null;
    }
  }

  /** True when the IST day has turned since the last rebuild (the *Today counters must restart). */
  dayChanged(): boolean {
    return istDay(this.clock.now()) !== this.day;
  }

  apply(change: TicketChange): Touched {
    const touched: Touched = { units: new Set(), districts: new Set(), feeders: new Set() };
    if (change.seq <= (this.readSeq.get(change.after.id) ?? 0)) return touched;
    if (change.before) this.contribute(change.before, -1, touched);
    this.contribute(change.after, 1, touched);
    this.applyIncident(change);
    this.heardDuringRebuild?.push(change);
    return touched;
  }

  private applyIncident(change: TicketChange): void {
    const incident = change.incident;
    if (incident?.status === "open") this.incidents.set(incident.id, incident);
    else if (incident) this.incidents.delete(incident.id);
    if (change.seq > this.seq) this.seq = change.seq;
  }

  /** Open incidents whose substation lies under the unit. */
  incidentsUnder(unitId: string): IncidentRow[] {
    return [...this.incidents.values()].filter((i) =>
      (JSON.parse(i.path) as string[]).includes(unitId),
    );
  }

  counts(unitId: string): UnitCounts {
    return this.units.get(unitId) ?? emptyCounts();
  }

  mapCounts(unitId: string): MapCounts {
    const c = this.units.get(unitId);
    return c ? { open: c.open, atRisk: c.bySla.at_risk, breached: c.bySla.breached } : emptyMap();
  }

  districtCountsUnder(unitId: string): Record<string, MapCounts> {
    const out: Record<string, MapCounts> = {};
    for (const d of this.districtsByUnit.get(unitId) ?? []) out[d] = this.districtCount(unitId, d);
    return out;
  }

  districtCount(unitId: string, districtId: string): MapCounts {
    return { ...(this.districtCounts.get(`${unitId}|${districtId}`) ?? emptyMap()) };
  }

  /** Feeders under the unit with open tickets. */
  /** Each open feeder's counts under `unitId`, in the form `as` makes of them. */
  feederCountsUnder<T = MapCounts>(
    unitId: string,
    feederPath: (feederId: string) => string[] | undefined,
    as: (c: MapCounts) => T = (c) => c as T,
  ): Record<string, T> {
    const out: Record<string, T> = {};
    for (const f of this.openFeeders) {
      if (feederPath(f)?.includes(unitId)) out[f] = as(this.mapCounts(f));
    }
    return out;
  }

  private contribute(t: TicketRow, sign: 1 | -1, touched: Touched | null): void {
    const path = JSON.parse(t.path) as string[];
    const open = isOpenStatus(t.status as Status);
    const receivedToday = istDay(new Date(t.created_at)) === this.day;
    const resolvedToday = t.resolved_at !== null && istDay(new Date(t.resolved_at)) === this.day;
    if (!open && !receivedToday && !resolvedToday) return;
    for (const unitId of path) {
      let c = this.units.get(unitId);
      if (!c) this.units.set(unitId, (c = emptyCounts()));
      touched?.units.add(unitId);
      if (receivedToday) c.receivedToday += sign;
      if (resolvedToday) c.resolvedToday += sign;
      if (!open) continue;
      c.open += sign;
      c.byCategory[(t.category ?? "uncategorised") as keyof UnitCounts["byCategory"]] += sign;
      c.byStatus[t.status as OpenStatus] += sign;
      c.bySla[t.sla_state as SlaState] += sign;
      if (t.needs_triage) c.needsTriage += sign;
      if (t.escalation_level > 0) c.escalated += sign;
      if (t.district_id) this.contributeDistrict(unitId, t, sign, touched);
    }
    if (open && t.feeder_id) {
      touched?.feeders.add(t.feeder_id);
      if ((this.units.get(t.feeder_id)?.open ?? 0) > 0) this.openFeeders.add(t.feeder_id);
      else this.openFeeders.delete(t.feeder_id);
    }
  }

  private contributeDistrict(
    unitId: string,
    t: TicketRow,
    sign: 1 | -1,
    touched: Touched | null,
  ): void {
    const key = `${unitId}|${t.district_id}`;
    let m = this.districtCounts.get(key);
    if (!m) this.districtCounts.set(key, (m = emptyMap()));
    m.open += sign;
    if (t.sla_state === "at_risk") m.atRisk += sign;
    if (t.sla_state === "breached") m.breached += sign;
    let set = this.districtsByUnit.get(unitId);
    if (!set) this.districtsByUnit.set(unitId, (set = new Set()));
    set.add(t.district_id!);
    touched?.districts.add(key);
  }
}

/** The UTC instant at which an IST day (YYYY-MM-DD) begins. */
export function istDayStart(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00+05:30`)).toISOString();
}
