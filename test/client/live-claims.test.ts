import { describe, expect, it } from "vitest";
import { followed, type Claim } from "../../client/live/claims.js";

const badge: Claim = { unitId: undefined, level: "counts" };

describe("the subscription that serves every mounted screen", () => {
  it("is summary-sized on /summary and the wall: the badge and the screen ask for counts", () => {
    expect(followed([badge, { unitId: undefined, level: "counts" }])).toEqual({
      unitId: undefined,
      level: "counts",
    });
    expect(followed([{ unitId: "PuVVNL", level: "counts" }])).toEqual({
      unitId: "PuVVNL",
      level: "counts",
    });
  });

  it("is all the role allows when the control room is mounted, whatever order effects ran in", () => {
    const controlRoom: Claim = { unitId: undefined, level: undefined };
    expect(followed([badge, controlRoom]).level).toBeUndefined();
    expect(followed([controlRoom, badge]).level).toBeUndefined();
  });

  it("takes the most any screen asks for, and the latest specific unit", () => {
    expect(
      followed([badge, { unitId: "UP", level: "masked" }, { unitId: "AZM1", level: "counts" }]),
    ).toEqual({ unitId: "AZM1", level: "masked" });
    expect(followed([{ unitId: "UP", level: "counts" }, badge])).toEqual({
      unitId: "UP",
      level: "counts",
    });
  });
});
