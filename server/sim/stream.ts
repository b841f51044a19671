/**
 * The simulator's clockless core: a merged, time-ordered stream of background complaints (a
 * Poisson process following the diurnal curve), storm starts, storm reports and storm ends.
 * Both the live simulator (with timers) and generateReports (without) read the same stream, so
 * what a test generates is exactly what the server would send from that instant.
 */
import type { Channel } from "../../shared/domain.js";
import type { ReportInput } from "../../shared/schemas.js";
import type { Unit } from "../../shared/network.js";
import { composeReport } from "./compose.js";
import type { ConsumerLookup } from "./compose.js";
import {
  PEAK_MULTIPLIER,
  STORM_PEAK,
  nextArrival,
  rateMultiplier,
  stormMultiplier,
} from "./curve.js";
import { newDocketState } from "./ids.js";
import { WeightedPicker, buildPlaces, bySubstation } from "./places.js";
import type { FeederPlace } from "./places.js";
import { Rng, hashSeed } from "./random.js";
import { planStorm } from "./storm.js";
import type { StormPlan } from "./storm.js";
import type { Lang, Topic } from "./texts/types.js";

export const DEFAULT_STORMS_PER_HOUR = 0.15;

export interface StreamDeps {
  seed: number;
  ratePerHour: number;
  feeders: Unit[];
  units: Map<string, Unit>;
  districtNames: Map<string, { name: string; nameHi: string }>;
  consumerOn: ConsumerLookup;
  stormsPerHour?: number;
}

/** A generated report with the truth behind it (for tests, the benchmark and stats). */
export interface GeneratedReport {
  atMs: number;
  input: ReportInput;
  topic: Topic;
  lang: Lang;
  channel: Channel;
  feederId: string;
  substationId: string | null;
  stormId: string | null;
}

export type SimEvent =
  | { kind: "report"; atMs: number; report: GeneratedReport }
  | { kind: "storm-start"; atMs: number; storm: StormPlan }
  | { kind: "storm-end"; atMs: number; storm: StormPlan };

type QueueItem =
  | { kind: "storm-report"; atMs: number; storm: StormPlan; place: FeederPlace }
  | { kind: "storm-start" | "storm-end"; atMs: number; storm: StormPlan };

export class SimStream {
  private readonly arrivals: Rng;
  private readonly storms: Rng;
  private readonly texts: Rng;
  private readonly picker: WeightedPicker<FeederPlace>;
  private readonly substations: Map<string, FeederPlace[]>;
  private readonly substationPicker: WeightedPicker<string>;
  private readonly dockets = newDocketState();
  private readonly queue: QueueItem[] = [];
  private nextBackground: number;
  private nextStorm: number;
  private stormSeq = 0;

  constructor(
    private readonly deps: StreamDeps,
    fromMs: number,
  ) {
    // The start instant is part of the seed so a restarted server does not replay yesterday's ids.
    this.arrivals = new Rng(hashSeed(deps.seed, fromMs, "arrivals"));
    this.storms = new Rng(hashSeed(deps.seed, fromMs, "storms"));
    this.texts = new Rng(hashSeed(deps.seed, fromMs, "texts"));
    const places = buildPlaces(deps);
    this.picker = new WeightedPicker(places.map((p) => ({ item: p, weight: p.weight })));
    this.substations = bySubstation(places);
    this.substationPicker = new WeightedPicker(
      [...this.substations].map(([id, list]) => ({
        item: id,
        weight: list.reduce((s, p) => s + p.weight, 0),
      })),
    );
    this.nextBackground = this.drawBackground(fromMs);
    this.nextStorm = this.drawStorm(fromMs);
  }

  private drawBackground(fromMs: number): number {
    if (this.picker.size === 0) return Number.POSITIVE_INFINITY;
    return nextArrival(
      fromMs,
      this.deps.ratePerHour,
      rateMultiplier,
      PEAK_MULTIPLIER,
      this.arrivals,
    );
  }

