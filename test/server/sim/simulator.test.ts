import { describe, expect, it, vi } from "vitest";
import type { ReportInput } from "../../../shared/schemas.js";
import { createSimulator, generateReports } from "../../../server/sim/index.js";
import { FakeClock, settle } from "./fake-timers.js";
import { simDeps } from "./fake-network.js";

const FROM = new Date("2025-05-21T14:00:00Z"); // 19:30 IST, evening peak

function harness(ratePerHour = 600, submit?: (input: ReportInput) => Promise<unknown>) {
  const clock = new FakeClock(FROM);
  const sent: ReportInput[] = [];
  const sim = createSimulator({
    ...simDeps({ ratePerHour, stormsPerHour: 0, now: clock.now, setTimer: clock.setTimer }),
    submit: submit ?? (async (input) => void sent.push(input)),
  });
  return { clock, sent, sim };
}

describe("createSimulator", () => {
  it("submits reports as simulated time passes, with one timer pending at a time", async () => {
    const { clock, sent, sim } = harness();
    expect(clock.pending()).toBe(0);
    sim.start();
    expect(clock.pending()).toBe(1);
    for (let i = 0; i < 10; i++) {
      await clock.advance(60_000);
      expect(clock.pending()).toBe(1);
    }
    // 600/h mean is about 1,400/h at 19:30-19:40 IST: some 150-300 in ten minutes.
    expect(sent.length).toBeGreaterThan(120);
    expect(sent.length).toBeLessThan(350);
    expect(sim.stats().sent).toBe(sent.length);
    expect(sim.stats().running).toBe(true);
    sim.stop();
  });

  it("leaves no timer pending after stop(), and sends nothing more", async () => {
    const { clock, sent, sim } = harness();
    sim.start();
    await clock.advance(5 * 60_000);
    const before = sent.length;
    sim.stop();
    expect(clock.pending()).toBe(0);
    await clock.advance(30 * 60_000);
    expect(sent.length).toBe(before);
    expect(sim.stats().running).toBe(false);
  });

  it("sends what generateReports predicts for the same seed and start, stamped with the time it went in", async () => {
    const { clock, sent, sim } = harness(300);
    sim.start();
    await clock.advance(20 * 60_000);
    sim.stop();
    const predicted = await generateReports(
      simDeps({ ratePerHour: 300, stormsPerHour: 0 }),
      sent.length,
      FROM,
    );
    expect(sent.map(({ receivedAt: _r, ...rest }) => rest)).toEqual(
      predicted.map(({ receivedAt: _r, ...rest }) => rest),
    );
    expect(sent.map((s) => s.receivedAt)).toEqual(predicted.map((p) => p.receivedAt));
  });

  it("stops cleanly while a submit is still in flight", async () => {
    let release: () => void = () => undefined;
    const { clock, sim } = harness(600, () => new Promise<void>((resolve) => (release = resolve)));
    sim.start();
    await clock.advance(60_000);
    sim.stop();
    release();
    await settle();
    expect(clock.pending()).toBe(0);
  });

  it("keeps going when submit rejects, counting failures", async () => {
    const { clock, sim } = harness(600, async () => {
      throw new Error("store down");
    });
    sim.start();
    await clock.advance(5 * 60_000);
    const stats = sim.stats();
    expect(stats.sent).toBeGreaterThan(10);
    expect(stats.failed).toBe(stats.sent);
    expect(clock.pending()).toBe(1);
    sim.stop();
  });

  it("skips ahead after the host slept instead of firing a backlog", async () => {
    const { clock, sent, sim } = harness();
    sim.start();
    await clock.advance(60_000);
    const before = sent.length;
    clock.jump(3 * 3_600_000);
    await clock.fireDue();
    expect(sent.length - before).toBeLessThan(5);
    expect(sim.stats().skipped).toBeGreaterThan(0);
    sim.stop();
  });

  it("can be restarted after stop", async () => {
    const { clock, sent, sim } = harness();
    sim.start();
    await clock.advance(60_000);
    sim.stop();
    sim.start();
    await clock.advance(60_000);
    expect(clock.pending()).toBe(1);
    expect(sent.length).toBeGreaterThan(5);
    sim.stop();
    expect(clock.pending()).toBe(0);
  });

  it("works with real timers and lets the process exit after stop", async () => {
    const sent: ReportInput[] = [];
    const sim = createSimulator({
      ...simDeps({ ratePerHour: 360_000, stormsPerHour: 0, now: () => new Date() }),
      submit: async (input) => void sent.push(input),
    });
    sim.start();
    // Real timers on a busy machine: wait for reports to flow rather than for a fixed time.
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(3), {
      timeout: 15_000,
      interval: 20,
    });
    sim.stop();
    const atStop = sent.length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(sent.length).toBe(atStop);
  });
});
