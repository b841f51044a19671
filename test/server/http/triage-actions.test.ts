import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiFetch, postReport, startTestServer, type TestServer } from "../../support/server.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const act = async (number: string, action: unknown) => {
  const res = await apiFetch(server.url, `/api/v1/tickets/${number}/actions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(action),
  });
  return { status: res.status, body: (await res.json()) as { ticket: Record<string, unknown> } };
};
const stored = async (number: string) => {
  const res = await apiFetch(server.url, `/api/v1/tickets/${number}`);
  return ((await res.json()) as { ticket: Record<string, unknown> }).ticket;
};

describe("POST /api/v1/tickets/:number/actions on a triage ticket", () => {
  it("answers placing an unplaced ticket with its automatic assignment, and the live counts agree", async () => {
    const filed = await postReport(server.url, {
      channel: "app",
      text: "no light in our street",
      category: "supply_cut",
    });
    const number = filed.body.ticket!.number;
    expect(filed.body.ticket!.feederId).toBeNull();
    const feeder = server.app.network.feeders[2];
    const before = server.app.projections.counts(feeder.id).byStatus.assigned;

    const placed = await act(number, { type: "place", feederId: feeder.id });

    expect(placed.status).toBe(200);
    expect(placed.body.ticket.status).toBe("assigned");
    expect(placed.body.ticket.assigneeId).toEqual(expect.any(String));
    expect(placed.body.ticket).toMatchObject({
      status: (await stored(number)).status,
      assigneeId: (await stored(number)).assigneeId,
    });
    expect(server.app.projections.counts(feeder.id).byStatus.assigned).toBe(before + 1);
    expect(server.app.projections.counts(feeder.id).byStatus.new).toBe(0);
  });

  it("answers categorising a placed ticket with its automatic assignment", async () => {
    const feeder = server.app.network.feeders[6];
    const filed = await postReport(server.url, {
      channel: "app",
      text: "xyzzy plugh",
      lat: feeder.lat,
      lon: feeder.lon,
    });
    const number = filed.body.ticket!.number;
    const categorised = await act(number, { type: "categorise", category: "meter_reading" });
    expect(categorised.status).toBe(200);
    expect(categorised.body.ticket.status).toBe("assigned");
    expect(categorised.body.ticket.assigneeId).toBe((await stored(number)).assigneeId);
    expect(server.app.projections.counts("network").byStatus.new).toBe(0);
  });
});
