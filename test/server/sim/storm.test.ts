import { describe, expect, it } from "vitest";
import { reportInputSchema } from "../../../shared/schemas.js";
import { createSimulator, generateEvents } from "../../../server/sim/index.js";
import { SimStream } from "../../../server/sim/stream.js";
import type { GeneratedReport } from "../../../server/sim/stream.js";
import type { ReportInput } from "../../../shared/schemas.js";
import { FakeClock } from "./fake-timers.js";
import { fakeNetwork, simDeps } from "./fake-network.js";

const FROM = new Date("2025-05-21T11:00:00Z"); // 16:30 IST, storm season afternoon

describe("storms", () => {
  it("concentrate 30 or more supply-cut reports on one substation's feeders within 15 minutes", async () => {
    const net = fakeNetwork();
    const target = net.substations.find((s) => s.id === "pvvnl-ss2");
    expect(target).toBeDefined();
    const stream = new SimStream(simDeps({ ratePerHour: 0, stormsPerHour: 0 }), FROM.getTime());
    const storm = stream.startStorm(FROM.getTime(), "pvvnl-ss2");
    expect(storm).not.toBeNull();

    const reports: GeneratedReport[] = [];
    let started = 0;
    let ended = 0;
    for (;;) {
      const event = await stream.next();
      if (!event) break;
      if (event.kind === "storm-start") started++;
      if (event.kind === "storm-end") ended++;
      if (event.kind === "report") reports.push(event.report);
    }
    expect([started, ended]).toEqual([1, 1]);
    expect(reports.length).toBeGreaterThanOrEqual(30);
    expect(reports.length).toBeLessThanOrEqual(120);
    expect(reports.every((r) => r.topic === "supply_cut" && r.substationId === "pvvnl-ss2")).toBe(
      true,
    );
    expect(reports.every((r) => r.atMs - FROM.getTime() <= 15 * 60_000)).toBe(true);
    expect(reports.every((r) => reportInputSchema.safeParse(r.input).success)).toBe(true);

    // Many from the same feeder: the one where the tree fell.
    const perFeeder = new Map<string, number>();
    for (const r of reports) perFeeder.set(r.feederId, (perFeeder.get(r.feederId) ?? 0) + 1);
    expect(Math.max(...perFeeder.values())).toBeGreaterThanOrEqual(reports.length * 0.3);
    expect(new Set(reports.map((r) => r.channel)).size).toBeGreaterThanOrEqual(3);
    const stormWords =
      /aandhi|toofan|storm|आंधी|तूफान|पेड़|तार टूट|ped gir|taar toot|thunderstorm|tree fell/i;
    expect(reports.filter((r) => stormWords.test(r.input.text)).length).toBeGreaterThan(
      reports.length * 0.6,
    );
  });

  it("start on their own at about the configured rate, each on one substation", async () => {
    const events = await generateEvents(simDeps({ ratePerHour: 60, stormsPerHour: 1 }), 2000, FROM);
    const storms = new Map<string, Set<string>>();
    for (const e of events) {
      if (!e.stormId) continue;
      const subs = storms.get(e.stormId) ?? new Set<string>();
      subs.add(e.substationId ?? "");
      storms.set(e.stormId, subs);
    }
    expect(storms.size).toBeGreaterThan(3);
    for (const subs of storms.values()) expect(subs.size).toBe(1);
  });

  it("stormNow() floods the chosen substation and logs the start and the end", async () => {
    const clock = new FakeClock(FROM);
    const sent: ReportInput[] = [];
    const logs: string[] = [];
    const deps = simDeps({
      ratePerHour: 0,
      stormsPerHour: 0,
      now: clock.now,
      setTimer: clock.setTimer,
    });
    const sim = createSimulator({
      ...deps,
      submit: async (input) => void sent.push(input),
      log: (msg) => void logs.push(msg),
    });
    sim.start();
    sim.stormNow("mvvnl-ss1");
    await clock.advance(15 * 60_000);
    const stats = sim.stats();
    expect(stats.storms).toBe(1);
    expect(stats.stormReports).toBeGreaterThanOrEqual(30);
    expect(sent.length).toBe(stats.stormReports);
    expect(stats.byCategory.supply_cut).toBe(sent.length);
    expect(logs).toContain("simulator: storm started");
    expect(logs).toContain("simulator: storm ended");
    expect(stats.activeStorms).toEqual([]);
    sim.stop();
    expect(clock.pending()).toBe(0);
  });

  it("stormNow() with an unknown substation logs and sends nothing", async () => {
    const clock = new FakeClock(FROM);
    const logs: string[] = [];
    const sim = createSimulator({
      ...simDeps({ ratePerHour: 0, stormsPerHour: 0, now: clock.now, setTimer: clock.setTimer }),
      submit: async () => undefined,
      log: (msg) => void logs.push(msg),
    });
    sim.start();
    sim.stormNow("no-such-substation");
    await clock.advance(20 * 60_000);
    expect(sim.stats().sent).toBe(0);
    expect(logs.some((l) => l.includes("no storm"))).toBe(true);
    sim.stop();
  });
});
