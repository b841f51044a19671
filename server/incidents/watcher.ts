import type { Logger } from "pino";
import type { TicketChange } from "../events/bus.js";
import type { Store } from "../store/store.js";
import type { TicketContext } from "../tickets/context.js";
import {
  DEFAULT_OUTAGE_RULES,
  inferOutage,
  type OutageRules,
  type OutageSignal,
} from "../triage/outages.js";
import { raiseIncident } from "./commands.js";

/** A feeder with no history is assumed to get about one supply complaint a day. */
const DEFAULT_NORMAL_PER_HOUR = 1 / 24;
const BASELINE_DAYS = 7;

/**
 * Watches new supply-cut tickets and raises an incident when a substation's feeders get reports
 * far faster than normal. Normal rates come from the last week of tickets; the window of recent
 * signals is rebuilt from the store at start, so a restart mid-storm still sees the storm.
 */
export class OutageWatcher {
  private signals: OutageSignal[] = [];
  private normal = new Map<string, number>();
  private raising = new Set<string>();
  private pending: Promise<unknown>[] = [];

  constructor(
    private readonly ctx: TicketContext,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly rules: OutageRules = DEFAULT_OUTAGE_RULES,
  ) {}

  async load(): Promise<void> {
    const now = this.ctx.clock.now().getTime();
    const since = new Date(now - BASELINE_DAYS * 86_400_000).toISOString();
    const windowStart = new Date(now - this.rules.windowMs).toISOString();
    for (const r of await this.store.supplyCutHistory(since, windowStart)) {
      if (r.feeder_id) this.normal.set(r.feeder_id, r.n / (BASELINE_DAYS * 24));
    }
    this.signals = [];
    for (const t of await this.store.supplyCutsSince(windowStart)) {
      const substationId = t.feeder_id ? this.ctx.network.unit(t.feeder_id)?.parentId : null;
      if (t.feeder_id && substationId && !t.incident_id)
        this.signals.push({ feederId: t.feeder_id, substationId, at: Date.parse(t.created_at) });
    }
  }

  normalPerHour = (feederId: string): number =>
    Math.max(DEFAULT_NORMAL_PER_HOUR, this.normal.get(feederId) ?? 0);

  onChange(change: TicketChange): void {
    const t = change.after;
    if (change.before !== null || t.category !== "supply_cut" || !t.feeder_id || t.incident_id)
      return;
    const substationId = this.ctx.network.unit(t.feeder_id)?.parentId;
    if (!substationId) return;
    const at = Date.parse(t.created_at);
    this.signals.push({ feederId: t.feeder_id, substationId, at });
    this.signals = this.signals.filter((s) => s.at > at - this.rules.windowMs);
    if (this.raising.has(substationId)) return;
    const candidate = inferOutage(this.signals, substationId, at, this.normalPerHour, this.rules);
    if (!candidate) return;
    this.raising.add(substationId);
    const run = (async () => {
      const consumers = await this.store.consumersOn(candidate.feederIds);
      const { incident } = await raiseIncident(this.ctx, candidate, consumers);
      if (incident) {
        this.log.warn(
          { incident: incident.id, feeders: candidate.feederIds, reports: candidate.reports },
          "feeder outage inferred",
        );
        // Its signals are accounted for; later reports join the incident instead.
        this.signals = this.signals.filter((s) => !candidate.feederIds.includes(s.feederId));
      }
    })()
      .catch((err: unknown) => this.log.error({ err }, "could not raise incident"))
      .finally(() => this.raising.delete(substationId));
    this.pending.push(run);
    void run.finally(() => {
      this.pending = this.pending.filter((p) => p !== run);
    });
  }

  /** Resolves when every incident being raised has been written (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.pending.length) await Promise.all(this.pending);
  }
}
