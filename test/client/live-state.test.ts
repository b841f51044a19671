import { describe, expect, it } from "vitest";
import { applyDelta, FEED_LIMIT, fromSnapshot } from "../../client/live/state.js";
import { counts, delta, event, incident, mapCounts, snapshot, ticket } from "./factories.js";
import { toWire } from "../../shared/counts.js";

const NOW = 1_000;

describe("live store: snapshot", () => {
  it("keeps the unit's counts at the snapshot's seq and fills the feed from recent tickets", () => {
    const s = fromSnapshot(snapshot(), NOW);
    expect(s.seq).toBe(10);
    expect(s.unit.open).toBe(2);
    expect(s.feed.map((e) => e.ticket.number)).toEqual(["LKO-000002", "LKO-000001"]);
    expect(s.feed.every((e) => !e.fresh)).toBe(true);
    expect(s.updatedAt).toBe(NOW);
  });
});

describe("live store: deltas", () => {
  const base = () => fromSnapshot(snapshot(), NOW);

  it("ignores a delta with a lower seq, so a late update never rolls counts back", () => {
    const s = base();
    const next = applyDelta(s, delta(8, { units: { network: counts({ open: 99 }) } }), NOW + 1);
    expect(next).toBe(s);
  });

  it("ignores a repeated delta at the same seq", () => {
    const s = base();
    expect(applyDelta(s, delta(10, { units: { network: counts({ open: 99 }) } }), NOW + 1)).toBe(s);
  });

  it("applies a replay delta after a reconnect, even at the same seq", () => {
    const s = base();
    const replay = delta(10, { units: { network: counts({ open: 7 }) }, replayFrom: 10 });
    expect(applyDelta(s, replay, NOW + 1)?.unit.open).toBe(7);
  });

  it("applies a continued delta at the same seq: feeder counts an earlier update had no budget for", () => {
    const s = base();
    const rest = delta(10, { feeders: { "F-9": toWire(mapCounts(3)) }, continued: true });
    expect(applyDelta(s, rest, NOW + 1)?.feeders["F-9"]?.open).toBe(3);
  });

  it("adds up the reports a storm's deltas left out of the feed", () => {
    let s = applyDelta(base(), delta(11, { moreEvents: 40 }), NOW)!;
    s = applyDelta(s, delta(12, { moreEvents: 2 }), NOW)!;
    expect(s.feedSkipped).toBe(42);
    expect(applyDelta(s, delta(12, { moreEvents: 9 }), NOW)).toBe(s);
  });

  it("applies a replay of missed events: counts, map and a new feed row", () => {
    const s = base();
    const t = ticket("LKO-000003", { seq: 12 });
    const replay = delta(12, {
      replayFrom: 10,
      units: { network: counts({ open: 3 }), up: counts({ open: 3 }) },
      feeders: { F1: toWire(mapCounts(3, 1)) },
      tickets: [t],
      events: [event(11, "LKO-000003"), event(12, "LKO-000003", "categorised")],
    });
    const next = applyDelta(s, replay, NOW + 5);
    expect(next?.seq).toBe(12);
    expect(next?.unit.open).toBe(3);
    expect(next?.children.up.open).toBe(3);
    expect(next?.feeders.F1).toEqual(mapCounts(3, 1));
    expect(next?.feed[0]).toMatchObject({ fresh: true, ticket: { number: "LKO-000003" } });
    expect(next?.feed).toHaveLength(3);
    expect(next?.updatedAt).toBe(NOW + 5);
  });

  it("drops a ticket from the feed and the urgent list when it is closed", () => {
    const s = base();
    const closed = ticket("LKO-000001", { seq: 11, status: "closed" });
    const next = applyDelta(s, delta(11, { tickets: [closed] }), NOW);
    expect(next?.feed.map((e) => e.ticket.number)).toEqual(["LKO-000002"]);
    expect(next?.urgent).toEqual([]);
  });

  it("drops a merged ticket too", () => {
    const merged = ticket("LKO-000002", { seq: 11, status: "merged" });
    const next = applyDelta(base(), delta(11, { tickets: [merged] }), NOW);
    expect(next?.feed.map((e) => e.ticket.number)).toEqual(["LKO-000001"]);
  });

  it("keeps the newer version of a ticket when an older summary arrives", () => {
    const s = fromSnapshot(
      snapshot({ recent: [ticket("LKO-000002", { seq: 9, slaState: "breached" })] }),
      NOW,
    );
    const older = ticket("LKO-000002", { seq: 4, slaState: "on_track" });
    const next = applyDelta(s, delta(11, { tickets: [older] }), NOW);
    expect(next?.feed[0].ticket.slaState).toBe("breached");
  });

  it("moves a ticket to the top when another report joins it", () => {
    const joined = ticket("LKO-000001", { seq: 11, reportCount: 2 });
    const next = applyDelta(
      base(),
      delta(11, { tickets: [joined], events: [event(11, "LKO-000001", "report_attached")] }),
      NOW,
    );
    expect(next?.feed.map((e) => e.ticket.number)).toEqual(["LKO-000001", "LKO-000002"]);
    expect(next?.feed[0].ticket.reportCount).toBe(2);
  });

  it("keeps the feed bounded, newest first", () => {
    let s = base();
    for (let i = 0; i < FEED_LIMIT + 10; i++) {
      const n = `GKP-${String(100 + i).padStart(6, "0")}`;
      s = applyDelta(
        s,
        delta(11 + i, { tickets: [ticket(n, { seq: 11 + i })], events: [event(11 + i, n)] }),
        NOW,
      )!;
    }
    expect(s.feed).toHaveLength(FEED_LIMIT);
    expect(s.feed[0].ticket.number).toBe(`GKP-${String(100 + FEED_LIMIT + 9).padStart(6, "0")}`);
  });

  it("keeps open incidents, updates them by seq and drops resolved ones", () => {
    let s = applyDelta(base(), delta(11, { incidents: [incident("I1"), incident("I2")] }), NOW)!;
    expect(s.incidents.map((i) => i.id)).toEqual(["I1", "I2"]);
    s = applyDelta(
      s,
      delta(12, { incidents: [incident("I1", { seq: 12, reportCount: 9 })] }),
      NOW,
    )!;
    expect(s.incidents[0].reportCount).toBe(9);
    s = applyDelta(
      s,
      delta(13, { incidents: [incident("I1", { seq: 13, status: "resolved" })] }),
      NOW,
    )!;
    expect(s.incidents.map((i) => i.id)).toEqual(["I2"]);
  });

  it("ignores deltas for another unit and before any snapshot", () => {
    expect(applyDelta(null, delta(11), NOW)).toBeNull();
    const s = base();
    expect(applyDelta(s, delta(11, { unitId: "up" }), NOW)).toBe(s);
  });
});
