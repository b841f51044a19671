import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TicketAction } from "../../../shared/schemas.js";
import type { ManualClock } from "../../../server/clock/clock.js";
import type { NigraniApp } from "../../../server/app.js";
import { applyAction } from "../../../server/tickets/actions.js";
import { TicketError } from "../../../server/tickets/context.js";
import { giveFeedback } from "../../../server/tickets/feedback.js";
import { scorecards } from "../../../server/tickets/scorecards.js";
import { fileOn, otpSentFor, startTestApp } from "../../support/app.js";

let app: NigraniApp;
let clock: ManualClock;
const act = (number: string, action: TicketAction) =>
  applyAction(app.intake, number, action, "test-operator");
const refusal = async (p: Promise<{ refusal?: TicketError }>) => {
  try {
    const r = await p;
    return r.refusal ?? null;
  } catch (err) {
    if (err instanceof TicketError) return err;
    throw err;
  }
};

beforeAll(async () => {
  ({ app, clock } = await startTestApp());
});
afterAll(() => app.close());

describe("routing", () => {
  it("assigns a supply cut to the JE of the feeder's substation and a bill complaint to the SDO", async () => {
    const feeder = app.network.feeders[5];
    const supply = await fileOn(app, feeder);
    const bill = await fileOn(app, feeder, {
      category: "bill_generation",
      text: "bill galat aaya",
    });
    const je = app.officers.get(supply.ticket.assignee_id);
    const sdo = app.officers.get(bill.ticket.assignee_id);
    expect(supply.ticket.status).toBe("assigned");
    expect(je?.role).toBe("je");
    expect(je?.unit_id).toBe(feeder.path[feeder.path.length - 2]);
    expect(sdo?.role).toBe("sdo");
    expect(feeder.path).toContain(sdo?.unit_id);
  });

  it("follows a unit-specific rule from the routing table (functional verticals)", async () => {
    const feeder = app.network.feeders[9];
    const division = feeder.path[5];
    await app.settings.update(
      {
        routing: [
          ...app.settings.get().routing,
          { category: "bill_generation", role: "xen", unitId: division },
        ],
      },
      clock.now().toISOString(),
    );
    const bill = await fileOn(app, feeder, { category: "bill_generation", text: "bill nahi aaya" });
    expect(app.officers.get(bill.ticket.assignee_id)?.role).toBe("xen");
    await app.settings.update(
      { routing: app.settings.get().routing.filter((r) => !r.unitId) },
      clock.now().toISOString(),
    );
  });

  it("routes to the stand-in when the officer is on leave", async () => {
    const feeder = app.network.feeders[11];
    const je = app.officers.holder(app.network, feeder.path, "je")!;
    const other = app.officers.all().find((o) => o.role === "je" && o.id !== je.id)!;
    await app.officers.setLeave(app.store.kysely, je.id, true, other.id);
    const t = await fileOn(app, feeder);
    expect(t.ticket.assignee_id).toBe(other.id);
    await app.officers.setLeave(app.store.kysely, je.id, false, null);
  });

  it("requires a reason to reassign", async () => {
    const feeder = app.network.feeders[5];
    const t = await fileOn(app, feeder);
    const sdo = app.officers.holder(app.network, feeder.path, "sdo")!;
    const err = await refusal(act(t.ticket.number, { type: "assign", officerId: sdo.id }));
    expect(err?.status).toBe(400);
    const ok = await act(t.ticket.number, {
      type: "assign",
      officerId: sdo.id,
      reason: "JE line crew busy",
    });
    expect(ok.ticket.assignee_id).toBe(sdo.id);
  });
});

describe("state machine", () => {
  it("refuses invalid transitions with 409 and the current status", async () => {
    const t = await fileOn(app, app.network.feeders[2]);
    const err = await refusal(act(t.ticket.number, { type: "reopen", reason: "not fixed" }));
    expect(err?.status).toBe(409);
    expect(err?.extra.status).toBe("assigned");
  });

  it("needs a resolution note to resolve", async () => {
    const { ticketActionSchema } = await import("../../../shared/schemas.js");
    expect(ticketActionSchema.safeParse({ type: "resolve", note: "" }).success).toBe(false);
  });
});

describe("verified closure", () => {
  it("refuses a wrong OTP, locks after the allowed tries, and closes with the right one", async () => {
    const t = await fileOn(app, app.network.feeders[3]);
    const n = t.ticket.number;
    await act(n, { type: "start" });
    await act(n, { type: "resolve", note: "DT fuse replaced" });
    const otp = await otpSentFor(app, t.ticket.id);
    const wrong = otp === "000000" ? "111111" : "000000";
    const max = app.settings.get().otpMaxAttempts;
    for (let i = 1; i <= max; i++) {
      const err = await refusal(act(n, { type: "confirm_otp", otp: wrong }));
      expect(err?.status).toBe(422);
      expect(err?.extra.attemptsLeft).toBe(max - i);
    }
    const locked = await refusal(act(n, { type: "confirm_otp", otp }));
    expect(locked?.status).toBe(423);

    const u = await fileOn(app, app.network.feeders[4]);
    await act(u.ticket.number, { type: "start" });
    await act(u.ticket.number, { type: "resolve", note: "jumper repaired" });
    const closed = await act(u.ticket.number, {
      type: "confirm_otp",
      otp: await otpSentFor(app, u.ticket.id),
    });
    expect(closed.ticket.status).toBe("closed");
    expect(closed.ticket.closure).toBe("confirmed_otp");
  });

  it("reopens on 'no' feedback and counts a false closure against the officer who resolved it", async () => {
    const feeder = app.network.feeders[6];
    const t = await fileOn(app, feeder);
    await act(t.ticket.number, { type: "start" });
    await act(t.ticket.number, { type: "resolve", note: "line patrolled, restored" });
    const after = await giveFeedback(app.intake, t.ticket.number, {
      resolved: false,
      rating: 1,
      via: "test",
    });
    expect(after.ticket.status).toBe("reopened");
    const card = await scorecards(
      {
        store: app.store,
        network: app.network,
        officers: app.officers,
        limits: app.settings.get().slaLimits,
        now: clock.now(),
      },
      feeder.path[2],
      new Date(clock.now().getTime() - 86_400_000).toISOString(),
      new Date(clock.now().getTime() + 1000).toISOString(),
    );
    const officer = card.officers.find((o) => o.id === t.ticket.assignee_id);
    expect(officer?.falseClosures).toBe(1);
    expect(officer?.falseClosureRate).toBeGreaterThan(0);
  });

  it("closes a resolved ticket nobody confirmed as 'closed unconfirmed' after the window", async () => {
    const t = await fileOn(app, app.network.feeders[8]);
    await act(t.ticket.number, { type: "start" });
    await act(t.ticket.number, { type: "resolve", note: "meter replaced" });
    clock.advance(app.settings.get().confirmWindowHours * 3_600_000 + 1000);
    await app.sweeper.runOnce();
    const row = await app.store.getTicketByNumber(t.ticket.number);
    expect(row?.status).toBe("closed");
    expect(row?.closure).toBe("unconfirmed");
  });
});
