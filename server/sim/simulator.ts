/**
 * The live demo/load simulator: reads the stream and submits each report when its time comes, with
 * one timer pending at a time. stop() cancels that timer, so a test process (or a server shutting
 * down) has nothing left scheduled.
 */
import type { Channel } from "../../shared/domain.js";
import type { Unit } from "../../shared/network.js";
import type { ReportInput } from "../../shared/schemas.js";
import { SimStream } from "./stream.js";
import type { GeneratedReport, SimEvent } from "./stream.js";
import type { Lang } from "./texts/types.js";

export interface SimConsumer {
  account: string;
  feederId: string;
  phone: string;
}

export interface SimulatorDeps {
  seed: number;
  /** Average reports per hour over a day (the evening peak is higher, the night lower). */
  ratePerHour: number;
  feeders: Unit[];
  units: Map<string, Unit>;
  districtNames: Map<string, { name: string; nameHi: string }>;
  /** A consumer on that feeder (the store looks one up), or null. */
  consumerOn(feederId: string, rnd: number): SimConsumer | null | Promise<SimConsumer | null>;
  /** Files one report; `report` is the truth behind it (topic, feeder), for the simulated people. */
  submit(input: ReportInput, report: GeneratedReport): Promise<unknown>;
  now(): Date;
  /** Injected so tests can drive time; defaults to setTimeout/clearTimeout. */
  setTimer?(fn: () => void, ms: number): { cancel(): void };
  /** Chance per hour that a storm starts (default ~0.15), storms last minutes. */
  stormsPerHour?: number;
  log?(msg: string, data?: object): void;
}

export interface SimStats {
  running: boolean;
  /** Reports handed to submit (including ones it then rejected). */
  sent: number;
  failed: number;
  /** Reports skipped because the process fell behind (sleep, stalls). */
  skipped: number;
  byChannel: Partial<Record<Channel, number>>;
  /** By what the consumer asked: a category, "other" or "vague". */
  byCategory: Record<string, number>;
  byLanguage: Partial<Record<Lang, number>>;
  storms: number;
  stormReports: number;
  /** Storms still sending, with their substation. */
  activeStorms: { id: string; substationId: string; substationName: string; untilMs: number }[];
}

export interface Simulator {
  start(): void;
  stop(): void;
  stormNow(substationId?: string): void;
  stats(): SimStats;
}

/** Beyond this lag the simulator skips ahead rather than firing a burst of stale reports. */
const MAX_LAG_MS = 60_000;

function defaultTimer(fn: () => void, ms: number): { cancel(): void } {
  const handle = setTimeout(fn, ms);
  return { cancel: () => clearTimeout(handle) };
}

function bump<K extends string>(counts: Partial<Record<K, number>>, key: K): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

