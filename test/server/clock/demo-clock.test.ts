import { describe, expect, it } from "vitest";
import { DemoClock, isSettable } from "../../../server/clock/demo-clock.js";
import { systemClock } from "../../../server/clock/clock.js";

describe("the demo clock", () => {
  it("runs SIM_SPEED times faster than real time", () => {
    let real = Date.parse("2026-12-01T00:00:00Z");
    const clock = new DemoClock(60, () => real);
    const start = clock.now().getTime();
    real += 1000;
    expect(clock.now().getTime() - start).toBe(60_000);
  });

  it("stands where the backfill sets it, then runs on from there", () => {
    let real = Date.parse("2026-12-01T00:00:00Z");
    const clock = new DemoClock(10, () => real);
    clock.set("2026-11-20T10:00:00Z");
    real += 5000;
    expect(clock.now().toISOString()).toBe("2026-11-20T10:00:00.000Z");
    clock.run(new Date("2026-12-01T02:00:00Z"));
    real += 1000;
    expect(clock.now().toISOString()).toBe("2026-12-01T02:00:10.000Z");
  });

  it("never runs behind real time when started from the past", () => {
    const real = Date.parse("2026-12-01T00:00:00Z");
    const clock = new DemoClock(1, () => real);
    clock.set("2026-11-01T00:00:00Z");
    clock.run();
    expect(clock.now().getTime()).toBe(real);
  });

  it("is settable; the system clock is not", () => {
    expect(isSettable(new DemoClock())).toBe(true);
    expect(isSettable(systemClock)).toBe(false);
  });
});
