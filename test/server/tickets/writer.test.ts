import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NigraniApp } from "../../../server/app.js";
import { applyAction } from "../../../server/tickets/actions.js";
import { TicketError } from "../../../server/tickets/context.js";
import { fileOn, startTestApp } from "../../support/app.js";

let app: NigraniApp;
beforeAll(async () => {
  ({ app } = await startTestApp());
});
afterAll(() => app.close());

describe("TicketWriter group commit", () => {
  it("fails a refused command alone while the commands committed with it land, in seq order", async () => {
    const first = await fileOn(app, app.network.feeders[0]);
    const seen: number[] = [];
    const off = app.intake.writer["bus"].subscribe((c) => seen.push(c.seq));
    const results = await Promise.allSettled([
      ...app.network.feeders.slice(1, 11).map((f) => fileOn(app, f)),
      applyAction(
        app.intake,
        first.ticket.number,
        { type: "reopen", reason: "not possible from assigned" },
        "t",
      ),
      ...app.network.feeders.slice(11, 21).map((f) => fileOn(app, f)),
    ]);
    off();
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(TicketError);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen).toHaveLength(20);
    const stored = await app.store.getTicketByNumber(first.ticket.number);
    expect(stored?.status).toBe("assigned");
    expect((await app.store.eventsOfTicket(stored!.id)).map((e) => e.type)).toEqual([
      "created",
      "assigned",
    ]);
  });
});
