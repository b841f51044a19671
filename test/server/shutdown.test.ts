import http from "node:http";
import { describe, expect, it } from "vitest";
import { DEMO_INTAKE_KEY } from "../support/auth.js";
import { startTestServer } from "../support/server.js";

/** One POST on its own connection (no keep-alive pool), resolving with the status. */
function post(url: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}/api/v1/reports`,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "x-api-key": DEMO_INTAKE_KEY },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

describe("graceful shutdown", () => {
  it("finishes every request in flight before it stops, then refuses new connections", async () => {
    const server = await startTestServer();
    const f = server.app.network.feeders[0];
    const n = 30;
    let received = 0;
    const allIn = new Promise<void>((resolve) =>
      server.app.http.on("request", () => {
        if (++received === n) resolve();
      }),
    );
    const inFlight = Array.from({ length: n }, (_, i) =>
      post(server.url, {
        channel: "app",
        text: `no supply ${i}`,
        lat: f.lat,
        lon: f.lon,
        category: "supply_cut",
      }),
    );
    await allIn;
    // All 30 are being filed right now; shutting down must not cut any of them off.
    await server.close();
    expect(await Promise.all(inFlight)).toEqual(new Array(n).fill(201));
    await expect(post(server.url, { channel: "app", text: "late" })).rejects.toThrow();
  });
});
