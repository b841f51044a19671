import { describe, expect, it } from "vitest";
import {
  districtBreaks,
  districtColour,
  DISTRICT_RAMP,
  feederRadius,
} from "../../client/panels/map/scales.js";

describe("map scales", () => {
  it("shades districts in five classes of round width, none open darkest", () => {
    expect(districtBreaks(0)).toEqual([]);
    expect(districtBreaks(23)).toEqual([5, 10, 15, 20, 25]);
    expect(districtBreaks(3)).toEqual([1, 2, 3, 4, 5]);
    const breaks = districtBreaks(230);
    expect(breaks).toEqual([50, 100, 150, 200, 250]);
    expect(districtColour(0, breaks)).toBe(DISTRICT_RAMP[0]);
    expect(districtColour(1, breaks)).toBe(DISTRICT_RAMP[1]);
    expect(districtColour(230, breaks)).toBe(DISTRICT_RAMP[5]);
  });

  it("sizes feeder circles by the square root of open tickets, capped", () => {
    expect(feederRadius(4) - feederRadius(0)).toBeCloseTo(2 * (feederRadius(1) - feederRadius(0)));
    expect(feederRadius(10_000)).toBe(18);
  });
});
