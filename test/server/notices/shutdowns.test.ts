import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { listShutdowns } from "../../../server/notices/shutdowns.js";
import { deadlineFor } from "../../../server/tickets/sla.js";
import type { ShutdownListResponse, ShutdownResponse } from "../../../shared/notices.js";
import type { Unit } from "../../../shared/network.js";
import { signIn } from "../../support/auth.js";
import { apiJson, postReport, startTestServer, type TestServer } from "../../support/server.js";

describe("planned shutdowns (/api/v1/shutdowns)", () => {
  let server: TestServer;
  const clock = new ManualClock("2026-11-23T06:30:00.000Z"); // 12:00 IST
  let feeder: Unit;
  let consumers: number;
  beforeAll(async () => {
    server = await startTestServer({ clock, config: { SHUTDOWN_NOTICE_LEAD_HOURS: 2 } });
    const counts = await server.app.store.consumersPerFeeder();
    const [id, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
    feeder = server.app.network.unit(id)!;
    consumers = n;
  });
  afterAll(() => server.close());

  const window = { startsAt: "2026-11-23T10:30:00.000Z", endsAt: "2026-11-23T12:30:00.000Z" };

  it("rejects a shutdown without a reason or ending before it starts with 400 naming the fields", async () => {
    const res = await apiJson<{ error: { fields: Record<string, string> } }>(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      { feederIds: [feeder.id], reason: "", startsAt: window.endsAt, endsAt: window.startsAt },
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(["endsAt", "reason"]);
    const unknown = await apiJson<{ error: { fields: Record<string, string> } }>(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      { feederIds: ["no-such-feeder"], reason: "Line maintenance", ...window },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields.feederIds).toMatch(/no-such-feeder/);
  });

  it("refuses an officer scheduling a feeder outside their unit, and lets them schedule inside it", async () => {
    const officer = await signIn(server.url, "xen.varanasi");
    const inside = server.app.network.feeders.find((f) => f.path.includes(officer.user.unitId))!;
    const outside = server.app.network.feeders.find((f) => !f.path.includes(officer.user.unitId))!;
    const body = (ids: string[]) => ({
      feederIds: ids,
      reason: "Tree trimming on the line",
      ...window,
    });
    const refused = await apiJson(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      body([inside.id, outside.id]),
      "xen.varanasi",
    );
    expect(refused.status).toBe(404);
    const minister = await apiJson(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      body([inside.id]),
      "minister",
    );
    expect(minister.status).toBe(404);
    const ok = await apiJson<ShutdownResponse>(
      server.url,
      "/api/v1/shutdowns",
      "POST",
      body([inside.id]),
      "xen.varanasi",
    );
    expect(ok.status).toBe(201);
    expect(ok.body.shutdown.feeders).toEqual([inside.id]);
    // Called off again so it does not count in the next test.
    const cancelled = await apiJson<ShutdownResponse>(
      server.url,
      `/api/v1/shutdowns/${ok.body.shutdown.id}/cancel`,
      "POST",
      undefined,
      "xen.varanasi",
    );
    expect(cancelled.body.shutdown.status).toBe("cancelled");
  });

  it("tells the feeder's consumers ahead, answers supply cuts inside the window and keeps them out of breach", async () => {
    const created = await apiJson<ShutdownResponse>(server.url, "/api/v1/shutdowns", "POST", {
      feederIds: [feeder.id],
      reason: "Transformer maintenance",
      ...window,
    });
    expect(created.status).toBe(201);
    const shutdown = created.body.shutdown;
    expect(shutdown).toMatchObject({ status: "scheduled", noticesPlanned: consumers });

    // Four hours ahead: the two-hour lead time has not come, nothing goes.
    await server.app.sweeper.runOnce();
    const queued = () =>
      server.app.store.kysely
        .selectFrom("outbox")
        .selectAll()
        .where("kind", "=", "shutdown_notice")
        .execute();
    expect(await queued()).toHaveLength(0);
    clock.set("2026-11-23T08:31:00.000Z");
    await server.app.sweeper.runOnce();
    const told = await queued();
    expect(told).toHaveLength(consumers);
    expect(told[0].body).toMatch(/^नियोजित बिजली कटौती: .* 16:00 से .* 18:00 तक/);

    // Inside the window a no-supply complaint is answered with the notice, no ticket number.
    clock.set("2026-11-23T11:00:00.000Z");
    const report = await postReport(server.url, {
      channel: "call_centre",
      text: "No supply since an hour",
      category: "supply_cut",
      lat: feeder.lat,
      lon: feeder.lon,
      phone: "9812399999",
    });
    expect(report.status).toBe(201);
    const ticket = (await server.app.store.kysely
      .selectFrom("tickets")
      .selectAll()
      .where("number", "=", report.body.ticket!.number)
      .executeTakeFirstOrThrow())!;
    expect(ticket.feeder_id).toBe(feeder.id);
    const answers = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", ticket.id)
      .where("recipient", "=", "9812399999")
      .execute();
    expect(answers.map((m) => m.kind)).toEqual(["shutdown_notice"]);
    // Its SLA clock starts when the window ends: past the time it would have breached from the
    // report's arrival, it is still on track.
    const limits = server.app.settings.get().slaLimits;
    const shifted = deadlineFor(limits, "supply_cut", feeder, window.endsAt);
    const normal = deadlineFor(limits, "supply_cut", feeder, ticket.created_at);
    expect(ticket.due_at).toBe(shifted.dueAt);
    const listAt = clock.now().toISOString();
    clock.set(new Date(Date.parse(normal.dueAt) + 60_000));
    await server.app.sweeper.runOnce();
    const later = await server.app.store.getTicket(ticket.id);
    expect(later?.sla_state).not.toBe("breached");
    clock.set(listAt);

    const list = await apiJson<ShutdownListResponse>(
      server.url,
      `/api/v1/shutdowns?unit=${feeder.id}&current=true`,
      "GET",
    );
    expect(list.body.shutdowns.map((s) => [s.id, s.status, s.reportsAnswered])).toEqual([
      [shutdown.id, "active", 1],
    ]);
    // The read the public outage page uses.
    expect(
      (await listShutdowns(server.app.store, { activeAt: clock.now().toISOString() })).map(
        (s) => s.id,
      ),
    ).toEqual([shutdown.id]);
  });

  it("a supply cut outside any window gets its ticket number and the normal clock", async () => {
    clock.set("2026-11-23T13:00:00.000Z");
    const report = await postReport(server.url, {
      channel: "call_centre",
      text: "No supply again",
      category: "supply_cut",
      lat: feeder.lat,
      lon: feeder.lon,
      phone: "9812399998",
    });
    const kinds = await server.app.store.kysely
      .selectFrom("outbox")
      .innerJoin("tickets", "tickets.id", "outbox.ticket_id")
      .select("outbox.kind")
      .where("tickets.number", "=", report.body.ticket!.number)
      .where("outbox.recipient", "=", "9812399998")
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(["ticket_ack"]);
  });
});

describe("the shutdown list of a busy state", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("shows the newest shutdowns first, however many the last 30 days hold", async () => {
    const feeder = server.app.network.feeders[0];
    const now = Date.now();
    // 1,100 shutdowns in the last 30 days, the newest last: more than one read of the store holds.
    const rows = Array.from({ length: 1100 }, (_, i) => {
      const starts = new Date(now - 29 * 86_400_000 + i * 2_000_000).toISOString();
      return {
        id: `SD-BULK-${String(i).padStart(4, "0")}`,
        feeders: JSON.stringify([feeder.id]),
        unit_id: feeder.id,
        path: JSON.stringify(feeder.path),
        reason: "Line maintenance",
        starts_at: starts,
        ends_at: new Date(Date.parse(starts) + 3_600_000).toISOString(),
        created_by: "test",
        created_at: starts,
        cancelled_at: null,
      };
    });
    for (let i = 0; i < rows.length; i += 100)
      await server.app.store.kysely
        .insertInto("shutdowns")
        .values(rows.slice(i, i + 100))
        .execute();
    const res = await apiJson<ShutdownListResponse>(server.url, "/api/v1/shutdowns", "GET");
    expect(res.status).toBe(200);
    expect(res.body.shutdowns[0].id).toBe("SD-BULK-1099");
    expect(res.body.shutdowns).toHaveLength(200);
  });
});
