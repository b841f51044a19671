import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import type { TicketChange } from "../../../server/events/bus.js";
import { DEFAULT_BUDGET, Room, SUMMARY_BUDGET } from "../../../server/live/room.js";
import type { IncidentRow } from "../../../server/store/schema.js";
import { fileOn, startTestApp } from "../../support/app.js";

let app: NigraniApp;
/** Real committed changes, as the hub is handed them. */
const changes: TicketChange[] = [];

beforeAll(async () => {
  ({ app } = await startTestApp());
  const onChange = app.hub.onChange.bind(app.hub);
  app.hub.onChange = (change, touched) => {
    changes.push(change);
    onChange(change, touched);
  };
  for (let i = 0; i < 6; i++) await fileOn(app, app.network.feeders[i]);
});
afterAll(() => app.close());

/** An open outage on a feeder with a long list of covered feeders (a big alarm row). */
function outage(i: number): IncidentRow {
  const f = app.network.feeders[i % app.network.feeders.length];
  return {
    id: `inc-test-${i}`,
    feeder_id: f.id,
    substation_id: f.path[f.path.length - 2],
    path: JSON.stringify(f.path),
    status: "open",
    started_at: new Date(0).toISOString(),
    resolved_at: null,
    report_count: 10 + i,
    consumers_affected: 1000,
    ticket_count: 3,
    resolution_note: null,
    last_seq: i,
    feeders: JSON.stringify(Array.from({ length: 8 }, (_, k) => `${f.id}-${k}`)),
  };
}

describe("a room's delta", () => {
  it("in a summary room carries counts and outages, never the feed or ticket rows", () => {
    const room = new Room("network", "summary", SUMMARY_BUDGET, 0);
    const stream = new Room("network", "stream", DEFAULT_BUDGET, 0);
    for (const c of changes) {
      room.addChange(c, null);
      stream.addChange(c, null);
    }
    const { delta } = room.takeDelta(app.projections, 0);
    expect(delta.tickets).toEqual([]);
    expect(delta.events).toEqual([]);
    expect(delta.moreEvents).toBeUndefined();
    expect(delta.units.network).toEqual(app.projections.counts("network"));
    // The same changes in a stream room do fill the feed (so the check above can fail).
    expect(stream.takeDelta(app.projections, 0).delta.events.length).toBeGreaterThan(0);
  });

  it("lets outages share the budget: a storm of them is spread over deltas, none lost", () => {
    const room = new Room("network", "summary", SUMMARY_BUDGET, 0);
    const n = 40;
    for (let i = 0; i < n; i++) room.addChange(changes[0], outage(i));
    const seen = new Set<string>();
    let at = 0;
    let deltas = 0;
    while (room.dirty && deltas < 100) {
      at += room.waitMs(at);
      const { delta, bytes } = room.takeDelta(app.projections, at);
      deltas++;
      for (const i of delta.incidents) seen.add(i.id);
      // Never more than the bucket holds plus the part that always goes (counts, one outage).
      expect(bytes).toBeLessThanOrEqual(SUMMARY_BUDGET.burstBytes + 1500);
      expect(delta.incidents.length).toBeGreaterThan(0);
    }
    expect(seen.size).toBe(n);
    expect(deltas).toBeGreaterThan(1);
    // Spread at the budget's rate: 40 outages of about 400 bytes at 6 KB/s take seconds, not one.
    expect(at).toBeGreaterThan(1000);
  });

  it("goes out at once after a quiet moment, and waits one tick of the budget under load", () => {
    for (const budget of [DEFAULT_BUDGET, SUMMARY_BUDGET]) {
      const tickMs = 1000 / budget.updatesPerSecond!;
      const room = new Room("network", "summary", budget, 0);
      room.addChange(changes[0], null);
      expect(room.waitMs(10_000)).toBe(0);
      room.takeDelta(app.projections, 10_000);
      room.addChange(changes[1], null);
      const wait = room.waitMs(10_000);
      expect(wait).toBeGreaterThanOrEqual(tickMs);
      // Quiet again: the next change goes at once.
      room.takeDelta(app.projections, 10_000 + wait);
      room.addChange(changes[2], null);
      expect(room.waitMs(20_000)).toBe(0);
    }
  });
});
