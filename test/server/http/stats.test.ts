import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postReport, startTestServer, type TestServer, apiFetch } from "../../support/server.js";

let server: TestServer;
const get = async (p: string) => {
  const res = await apiFetch(server.url, p);
  return { status: res.status, body: await res.json() };
};
const act = (number: string, body: unknown) =>
  apiFetch(server.url, `/api/v1/tickets/${number}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  server = await startTestServer();
  const feeders = server.app.network.feeders;
  for (let i = 0; i < 12; i++) {
    const f = feeders[i % 4];
    await postReport(server.url, {
      channel: "app",
      text: `report ${i}`,
      lat: f.lat,
      lon: f.lon,
      category: i % 3 ? "supply_cut" : "bill_generation",
      phone: `98000000${String(i).padStart(2, "0")}`,
    });
  }
});
afterAll(() => server.close());

describe("charts and tiles", () => {
  it("counts today's reports per IST hour by category", async () => {
    const { body } = await get("/api/v1/stats/hourly");
    const total = body.today.reduce(
      (a: number, h: { byCategory: Record<string, number> }) =>
        a + Object.values(h.byCategory).reduce((x, y) => x + y, 0),
      0,
    );
    expect(total).toBe(server.app.projections.counts("network").receivedToday);
    expect(body.today).toHaveLength(24);
    expect(body.average7d).toHaveLength(24);
  });

  it("gives the minister's tiles for the network, the states and every discom, matching the live counts", async () => {
    const { body } = await get("/api/v1/summary");
    const ids = body.tiles.map((t: { unitId: string }) => t.unitId);
    expect(ids).toEqual(
      expect.arrayContaining([
        "network",
        "UP",
        "BR",
        "MVVNL",
        "PuVVNL",
        "PVVNL",
        "DVVNL",
        "KESCO",
        "NBPDCL",
        "SBPDCL",
      ]),
    );
    for (const t of body.tiles) {
      const c = server.app.projections.counts(t.unitId);
      expect(t.open).toBe(c.open);
      expect(t.receivedToday).toBe(c.receivedToday);
      expect(["up", "down", "flat"]).toContain(t.trend.open);
    }
    expect(JSON.stringify(body)).not.toMatch(/98000000/);
  });

  it("ranks the worst divisions by breached then open tickets", async () => {
    const { body } = await get("/api/v1/stats/worst?kind=division&limit=3");
    expect(body.units.length).toBeGreaterThan(0);
    const opens = body.units.map(
      (u: { open: number; breached: number }) => u.breached * 1e6 + u.open,
    );
    expect(opens).toEqual([...opens].sort((a, b) => b - a));
  });

  it("gives 14 days of SLA compliance", async () => {
    const { body } = await get("/api/v1/stats/sla-daily?days=14");
    expect(body.days).toHaveLength(14);
  });

  it("answers 404 for an unknown unit and 400 for a bad query", async () => {
    expect((await get("/api/v1/stats/hourly?unit=nope")).status).toBe(404);
    expect((await get("/api/v1/stats/sla-daily?days=0")).status).toBe(400);
  });
});

describe("drill-down and tickets", () => {
  it("lists a unit's children with live counts, breadcrumbs and median age", async () => {
    const feeder = server.app.network.feeders[0];
    const division = feeder.path[5];
    const { body } = await get(`/api/v1/units/${division}/children`);
    expect(body.breadcrumbs.map((b: { id: string }) => b.id)).toEqual(feeder.path.slice(0, 6));
    const child = body.children.find((c: { id: string }) => c.id === feeder.path[6]);
    expect(child.open).toBe(server.app.projections.counts(feeder.path[6]).open);
    expect(child.medianOpenAgeHours).not.toBeNull();
  });

  it("finds feeders by name", async () => {
    const feeder = server.app.network.feeders[0];
    const word = feeder.name.split(" ").slice(-1)[0].replace(/[()]/g, "");
    const { body } = await get(
      `/api/v1/units/search?q=${encodeURIComponent(feeder.name.slice(0, 12))}&kind=feeder`,
    );
    expect(body.units.length).toBeGreaterThan(0);
    expect(body.units.every((u: { kind: string }) => u.kind === "feeder")).toBe(true);
    expect(word.length).toBeGreaterThan(0);
  });

  it("shows staff the assignee, compensation and OTP tries on a ticket", async () => {
    const list = await get("/api/v1/tickets?limit=1");
    const { body } = await get(`/api/v1/tickets/${list.body.tickets[0].number}`);
    expect(body.assignee.role).toMatch(/je|sdo/);
    expect(body.compensation).toEqual({ daysLate: 0, amount: 0 });
    expect(body.otpAttemptsLeft).toBe(5);
  });

  it("lists tickets oldest first for the triage queue, with cursor pages in that order", async () => {
    const first = await get("/api/v1/tickets?sort=oldest&limit=5");
    const numbers = first.body.tickets.map((t: { number: string }) => Number(t.number.slice(-6)));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    const next = await get(`/api/v1/tickets?sort=oldest&limit=5&cursor=${first.body.nextCursor}`);
    expect(Number(next.body.tickets[0].number.slice(-6))).toBeGreaterThan(
      numbers[numbers.length - 1],
    );
  });

  it("names every officer the ticket's timeline mentions", async () => {
    const list = await get("/api/v1/tickets?limit=1");
    const { body } = await get(`/api/v1/tickets/${list.body.tickets[0].number}`);
    expect(body.officers[body.assignee.id]).toMatchObject({
      name: body.assignee.name,
      role: body.assignee.role,
    });
  });

  it("records a person's category correction as training data", async () => {
    const r = await postReport(server.url, { channel: "x", text: "kuch karo bhai, pareshan hain" });
    const res = await act(r.body.ticket!.number, { type: "categorise", category: "pole_wire" });
    expect(res.status).toBe(200);
    const file = path.join(server.dataDir, "triage-corrections.jsonl");
    const lines = fs
      .readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({
      text: "kuch karo bhai, pareshan hain",
      category: "pole_wire",
    });
  });
});

describe("GET /api/v1/network", () => {
  it("is gzipped for clients that accept it and answers 304 to a matching ETag", async () => {
    const res = await apiFetch(server.url, `/api/v1/network`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(res.headers.get("content-encoding")).toBe("gzip");
    const body = await res.json();
    expect(body.units.length).toBe(server.app.network.units.size);
    const again = await apiFetch(server.url, `/api/v1/network`, {
      headers: { "if-none-match": res.headers.get("etag")! },
    });
    expect(again.status).toBe(304);
  });
});
