import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScoreRow } from "../../../server/tickets/scorecards.js";
import { HISTORY_MARKER, SIMULATED_HISTORY_NOT_SENT } from "../../../server/sim/history.js";
import { apiFetch, startTestServer, type TestServer } from "../../support/server.js";

/**
 * A fresh store started with the demo settings: the history is written before the first request,
 * so every figure below is there from the first minute, and each agrees with the event log.
 */
const demo = {
  SIMULATOR: true,
  SIM_HISTORY_DAYS: 14,
  SIM_HISTORY_RATE: 2,
  // No live stream, so the restart below can tell a second history from new live reports.
  SIM_RATE: 0,
  SIM_SPEED: 60,
};

let server: TestServer;
const get = async <T>(p: string): Promise<T> => {
  const res = await apiFetch(server.url, p);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
};

interface EventLine {
  type: string;
  actor: string | null;
  data: string;
}
let events: EventLine[];
const statusTo = (to: string, closure?: string) =>
  events.filter((e) => {
    if (e.type !== "status_changed") return false;
    const d = JSON.parse(e.data) as { to: string; closure?: string };
    return d.to === to && (closure === undefined || d.closure === closure);
  }).length;

beforeAll(async () => {
  server = await startTestServer({ config: demo, keepData: true });
  events = await server.app.store.kysely
    .selectFrom("ticket_events")
    .select(["type", "actor", "data"])
    .execute();
}, 600_000);
afterAll(() => server?.close());

