import { describe, expect, it } from "vitest";
import { LiveTestClient } from "../../support/live-client.js";
import { postReport, startTestServer } from "../../support/server.js";

describe("a server restarted on the same data directory", () => {
  it("serves identical counts", { timeout: 90_000 }, async () => {
    const first = await startTestServer({ keepData: true });
    const feeders = first.app.network.feeders;
    for (let i = 0; i < 30; i++) {
      const f = feeders[(i * 13) % feeders.length];
      await postReport(first.url, {
        channel: "app",
        text: `no supply ${i}`,
        lat: f.lat,
        lon: f.lon,
        category: i % 3 ? "supply_cut" : "pole_wire",
      });
    }
    await postReport(first.url, { channel: "x", text: "kuch karo" });
    const a = new LiveTestClient(first.url);
    await a.subscribe();
    await a.until((c) => c.seq === first.app.projections.seq);
    const counts = { units: a.units, districts: a.districts, feeders: a.feeders, seq: a.seq };
    a.close();
    await first.close();

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const b = new LiveTestClient(second.url);
      await b.subscribe();
      await b.until((c) => c.snapshots === 1);
      expect({ units: b.units, districts: b.districts, feeders: b.feeders, seq: b.seq }).toEqual(
        counts,
      );
      expect(second.app.network.units.size).toBe(first.app.network.units.size);
      b.close();
    } finally {
      await second.close();
    }
  });
});
