import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { createApp, type NigraniApp } from "../../../server/app.js";
import { testConfig } from "../../../server/config.js";
import { compensationOwed } from "../../../server/tickets/compensation.js";
import { fileOn, feederWhere } from "../../support/app.js";

const HOUR = 3_600_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nigrani-sla-"));
const clock = new ManualClock("2026-11-23T04:00:00.000Z");
let app: NigraniApp;
const open = () => createApp({ config: testConfig({ DATA_DIR: dataDir }), clock });
const ticket = (number: string) => app.store.getTicketByNumber(number);
const sweep = async (ms: number) => {
  clock.advance(ms);
  await app.sweeper.runOnce();
};

beforeAll(async () => {
  app = await open();
});
afterAll(async () => {
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the regulator's clock", () => {
  it("uses the limits table: 8 h for a supply cut on an urban feeder, 24 h rural, 6 h in an A-class city", async () => {
    const urban = await fileOn(
      app,
      feederWhere(app, (f) => !!f.urban && !f.aClass),
    );
    const rural = await fileOn(
      app,
      feederWhere(app, (f) => !f.urban),
    );
    const aClass = await fileOn(
      app,
      feederWhere(app, (f) => !!f.aClass),
    );
    const hours = (t: { created_at: string; due_at: string | null }) =>
      (Date.parse(t.due_at!) - Date.parse(t.created_at)) / HOUR;
    expect(hours(urban.ticket)).toBe(8);
    expect(hours(rural.ticket)).toBe(24);
    expect(hours(aClass.ticket)).toBe(6);
  });

  it("goes at risk at 75 %, breaches at the limit, then climbs the ladder one level per period", async () => {
    const feeder = feederWhere(app, (f) => !!f.urban && !f.aClass);
    const { ticket: t } = await fileOn(app, feeder);
    await sweep(5.9 * HOUR);
    expect((await ticket(t.number))?.sla_state).toBe("on_track");
    await sweep(0.2 * HOUR); // 6.1 h of 8 h
    expect((await ticket(t.number))?.sla_state).toBe("at_risk");
    await sweep(2 * HOUR); // 8.1 h
    let row = await ticket(t.number);
    expect(row?.sla_state).toBe("breached");
    expect(row?.escalation_level).toBe(1);
    const ladder = ["sdo", "xen", "se", "ce", "md"];
    const escalated = async () =>
      (await app.store.eventsOfTicket(row!.id))
        .filter((e) => e.type === "escalated")
        .map((e) => JSON.parse(e.data) as { role: string; officerId: string });
    expect((await escalated()).map((e) => e.role)).toEqual(ladder.slice(0, 1));
    for (let level = 2; level <= 5; level++) {
      await sweep(8 * HOUR);
      row = await ticket(t.number);
      expect(row?.escalation_level).toBe(level);
    }
    const steps = await escalated();
    expect(steps.map((e) => e.role)).toEqual(ladder);
    // Each officer on the ladder was told, through the outbox.
    const notices = await app.store.kysely
      .selectFrom("outbox")
      .select("recipient")
      .where("ticket_id", "=", row!.id)
      .where("kind", "=", "escalation_notice")
      .execute();
    expect(notices).toHaveLength(5);
    expect(notices.map((n) => n.recipient)).toEqual(
      steps.map((s) => app.officers.get(s.officerId)!.phone),
    );
    // The top of the ladder is the top: no sixth step.
    await sweep(8 * HOUR);
    expect((await ticket(t.number))?.escalation_level).toBe(5);
  });

  it("accrues compensation per started day of delay at the category's amount", () => {
    const base = {
      due_at: "2026-11-20T00:00:00.000Z",
      category: "supply_cut",
      status: "assigned",
      resolved_at: null,
      closed_at: null,
    };
    const limits = app.settings.get().slaLimits;
    const t = base as unknown as Parameters<typeof compensationOwed>[0];
    expect(compensationOwed(t, limits, new Date("2026-11-19T23:00:00.000Z")).amount).toBe(0);
    expect(compensationOwed(t, limits, new Date("2026-11-20T01:00:00.000Z"))).toEqual({
      daysLate: 1,
      amount: 150,
    });
    expect(compensationOwed(t, limits, new Date("2026-11-22T01:00:00.000Z"))).toEqual({
      daysLate: 3,
      amount: 450,
    });
    const meter = { ...base, category: "meter_reading" } as unknown as Parameters<
      typeof compensationOwed
    >[0];
    expect(compensationOwed(meter, limits, new Date("2026-11-21T01:00:00.000Z")).amount).toBe(400);
  });

  it("keeps every deadline across a restart mid-clock", async () => {
    const feeder = feederWhere(app, (f) => !f.urban);
    const { ticket: t } = await fileOn(app, feeder);
    await sweep(10 * HOUR);
    const before = await ticket(t.number);
    await app.close();
    clock.advance(9 * HOUR); // 19 h of 24: at risk while the server was down
    app = await open();
    await app.sweeper.runOnce();
    const after = await ticket(t.number);
    expect(after?.due_at).toBe(before?.due_at);
    expect(after?.sla_state).toBe("at_risk");
    await sweep(6 * HOUR);
    const breached = await ticket(t.number);
    expect(breached?.sla_state).toBe("breached");
    expect(breached?.escalation_level).toBe(1);
    expect(app.projections.counts(feeder.id).bySla.breached).toBeGreaterThan(0);
  });
});