export function createSimulator(deps: SimulatorDeps): Simulator {
  const setTimer = deps.setTimer ?? defaultTimer;
  const counts: Omit<SimStats, "running" | "activeStorms"> = {
    sent: 0,
    failed: 0,
    skipped: 0,
    byChannel: {},
    byCategory: {},
    byLanguage: {},
    storms: 0,
    stormReports: 0,
  };
  const active = new Map<string, SimStats["activeStorms"][number]>();
  let stream: SimStream | null = null;
  let timer: { cancel(): void } | null = null;
  let running = false;
  // Bumped by stop(): a step still awaiting submit sees it changed and schedules nothing.
  let generation = 0;
  // The generation whose step is running, so a restart while an old step awaits is not blocked by it.
  let stepping: number | null = null;

  function schedule(): void {
    timer?.cancel();
    timer = null;
    if (!running || stepping === generation || !stream) return;
    const at = stream.peekTime();
    if (!Number.isFinite(at)) return;
    timer = setTimer(
      () => {
        timer = null;
        void step();
      },
      Math.max(0, at - deps.now().getTime()),
    );
  }

  async function handle(event: SimEvent): Promise<void> {
    if (event.kind === "storm-start") {
      const s = event.storm;
      counts.storms++;
      active.set(s.id, {
        id: s.id,
        substationId: s.substationId,
        substationName: s.substationName,
        untilMs: s.endMs,
      });
      deps.log?.("simulator: storm started", {
        storm: s.id,
        substationId: s.substationId,
        substation: s.substationName,
        reports: s.reports.length,
        minutes: Math.round((s.endMs - s.startMs) / 6000) / 10,
      });
      return;
    }
    if (event.kind === "storm-end") {
      active.delete(event.storm.id);
      deps.log?.("simulator: storm ended", {
        storm: event.storm.id,
        substationId: event.storm.substationId,
      });
      return;
    }
    await send(event.report);
  }

  async function send(report: GeneratedReport): Promise<void> {
    // receivedAt is when it actually went in, which differs from the plan by the timer's slack.
    const input: ReportInput = { ...report.input, receivedAt: deps.now().toISOString() };
    counts.sent++;
    bump(counts.byChannel, report.channel);
    bump(counts.byCategory, report.topic);
    bump(counts.byLanguage, report.lang);
    if (report.stormId) counts.stormReports++;
    try {
      await deps.submit(input, report);
    } catch (err) {
      counts.failed++;
      deps.log?.("simulator: submit failed", {
        error: err instanceof Error ? err.message : String(err),
        channel: input.channel,
      });
    }
  }

  async function step(): Promise<void> {
    const gen = generation;
    const s = stream;
    if (!running || !s || stepping === gen) return;
    stepping = gen;
    try {
      const nowMs = deps.now().getTime();
      if (s.peekTime() < nowMs - MAX_LAG_MS) {
        const dropped = s.skipTo(nowMs);
        counts.skipped += dropped;
        deps.log?.("simulator: fell behind, skipped ahead", { dropped });
      }
      while (gen === generation && s.peekTime() <= deps.now().getTime()) {
        const event = await s.next();
        if (!event || gen !== generation) break;
        await handle(event);
      }
    } catch (err) {
      deps.log?.("simulator: step failed", {
        error: err instanceof Error ? err.message : String(err),
      });
    } finally {
      if (stepping === gen) stepping = null;
    }
    if (gen === generation) schedule();
  }

  return {
    start() {
      if (running) return;
      running = true;
      stream = new SimStream(deps, deps.now().getTime());
      deps.log?.("simulator: started", {
        seed: deps.seed,
        ratePerHour: deps.ratePerHour,
        feeders: deps.feeders.length,
      });
      schedule();
    },
    stop() {
      if (!running) return;
      running = false;
      generation++;
      timer?.cancel();
      timer = null;
      active.clear();
      deps.log?.("simulator: stopped", { sent: counts.sent });
    },
    stormNow(substationId) {
      if (!running || !stream) {
        deps.log?.("simulator: stormNow ignored, simulator not running");
        return;
      }
      const storm = stream.startStorm(deps.now().getTime(), substationId);
      if (!storm) {
        deps.log?.("simulator: no storm, unknown substation or no feeders under it", {
          substationId,
        });
        return;
      }
      schedule();
    },
    stats() {
      return {
        ...counts,
        running,
        byChannel: { ...counts.byChannel },
        byCategory: { ...counts.byCategory },
        byLanguage: { ...counts.byLanguage },
        activeStorms: [...active.values()],
      };
    },
  };
}

/** The next `n` reports with the truth behind them (topic, language, feeder, storm), without timers. */
export async function generateEvents(
  deps: Omit<SimulatorDeps, "submit">,
  n: number,
  from: Date,
): Promise<GeneratedReport[]> {
  const stream = new SimStream(deps, from.getTime());
  const out: GeneratedReport[] = [];
  while (out.length < n) {
    const event = await stream.next();
    if (!event) break;
    if (event.kind === "report") out.push(event.report);
  }
  return out;
}

/** Pure, for tests and the benchmark: the next n reports the simulator would send from a given instant, without timers. */
export async function generateReports(
  deps: Omit<SimulatorDeps, "submit">,
  n: number,
  from: Date,
): Promise<ReportInput[]> {
  return (await generateEvents(deps, n, from)).map((r) => r.input);
}