describe("the demo's first minute", () => {
  it("has resolutions, breaches, escalations and every kind of closure in the event log", () => {
    expect(statusTo("resolved")).toBeGreaterThan(0);
    expect(
      events.filter((e) => e.type === "sla_changed" && JSON.parse(e.data).to === "breached").length,
    ).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === "escalated").length).toBeGreaterThan(0);
    expect(statusTo("closed", "confirmed_otp")).toBeGreaterThan(0);
    expect(statusTo("closed", "confirmed_feedback")).toBeGreaterThan(0);
    expect(statusTo("closed", "unconfirmed")).toBeGreaterThan(0);
    expect(statusTo("reopened")).toBeGreaterThan(0);
    expect(
      events.filter((e) => e.type === "note" || e.type === "status_changed").length,
    ).toBeGreaterThan(0);
  });

  it("marks everything simulated: every actor is the system or says sim:, every report is flagged", async () => {
    const actors = new Set(events.map((e) => e.actor).filter((a): a is string => a !== null));
    expect(actors.size).toBeGreaterThan(3);
    for (const a of actors)
      expect(a).toMatch(/^(sim:(officer:[\w-]+|consumer|control-room)|key:simulator)$/);
    const reports = await server.app.store.kysely.selectFrom("reports").select("raw").execute();
    expect(reports.length).toBeGreaterThan(0);
    for (const r of reports) expect(JSON.parse(r.raw ?? "{}")).toMatchObject({ simulated: true });
  });

  it("says on GET /api/v1/demo that the simulator runs and what history it wrote", async () => {
    const status = await get<{
      simulator: boolean;
      speed: number;
      history: { days: number; tickets: number } | null;
      actorPrefix: string;
    }>("/api/v1/demo");
    expect(status).toMatchObject({ simulator: true, speed: 60, actorPrefix: "sim:" });
    expect(status.history?.days).toBe(14);
    expect(status.history?.tickets).toBeGreaterThan(0);
  });

  it("marks no message of the simulated past as sent: they were never handed to a gateway", async () => {
    const history = JSON.parse((await server.app.store.getMeta(HISTORY_MARKER)) ?? "{}") as {
      to: string;
    };
    const rows = await server.app.store.kysely
      .selectFrom("outbox")
      .select(["status", "last_error"])
      .where("created_at", "<=", history.to)
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows)
      expect(r).toEqual({ status: "not_sent", last_error: SIMULATED_HISTORY_NOT_SENT });
  });

  it("shows 14 days on the SLA chart, each with tickets that fell due", async () => {
    const { days } = await get<{ days: { due: number; metLimit: number; breached: number }[] }>(
      "/api/v1/stats/sla-daily",
    );
    expect(days).toHaveLength(14);
    // The first day's tickets mostly fall due later; every whole day after it has due tickets.
    // The last is today in India, which may have begun minutes ago with nothing due yet.
    for (const d of days.slice(1, -1)) expect(d.due).toBeGreaterThan(0);
    expect(days.reduce((a, d) => a + d.metLimit, 0)).toBeGreaterThan(0);
    expect(days.reduce((a, d) => a + d.breached, 0)).toBeGreaterThan(0);
  });

  it("owes compensation and counts false closures as the event log does", async () => {
    const { tiles } = await get<{
      tiles: {
        unitId: string;
        compensationOwed: number;
        falseClosures: number;
        receivedAvg7d: number;
      }[];
    }>("/api/v1/summary");
    const network = tiles.find((t) => t.unitId === "network");
    expect(network?.compensationOwed).toBeGreaterThan(0);
    expect(network?.receivedAvg7d).toBeGreaterThan(0);
    const card = await get<{ total: ScoreRow; units: ScoreRow[] }>("/api/v1/scorecards");
    const notFixed = events.filter(
      (e) => e.type === "feedback" && JSON.parse(e.data).resolved === false,
    ).length;
    expect(notFixed).toBeGreaterThan(0);
    expect(card.total.falseClosures).toBe(notFixed);
    expect(card.total.closedUnconfirmed).toBe(statusTo("closed", "unconfirmed"));
    expect(card.units.reduce((a, u) => a + u.falseClosures, 0)).toBe(notFixed);
    expect(card.total.compensationOwed).toBeGreaterThan(0);
  });

  it("has non-empty scorecards at every level from the network down to the substation", async () => {
    const busiest = await server.app.store.kysely
      .selectFrom("tickets")
      .select(["feeder_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("feeder_id", "is not", null)
      .groupBy("feeder_id")
      .orderBy("n", "desc")
      .executeTakeFirstOrThrow();
    const path = server.app.network.unit(busiest.feeder_id ?? "")?.path ?? [];
    expect(path.length).toBeGreaterThan(6);
    for (let i = 0; i < path.length - 1; i++) {
      const card = await get<{ units: ScoreRow[]; officers: ScoreRow[] }>(
        `/api/v1/scorecards?unit=${encodeURIComponent(path[i])}`,
      );
      const child = card.units.find((u) => u.id === path[i + 1]);
      expect(child?.received, `${path[i]} -> ${path[i + 1]}`).toBeGreaterThan(0);
      expect(card.officers.length, path[i]).toBeGreaterThan(0);
    }
  });

  it("tells divisions apart: their false-closure rates differ", async () => {
    const { units: circles } = await get<{ units: ScoreRow[] }>("/api/v1/scorecards?unit=UP");
    expect(circles.length).toBeGreaterThan(0);
    const rates = new Set<number | null>();
    for (const c of circles.slice(0, 3)) {
      const { units } = await get<{ units: ScoreRow[] }>(`/api/v1/scorecards?unit=${c.id}`);
      for (const u of units) if (u.received > 10) rates.add(u.falseClosureRate);
    }
    expect(rates.size).toBeGreaterThan(1);
  });

  it("runs the demo clock at SIM_SPEED once the history is written", async () => {
    const before = server.app.clock.now().getTime();
    await new Promise((r) => setTimeout(r, 500));
    expect(server.app.clock.now().getTime() - before).toBeGreaterThanOrEqual(25_000);
  });
});

describe("the history on restart", () => {
  it("is written once: a restart on the same store adds no second history", async () => {
    const count = async (s: TestServer) =>
      Number(
        (
          await s.app.store.kysely
            .selectFrom("tickets")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const tickets = await count(server);
    const marker = await server.app.store.getMeta(HISTORY_MARKER);
    expect(marker).toBeDefined();
    await server.app.close();
    const again = await startTestServer({ config: demo, dataDir: server.dataDir });
    try {
      expect(await count(again)).toBe(tickets);
      expect(await again.app.store.getMeta(HISTORY_MARKER)).toBe(marker);
    } finally {
      await again.close();
    }
    server = { ...server, close: async () => undefined };
  }, 120_000);
});
