import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../../server/clock/clock.js";
import type { NigraniApp } from "../../../server/app.js";
import { summary } from "../../../server/stats/summary.js";
import { fileOn, startTestApp } from "../../support/app.js";

let app: NigraniApp;
let clock: ManualClock;
const DAY = 86_400_000;

beforeAll(async () => {
  ({ app, clock } = await startTestApp());
});
afterAll(() => app.close());

const tiles = () =>
  summary(
    {
      store: app.store,
      network: app.network,
      projections: app.projections,
      limits: app.settings.get().slaLimits,
    },
    clock.now(),
  ).then((s) => s.tiles);

describe("summary trends", () => {
  it("counts a breached ticket opened this week once in 'open yesterday', so an unchanged load is flat", async () => {
    for (let i = 0; i < 6; i++) await fileOn(app, app.network.feeders[i]);
    // Three days on, nothing was resolved: the six tickets are breached and were open yesterday too.
    for (let d = 0; d < 3; d++) {
      clock.advance(DAY);
      await app.sweeper.runOnce();
    }
    const network = (await tiles()).find((t) => t.unitId === "network")!;
    expect(network.open).toBe(6);
    expect(network.breached).toBe(6);
    expect(network.trend.open).toBe("flat");
  });
});

describe("summary totals", () => {
  it("reconcile: the states plus the 'not yet placed' line add up to the whole network", async () => {
    await fileOn(app, app.network.feeders[1], { lat: undefined, lon: undefined, text: "no light" });
    await fileOn(app, app.network.feeders[1], {
      lat: undefined,
      lon: undefined,
      text: "light gone",
      phone: "9811111111",
    });
    const all = await tiles();
    const network = all.find((t) => t.unitId === "network")!;
    const states = all.filter((t) => t.kind === "state");
    expect(network.notPlaced?.open).toBe(2);
    for (const k of ["receivedToday", "open", "breached"] as const) {
      expect(states.reduce((a, t) => a + t[k], 0) + network.notPlaced![k]).toBe(network[k]);
    }
  });
});
