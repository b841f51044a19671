import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { FEED_PER_UPDATE } from "../../../shared/live.js";
import type { Unit } from "../../../shared/network.js";
import { LiveTestClient } from "../../support/live-client.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";

let server: TestServer;
const clients: LiveTestClient[] = [];
const client = (unitId?: string) => {
  const c = new LiveTestClient(server.url, unitId);
  clients.push(c);
  return c;
};
const reportOn = (f: Unit, text = "no supply since evening") =>
  postReport(server.url, {
    channel: "whatsapp",
    text,
    lat: f.lat,
    lon: f.lon,
    category: "supply_cut",
  });

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});
afterAll(() => server.close());

function twoFeedersInDifferentDistricts(): [Unit, Unit] {
  const feeders = server.app.network.feeders;
  const a = feeders[3];
  const b = feeders.find((f) => f.districtId !== a.districtId && f.path[2] !== a.path[2]);
  if (!b) throw new Error("network has one district only");
  return [a, b];
}

describe("live /live namespace", () => {
  it("moves the counts of the feeder and every ancestor up to the root for a subscribed client", async () => {
    const [feeder] = twoFeedersInDifferentDistricts();
    const watchers = feeder.path.map((unitId) => client(unitId));
    for (const w of watchers) expect((await w.subscribe()).ok).toBe(true);
    const before = watchers.map((w) => w.open(w.unitId!));
    const res = await reportOn(feeder);
    expect(res.status).toBe(201);
    for (const [i, w] of watchers.entries()) {
      await w.until((c) => c.open(c.unitId!) === before[i] + 1);
      // Each watcher also sees the child on the path move, so a drill-down table stays right.
      const child = feeder.path[i + 1];
      if (child) expect(w.units[child]?.open).toBeGreaterThan(0);
    }
    const root = watchers[0];
    expect(root.feeders[feeder.id]?.open).toBeGreaterThan(0);
    expect(root.districts[feeder.districtId!]?.open).toBeGreaterThan(0);
  });

  it("shows a client subscribed to another district nothing of the report", async () => {
    const [a, b] = twoFeedersInDifferentDistricts();
    const otherCircle = b.path[4];
    const watcher = client(otherCircle);
    const rootWatcher = client();
    await watcher.subscribe();
    await rootWatcher.subscribe();
    const seqBefore = rootWatcher.seq;
    await reportOn(a);
    await rootWatcher.until((c) => c.seq > seqBefore);
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.deltas).toHaveLength(0);
  });

  it("answers subscribes one at a time in the order asked, so the last unit asked for is the one watched", async () => {
    // A screen moved quickly between units (a wall rotating, clicks through a drill-down) asks
    // again before the previous answer came: the whole network's snapshot takes longer to build
    // than a feeder's, and must not land after the feeder's and take the screen back.
    const [feeder, other] = twoFeedersInDifferentDistricts();
    const c = client(feeder.id);
    await c.connect();
    const root = server.app.network.root.id;
    const order: string[] = [];
    c.socket.on("snapshot", (s) => order.push(s.unitId));
    const asked = [root, feeder.id, root, feeder.id, root, feeder.id];
    const acks = await Promise.all(
      asked.map((unitId) => c.socket.emitWithAck("subscribe", { unitId })),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    expect(order).toEqual(asked);
    // Only the feeder's room: a report elsewhere sends it nothing, one on the feeder moves it.
    const seen = c.deltas.length;
    expect((await reportOn(other)).status).toBe(201);
    expect((await reportOn(feeder)).status).toBe(201);
    await c.until((x) => x.deltas.length > seen);
    for (const { delta } of c.deltas.slice(seen))
      expect(Object.keys(delta.units)).not.toContain(root);
  });

  it("refuses to subscribe to a unit that does not exist", async () => {
    const c = client("no-such-unit");
    const ack = await c.subscribe();
    expect(ack.ok).toBe(false);
    expect(ack.error?.code).toBe("not_found");
  });

  it("coalesces a burst to at most about 10 updates a second and loses no count", async () => {
    const c = client();
    await c.subscribe();
    const start = c.open("network");
    const feeders = server.app.network.feeders;
    const n = 120;
    await Promise.all(
      Array.from({ length: n }, (_, i) => reportOn(feeders[i % feeders.length], `burst ${i}`)),
    );
    await c.until((x) => x.open("network") === start + n);
    const times = c.deltas.map((d) => d.at);
    const spanS = Math.max(0.1, (times[times.length - 1] - times[0]) / 1000);
    // 10 a second, plus the first one that goes out at once.
    // (How long the burst takes depends on the machine's load; the bound is per second of it.)
    expect(c.deltas.length).toBeLessThanOrEqual(Math.ceil(spanS * 10) + 2);
    expect(c.deltas.length).toBeLessThan(n);
    // The feed is capped per update; what was left out is counted, so every report is accounted for.
    const created = c.events.filter((e) => e.type === "created");
    const more = c.deltas.reduce((sum, d) => sum + (d.delta.moreEvents ?? 0), 0);
    expect(created.length + more).toBe(n);
    expect(c.deltas.every((d) => d.delta.events.length <= FEED_PER_UPDATE)).toBe(true);
  });

  it("gives a client that reconnects with sinceSeq exactly what it missed, matching one that never left", async () => {
    const steady = client();
    const flaky = client();
    await steady.subscribe();
    await flaky.subscribe();
    const feeders = server.app.network.feeders;
    await reportOn(feeders[1]);
    await flaky.until((c) => c.seq === server.app.projections.seq);
    const lastSeq = flaky.seq;
    const eventsBefore = flaky.events.length;
    flaky.socket.disconnect();
    for (let i = 0; i < 50; i++)
      await reportOn(feeders[(i * 7) % feeders.length], `while away ${i}`);
    await steady.until((c) => c.seq === server.app.projections.seq);

    flaky.socket.connect();
    await new Promise<void>((resolve) => flaky.socket.once("connect", () => resolve()));
    const ack = await flaky.subscribe(lastSeq);
    expect(ack.mode).toBe("replay");
    await flaky.until((c) => c.seq === steady.seq);
    // Counts a delta had no budget for follow in the next ones; both screens end up exact.
    await vi.waitFor(() => expect(flaky.nonZero()).toEqual(steady.nonZero()), { timeout: 5000 });
    const missed = flaky.events.slice(eventsBefore);
    expect(missed.filter((e) => e.type === "created")).toHaveLength(50);
    expect(new Set(missed.map((e) => e.seq)).size).toBe(missed.length);
    expect(missed.every((e) => e.seq > lastSeq)).toBe(true);
  });

  it("sends a fresh snapshot when the gap is too old to replay", async () => {
    const c = client();
    await c.subscribe();
    const ack = await c.subscribe(0);
    // seq 0 is further back than the replay limit only on a busy server; on this one it replays.
    expect(["replay", "snapshot"]).toContain(ack.mode);
    const future = await c.subscribe(server.app.projections.seq + 10);
    expect(future.mode).toBe("snapshot");
  });
});
