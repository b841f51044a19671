import { describe, expect, it } from "vitest";
import {
  DIURNAL_SHAPE,
  PEAK_MULTIPLIER,
  istHour,
  rateMultiplier,
  ratePerHourAt,
  supplyBoost,
} from "../../../server/sim/curve.js";

/** 2025-05-21 at the given IST hour (IST = UTC + 5:30). */
const ist = (hour: number, minute = 0) =>
  new Date(Date.UTC(2025, 4, 21, hour, minute) - 330 * 60_000);

describe("diurnal arrival curve", () => {
  it("reads the hour of day in IST, not UTC", () => {
    expect(istHour(new Date("2025-05-21T13:30:00Z"))).toBeCloseTo(19, 6);
    expect(istHour(new Date("2025-05-21T20:00:00Z"))).toBeCloseTo(1.5, 6);
  });

  it("makes the evening hour more than twice as busy as 3 am", () => {
    expect(ratePerHourAt(ist(20), 100)).toBeGreaterThan(2 * ratePerHourAt(ist(3), 100));
    expect(rateMultiplier(ist(21))).toBeGreaterThan(4 * rateMultiplier(ist(3)));
  });

  it("peaks in the evening at 2 to 3 times the daily mean and is lowest before dawn", () => {
    expect(PEAK_MULTIPLIER).toBeGreaterThanOrEqual(2);
    expect(PEAK_MULTIPLIER).toBeLessThanOrEqual(3);
    const peakHour = DIURNAL_SHAPE.indexOf(PEAK_MULTIPLIER);
    expect(peakHour).toBeGreaterThanOrEqual(19);
    expect(peakHour).toBeLessThanOrEqual(23);
    const lowHour = DIURNAL_SHAPE.indexOf(Math.min(...DIURNAL_SHAPE));
    expect(lowHour).toBeGreaterThanOrEqual(1);
    expect(lowHour).toBeLessThanOrEqual(5);
  });

  it("averages exactly the configured rate over a day", () => {
    let sum = 0;
    const steps = 24 * 60;
    for (let m = 0; m < steps; m++) sum += ratePerHourAt(ist(0, m), 250);
    expect(sum / steps).toBeCloseTo(250, 1);
  });

  it("boosts supply complaints in the evening and damps them in office hours", () => {
    expect(supplyBoost(ist(20))).toBeGreaterThan(1);
    expect(supplyBoost(ist(11))).toBeLessThan(1);
  });
});
