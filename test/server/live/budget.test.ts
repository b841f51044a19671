import { signIn } from "../../support/auth.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  FEED_PER_UPDATE,
  SUMMARY_BYTES_PER_SECOND,
  SUMMARY_UPDATES_PER_SECOND,
} from "../../../shared/live.js";
import { bufferedBytes } from "../../../server/live/backpressure.js";
import { LiveTestClient } from "../../support/live-client.js";
import { RawLiveClient } from "../../support/raw-live.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";

const BYTES_PER_SECOND = 8000;
const MAX_BUFFERED = 64 * 1024;
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    config: {
      LIVE_BYTES_PER_SECOND: BYTES_PER_SECOND,
      LIVE_MAX_BUFFERED_BYTES: MAX_BUFFERED,
      LIVE_STALLED_MS: 5000,
      // The stalled screen below fills its buffer by asking for snapshots faster than anyone may.
      LIVE_SUBSCRIBES_PER_10S: 100_000,
    },
  });
});
afterAll(() => server.close());

async function burst(n: number, tag: string, inFlight = 40): Promise<void> {
  const feeders = server.app.network.feeders;
  for (let i = 0; i < n; i += inFlight) {
    await Promise.all(
      Array.from({ length: Math.min(inFlight, n - i) }, (_, k) => {
        const f = feeders[((i + k) * 7) % feeders.length];
        return postReport(server.url, {
          channel: "whatsapp",
          text: `${tag} ${i + k}: no supply since morning`,
          lat: f.lat,
          lon: f.lon,
          category: "supply_cut",
        });
      }),
    );
  }
}

/** Asks for snapshots on a stalled socket until `done`; returns the largest buffer seen. */
async function fillUntil(client: RawLiveClient, done: () => boolean): Promise<number> {
  let peak = 0;
  for (let i = 0; i < 5000 && !done(); i++) {
    client.send(`42/live,${1000 + i}${JSON.stringify(["subscribe", {}])}`);
    if (i % 10 === 9) {
      await new Promise((r) => setTimeout(r, 20));
      for (const s of server.app.hub.nsp.sockets.values()) peak = Math.max(peak, bufferedBytes(s));
    }
  }
  return peak;
}

/** Delta sizes as they arrive at a screen. */
function sizesOf(client: LiveTestClient): Array<{ at: number; bytes: number }> {
  const sizes: Array<{ at: number; bytes: number }> = [];
  client.socket.on("delta", (d) => sizes.push({ at: Date.now(), bytes: JSON.stringify(d).length }));
  return sizes;
}

/**
 * Token bucket: over any stretch, the bytes sent are at most one burst plus the rate times its
 * length, plus one delta's part that is never held back (the unit's counts, the first waiting
 * outage and the first report with its ticket: about 2.5 KB at most).
 */
function expectWithinBudget(sizes: Array<{ at: number; bytes: number }>, perSecond: number): void {
  for (let i = 0; i < sizes.length; i++) {
    let sent = 0;
    for (let j = i; j < sizes.length; j++) {
      sent += sizes[j].bytes;
      const span = (sizes[j].at - sizes[i].at) / 1000;
      expect(sent).toBeLessThanOrEqual(perSecond * (1 + span) + 2500);
    }
  }
}