  private drawStorm(fromMs: number): number {
    if (this.substationPicker.size === 0) return Number.POSITIVE_INFINITY;
    const perHour = this.deps.stormsPerHour ?? DEFAULT_STORMS_PER_HOUR;
    return nextArrival(fromMs, perHour, stormMultiplier, STORM_PEAK, this.storms);
  }

  /** Time of the next event in ms (Infinity when nothing will ever happen). */
  peekTime(): number {
    return Math.min(
      this.nextBackground,
      this.nextStorm,
      this.queue[0]?.atMs ?? Number.POSITIVE_INFINITY,
    );
  }

  private enqueue(items: QueueItem[]): void {
    this.queue.push(...items);
    // Stable sort keeps start before the first report at the same instant.
    this.queue.sort((a, b) => a.atMs - b.atMs);
  }

  /** Starts a storm at `atMs` over a substation (one is picked by volume if none is given); null if impossible. */
  startStorm(atMs: number, substationId?: string): StormPlan | null {
    const id = substationId ?? this.substationPicker.pick(this.storms.next());
    const feeders = id ? this.substations.get(id) : undefined;
    if (!feeders) return null;
    const storm = planStorm(this.storms, feeders, atMs, ++this.stormSeq);
    if (!storm) return null;
    this.enqueue([
      { kind: "storm-start", atMs, storm },
      ...storm.reports.map((r) => ({
        kind: "storm-report" as const,
        atMs: r.atMs,
        storm,
        place: r.place,
      })),
      { kind: "storm-end", atMs: storm.endMs, storm },
    ]);
    return storm;
  }

  /** The next event; null when the stream is empty for ever (no feeders, no rate). */
  async next(): Promise<SimEvent | null> {
    const head = this.queue[0]?.atMs ?? Number.POSITIVE_INFINITY;
    if (this.nextStorm < head && this.nextStorm <= this.nextBackground) {
      const at = this.nextStorm;
      this.nextStorm = this.drawStorm(at);
      this.startStorm(at);
      return this.next();
    }
    if (head <= this.nextBackground && Number.isFinite(head)) {
      const item = this.queue.shift();
      if (!item) return null;
      if (item.kind !== "storm-report")
        return { kind: item.kind, atMs: item.atMs, storm: item.storm };
      return {
        kind: "report",
        atMs: item.atMs,
        report: await this.compose(item.atMs, item.place, item.storm.id),
      };
    }
    if (!Number.isFinite(this.nextBackground)) return null;
    const at = this.nextBackground;
    const place = this.picker.pick(this.arrivals.next());
    this.nextBackground = this.drawBackground(at);
    if (!place) return null;
    return { kind: "report", atMs: at, report: await this.compose(at, place, null) };
  }

  private async compose(
    atMs: number,
    place: FeederPlace,
    stormId: string | null,
  ): Promise<GeneratedReport> {
    const c = await composeReport({
      rng: this.texts,
      atMs,
      place,
      storm: stormId !== null,
      consumerOn: this.deps.consumerOn,
      dockets: this.dockets,
    });
    return {
      atMs,
      input: c.input,
      topic: c.topic,
      lang: c.lang,
      channel: c.channel,
      feederId: place.feeder.id,
      substationId: place.substation?.id ?? null,
      stormId,
    };
  }

  /**
   * Drops everything due before `ms` (after the host slept or the event loop stalled), so the
   * simulator resumes at the normal rate instead of firing a backlog. Returns the reports dropped.
   */
  skipTo(ms: number): number {
    let dropped = 0;
    while (this.queue.length && this.queue[0].atMs < ms) {
      const item = this.queue.shift();
      if (item?.kind === "storm-report") dropped++;
    }
    if (this.nextBackground < ms) {
      dropped++;
      this.nextBackground = this.drawBackground(ms);
    }
    if (this.nextStorm < ms) this.nextStorm = this.drawStorm(ms);
    return dropped;
  }
}
