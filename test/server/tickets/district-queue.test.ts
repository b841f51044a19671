import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCorrections } from "../../../server/triage/corrections.js";
import type { TicketSummary } from "../../../shared/tickets.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../../support/server.js";

describe("POST /api/v1/reports: where an unplaced ticket waits and why", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const file = async (body: Record<string, unknown>): Promise<TicketSummary> => {
    const res = await postReport(server.url, body);
    expect(res.status).toBe(201);
    return res.body.ticket as unknown as TicketSummary;
  };

  it("sends a report with a district but no feeder to that district's control room", async () => {
    const ticket = await file({
      channel: "whatsapp",
      text: "Gorakhpur me subah se bijli nahi hai, koi sunne wala nahi",
    });
    const room = server.app.network.districtUnit("gorakhpur");
    expect(room).toBeDefined();
    expect(ticket.feederId).toBeNull();
    expect(ticket.districtId).toBe("gorakhpur");
    expect(ticket.path).toEqual(room?.path);
    expect(ticket.path.length).toBeGreaterThan(1);
    expect(ticket.needsTriage).toBe(true);
    expect(ticket.queueReason).toBe("place_unknown");
    // Counted in that unit's own needs-triage figure, so its officers see it.
    expect(server.app.projections.counts(room?.id ?? "").needsTriage).toBeGreaterThan(0);
  });

  it("every feeder of the district lies under that control room", () => {
    const room = server.app.network.districtUnit("gorakhpur");
    const feeders = server.app.network.feeders.filter((f) => f.districtId === "gorakhpur");
    expect(feeders.length).toBeGreaterThan(0);
    for (const f of feeders) expect(f.path).toContain(room?.id);
  });

  it("keeps a report with no place at the root, saying both are missing", async () => {
    const ticket = await file({ channel: "x", text: "kuch karo bhai, bahut pareshani hai" });
    expect(ticket.path).toEqual(["network"]);
    expect(ticket.queueReason).toBe("both");
  });

  it("says the category is unsure when the feeder is known but the text is not clear", async () => {
    const feeder = server.app.network.feeders[0];
    const ticket = await file({
      channel: "app",
      text: "kuch karo bhai, bahut pareshani hai",
      lat: feeder.lat,
      lon: feeder.lon,
    });
    expect(ticket.feederId).toBe(feeder.id);
    expect(ticket.queueReason).toBe("category_unsure");
  });

  it("lists the reason with each ticket in the queue and none once placed and categorised", async () => {
    const feeder = server.app.network.feeders[1];
    const routed = await file({
      channel: "app",
      text: "light nahi hai",
      category: "supply_cut",
      lat: feeder.lat,
      lon: feeder.lon,
    });
    expect(routed.queueReason).toBeNull();
    const res = await apiFetch(server.url, "/api/v1/tickets?needsTriage=true&limit=50");
    expect(res.status).toBe(200);
    const { tickets } = (await res.json()) as { tickets: TicketSummary[] };
    expect(tickets.length).toBeGreaterThanOrEqual(3);
    for (const t of tickets)
      expect(["category_unsure", "place_unknown", "both"]).toContain(t.queueReason);
  });

  it("records a person's categorisation in the queue as a correction for the next npm run train", async () => {
    const text = "Sir aap log kab sunoge, teesri baar likh raha hoon";
    const queued = await file({ channel: "whatsapp", text });
    expect(queued.category).toBeNull();
    const res = await apiFetch(server.url, `/api/v1/tickets/${queued.number}/actions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "categorise", category: "supply_cut" }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ticket: TicketSummary };
    expect(body.ticket.queueReason).toBe("place_unknown");
    expect(readCorrections(server.dataDir)).toContainEqual({ text, label: "supply_cut" });
    expect(readFileSync(join(server.dataDir, "triage-corrections.jsonl"), "utf8")).toContain(text);
  });
});