describe("a screen's live budget", () => {
  it("keeps each screen's deltas within its byte budget under a burst of 2,000 reports, and every screen exact once it is over", async () => {
    const root = new LiveTestClient(server.url);
    const circleId = server.app.network.feeders[0].path[4];
    const circle = new LiveTestClient(server.url, circleId);
    // The minister's screen on the same unit: summary-sized, in rooms with their own budget.
    const summary = new LiveTestClient(server.url);
    await root.subscribe();
    await circle.subscribe();
    expect((await summary.subscribe(undefined, "counts")).level).toBe("counts");
    const sizes = sizesOf(root);
    const summarySizes = sizesOf(summary);

    await burst(2000, "budget", 80);
    const { projections, network } = server.app;
    const feedersUnder = (unitId: string) =>
      Object.fromEntries(
        Object.entries(projections.feederCountsUnder(unitId, (id) => network.unit(id)?.path))
          .filter(([, c]) => c.open > 0)
          .map(([id, c]) => [id, c.open]),
      );
    // Exact at the end: everything deferred for lack of budget has arrived.
    const districtsUnder = (unitId: string) =>
      Object.fromEntries(
        Object.entries(projections.districtCountsUnder(unitId))
          .filter(([, c]) => c.open > 0)
          .map(([id, c]) => [id, c.open]),
      );
    const childrenOf = (unitId: string) =>
      Object.fromEntries(
        [unitId, ...network.childrenOf(unitId)]
          .map((id) => [id, projections.counts(id).open] as const)
          .filter(([, open]) => open > 0),
      );
    // Exact at the end: everything deferred for lack of budget has arrived, on every screen.
    await vi.waitFor(
      () => {
        for (const [screen, unitId] of [
          [root, "network"],
          [circle, circleId],
          [summary, "network"],
        ] as const) {
          expect(screen.nonZero().feeders).toEqual(feedersUnder(unitId));
          expect(screen.nonZero().districts).toEqual(districtsUnder(unitId));
          expect(screen.nonZero().units).toEqual(childrenOf(unitId));
        }
      },
      { timeout: 60_000, interval: 200 },
    );
    expect(root.open("network")).toBe(projections.counts("network").open);
    expect(circle.open(circleId)).toBe(projections.counts(circleId).open);
    expect(summary.units.network).toEqual(projections.counts("network"));

    expect(sizes.length).toBeGreaterThan(3);
    expectWithinBudget(sizes, BYTES_PER_SECOND);
    // The summary screen: its own smaller budget, fewer updates, and never a feed or ticket row.
    expect(summarySizes.length).toBeGreaterThan(3);
    expectWithinBudget(summarySizes, SUMMARY_BYTES_PER_SECOND);
    const spanS = (summarySizes[summarySizes.length - 1].at - summarySizes[0].at) / 1000;
    expect(summarySizes.length).toBeLessThanOrEqual(
      Math.ceil(spanS * SUMMARY_UPDATES_PER_SECOND) + 2,
    );
    expect(summary.deltas.every((d) => d.delta.tickets.length + d.delta.events.length === 0)).toBe(
      true,
    );
    const deltas = root.deltas.map((d) => d.delta);
    expect(deltas.every((d) => d.events.length <= FEED_PER_UPDATE)).toBe(true);
    // Only tickets of the feed or of the lists the screen shows are sent, never the whole burst.
    expect(deltas.every((d) => d.tickets.length <= FEED_PER_UPDATE + 25)).toBe(true);
    root.close();
    circle.close();
    summary.close();
  }, 240_000);

  it("cuts off a screen that stops reading at its bound while the others keep receiving", async () => {
    const stalled = new RawLiveClient(server.url, (await signIn(server.url, "control")).cookie);
    await stalled.ready();
    let snapshotBytes = 0;
    stalled.onSnapshot = (_, size) => (snapshotBytes = size);
    await stalled.subscribe();
    const steady = new LiveTestClient(server.url);
    await steady.subscribe();
    const hub = server.app.hub;
    const cutBefore = hub.stats.cutOff;
    const socketsBefore = hub.clientCount;

    stalled.stall();
    // It keeps asking for snapshots and reads nothing: the server's buffer for it fills up, it is
    // held back at the bound, and cut off when it has not drained in LIVE_STALLED_MS.
    // The kernel's socket buffers fill first, so it is held back (and reset when the kernel takes
    // more) a few times before it is cut off: the process never holds more than the bound.
    const peak = await fillUntil(stalled, () => hub.stats.cutOff > cutBefore);
    await vi.waitFor(() => expect(hub.stats.cutOff).toBe(cutBefore + 1), { timeout: 10_000 });
    expect(hub.clientCount).toBe(socketsBefore - 1);
    // Bounded: never more than the limit plus one snapshot in flight.
    expect(snapshotBytes).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(MAX_BUFFERED + snapshotBytes + 1024);
    // Operators see it on /metrics (outside /api: no session needed).
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^nigrani_live_cut_off_total ${hub.stats.cutOff}$`, "m"));

    const before = steady.open("network");
    await burst(5, "after-cut");
    await steady.until((c) => c.open("network") === before + 5);
    stalled.close();
    steady.close();
  });

  it("holds deltas back from a lagging screen, then resets it to a fresh snapshot once it reads again", async () => {
    const slow = new RawLiveClient(server.url, (await signIn(server.url, "control")).cookie);
    await slow.ready();
    // What the screen shows: the network's open count, from snapshots and deltas by seq.
    let seq = -1;
    let open = -1;
    slow.onSnapshot = (snap) => {
      seq = snap.seq;
      open = snap.unit.open;
    };
    slow.onDelta = (d) => {
      if (d.seq < seq || (d.seq === seq && !d.continued && d.replayFrom === undefined)) return;
      seq = d.seq;
      open = d.units.network?.open ?? open;
    };
    await slow.subscribe();
    const hub = server.app.hub;
    const resetsBefore = hub.stats.resets;
    const cutBefore = hub.stats.cutOff;
    slow.stall();
    const onServer = hub.nsp.sockets.get(slow.sid)!;
    await fillUntil(slow, () => onServer.rooms.has("lagging"));
    await burst(20, "while lagging");
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    await vi.waitFor(() => expect(hub.stats.resets).toBeGreaterThan(resetsBefore), {
      timeout: 5000,
    });
    // Reading again, it catches up to exactly the server's counts.
    await vi.waitFor(() => expect(open).toBe(server.app.projections.counts("network").open), {
      timeout: 5000,
    });
    expect(onServer.connected).toBe(true);
    expect(hub.stats.cutOff).toBe(cutBefore);
    slow.close();
  });
});
