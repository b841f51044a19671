import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ManualClock } from "../../../server/clock/clock.js";
import type { NigraniApp } from "../../../server/app.js";
import { applyAction } from "../../../server/tickets/actions.js";
import { Projections } from "../../../server/projections/counts.js";
import type { Store } from "../../../server/store/store.js";
import { fileOn, startTestApp } from "../../support/app.js";

let app: NigraniApp;
let clock: ManualClock;

beforeAll(async () => {
  ({ app, clock } = await startTestApp());
  for (let i = 0; i < 5; i++) await fileOn(app, app.network.feeders[i]);
});
afterAll(() => app.close());

/** The store, but with a hook that runs between the rebuild's reads. */
function storeWithPause(store: Store, duringRead: () => Promise<void>): Store {
  const paused = Object.create(store) as Store;
  paused.maxSeq = async () => {
    const seq = await store.maxSeq();
    await duringRead();
    return seq;
  };
  return paused;
}

async function freshCounts() {
  const p = new Projections(clock);
  await p.rebuild(app.store);
  return p.counts("network");
}

describe("Projections.rebuild", () => {
  it("counts a ticket filed while the rebuild reads the store once, not twice", async () => {
    const before = app.projections.counts("network").open;
    await app.projections.rebuild(
      storeWithPause(app.store, async () => {
        await fileOn(app, app.network.feeders[7]);
        await fileOn(app, app.network.feeders[8], { category: "bill_generation", text: "bill" });
      }),
    );
    const after = app.projections.counts("network");
    expect(after.open).toBe(before + 2);
    expect(after).toEqual(await freshCounts());
  });

  it("keeps a change to an already counted ticket from being counted on top of its new state", async () => {
    const t = await fileOn(app, app.network.feeders[9]);
    await app.projections.rebuild(
      storeWithPause(app.store, async () => {
        await applyAction(app.intake, t.ticket.number, { type: "start" }, "test");
        await applyAction(app.intake, t.ticket.number, { type: "resolve", note: "fixed" }, "test");
      }),
    );
    expect(app.projections.counts("network")).toEqual(await freshCounts());
  });
});
