import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type NigraniApp } from "../../../server/app.js";
import { testConfig } from "../../../server/config.js";
import { LocalBus } from "../../../server/events/bus.js";
import { postReport } from "../../support/server.js";

let app: NigraniApp;
let url: string;
let failures = 0;
const reported: unknown[] = [];

beforeAll(async () => {
  const bus = new LocalBus((err) => reported.push(err));
  // A listener that fails on every change, subscribed before the app's own (projections, live).
  bus.subscribe(() => {
    failures++;
    throw new Error("listener bug");
  });
  app = await createApp({ config: testConfig({ DATA_DIR: ":memory:" }), bus });
  url = await app.listen();
});
afterAll(() => app.close());

describe("event bus", () => {
  it("answers the HTTP request and still updates the live counts when a listener throws", async () => {
    const feeder = app.network.feeders[3];
    const open = app.projections.counts("network").open;
    const res = await Promise.race([
      postReport(url, {
        channel: "app",
        text: "bijli nahi hai",
        category: "supply_cut",
        lat: feeder.lat,
        lon: feeder.lon,
      }),
      new Promise<"hung">((r) => setTimeout(() => r("hung"), 5000)),
    ]);
    expect(res).not.toBe("hung");
    expect(res === "hung" ? 0 : res.status).toBe(201);
    expect(failures).toBeGreaterThan(0);
    expect(reported).toHaveLength(failures);
    expect(app.projections.counts("network").open).toBe(open + 1);
  });

  it("keeps later commits flowing after a listener failed", async () => {
    const feeder = app.network.feeders[4];
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        postReport(url, { channel: "app", text: `report ${i}`, lat: feeder.lat, lon: feeder.lon }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
  });
});
