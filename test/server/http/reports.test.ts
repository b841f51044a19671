import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_REPORT_TEXT } from "../../../shared/schemas.js";
import { postReport, startTestServer, type TestServer, apiFetch } from "../../support/server.js";
import { DEMO_INTAKE_KEY } from "../../support/auth.js";

let server: TestServer;
let feeder: { id: string; lat: number; lon: number };
let account: string;

beforeAll(async () => {
  server = await startTestServer();
  const f = server.app.network.feeders[7];
  feeder = { id: f.id, lat: f.lat, lon: f.lon };
  const consumer = await server.app.store.consumerOnFeeder(f.id, 0.5);
  if (!consumer) throw new Error("test network has no consumer on the feeder");
  account = consumer.account;
});
afterAll(() => server.close());

describe("POST /api/v1/reports", () => {
  it.each([
    ["text is missing", { channel: "whatsapp" }, "text"],
    ["text is empty", { channel: "whatsapp", text: "   " }, "text"],
    ["text is too long", { channel: "whatsapp", text: "x".repeat(MAX_REPORT_TEXT + 1) }, "text"],
    ["channel is unknown", { channel: "pigeon", text: "no light" }, "channel"],
    ["a field is unknown", { channel: "app", text: "no light", priority: "high" }, "priority"],
    ["lat comes without lon", { channel: "app", text: "no light", lat: 26.8 }, "lon"],
    ["lat is out of range", { channel: "app", text: "no light", lat: 126.8, lon: 80 }, "lat"],
    [
      "the account is not digits",
      { channel: "app", text: "no light", consumerAccount: "12ab" },
      "consumerAccount",
    ],
    [
      "the category is unknown",
      { channel: "app", text: "no light", category: "theft" },
      "category",
    ],
    [
      "receivedAt is not a date",
      { channel: "app", text: "no light", receivedAt: "yesterday" },
      "receivedAt",
    ],
  ])("rejects a report when %s with 400 and the field name", async (_why, body, field) => {
    const res = await postReport(server.url, body);
    expect(res.status).toBe(400);
    const error = res.body.error as {
      code: string;
      message: string;
      fields: Record<string, string>;
    };
    expect(error.code).toBe("invalid_input");
    expect(Object.keys(error.fields)).toContain(field);
    expect(error.message).toContain(field);
  });

  it("rejects a body that is not JSON with 400", async () => {
    const res = await postReport(server.url, "{not json");
    expect(res.status).toBe(400);
    expect((res.body.error as { code: string }).code).toBe("invalid_json");
  });

  it.each([
    ["another media type", { "content-type": "text/plain" }, 415, "unsupported_media_type"],
    [
      "another charset",
      { "content-type": "application/json; charset=latin1" },
      415,
      "unsupported_charset",
    ],
    ["a compressed body", { "content-encoding": "gzip" }, 415, "unsupported_encoding"],
  ])("refuses %s before reading the report", async (_why, headers, status, code) => {
    const before = (await server.app.store.listTickets({})).total;
    const res = await postReport(server.url, { channel: "app", text: "no light here" }, headers);
    expect(res.status).toBe(status);
    expect((res.body.error as { code: string }).code).toBe(code);
    expect((await server.app.store.listTickets({})).total).toBe(before);
  });

  it("takes a UTF-8 charset on the media type", async () => {
    const res = await postReport(
      server.url,
      { channel: "app", text: "बिजली नहीं है, no light since morning" },
      { "content-type": "Application/JSON; charset=UTF-8" },
    );
    expect(res.status).toBe(201);
  });

  it("answers 413 for a body past 64 KB, declared or streamed", async () => {
    const big = JSON.stringify({ channel: "app", text: "x".repeat(70 * 1024) });
    const declared = await postReport(server.url, big);
    expect(declared.status).toBe(413);
    expect((declared.body.error as { code: string }).code).toBe("too_large");
    // Sent in chunks without a length: counted as it arrives.
    const chunks = [big.slice(0, 40_000), big.slice(40_000)];
    const res = await fetch(`${server.url}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-api-key": DEMO_INTAKE_KEY },
      body: new ReadableStream({
        start(c) {
          for (const part of chunks) c.enqueue(new TextEncoder().encode(part));
          c.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  it("rejects a bad Idempotency-Key header with 400 naming the header", async () => {
    const res = await postReport(
      server.url,
      { channel: "app", text: "no light" },
      { "Idempotency-Key": "has space" },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain("Idempotency-Key");
  });

  it("creates nothing for a rejected report", async () => {
    const before = await server.app.store.listTickets({});
    await postReport(server.url, { channel: "app", text: "" });
    const after = await server.app.store.listTickets({});
    expect(after.total).toBe(before.total);
  });

  it("routes a report by account number to the consumer's feeder and commits it before answering", async () => {
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "No supply since 4 pm",
      consumerAccount: account,
      category: "supply_cut",
    });
    expect(res.status).toBe(201);
    expect(res.body.ticket?.feederId).toBe(feeder.id);
    const stored = await server.app.store.getTicketByNumber(res.body.ticket!.number);
    expect(stored?.feeder_id).toBe(feeder.id);
    expect(res.body.ticket!.number).toMatch(/^[A-Z0-9]{3}-\d{6}$/);
  });

  it("routes a report by lat/lon to the nearest feeder", async () => {
    const res = await postReport(server.url, {
      channel: "whatsapp",
      text: "light nahi hai",
      lat: feeder.lat + 0.0005,
      lon: feeder.lon,
    });
    expect(res.status).toBe(201);
    expect(res.body.ticket?.feederId).toBe(feeder.id);
  });

  it("keeps a report it cannot place, in the needs-triage state at the root", async () => {
    const res = await postReport(server.url, {
      channel: "x",
      text: "kuch karo bhai, bahut pareshani hai",
    });
    expect(res.status).toBe(201);
    const ticket = res.body.ticket as unknown as {
      needsTriage: boolean;
      path: string[];
      feederId: string | null;
    };
    expect(ticket.needsTriage).toBe(true);
    expect(ticket.feederId).toBeNull();
    expect(ticket.path).toEqual(["network"]);
    expect(server.app.projections.counts("network").needsTriage).toBeGreaterThan(0);
  });

  it("answers a retry with the same Idempotency-Key with the same ticket and creates nothing", async () => {
    const body = {
      channel: "app",
      text: "Bill not generated for two months",
      consumerAccount: account,
    };
    const first = await postReport(server.url, body, { "Idempotency-Key": "retry-key-1" });
    const before = await server.app.store.listTickets({});
    const second = await postReport(server.url, body, { "Idempotency-Key": "retry-key-1" });
    const after = await server.app.store.listTickets({});
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.ticket!.number).toBe(first.body.ticket!.number);
    expect((second.body.report as { id: string }).id).toBe(
      (first.body.report as { id: string }).id,
    );
    expect(after.total).toBe(before.total);
  });

  it("treats the same channel and externalId as one delivery, even with concurrent retries", async () => {
    const body = {
      channel: "x",
      text: "@UPPCLLKO no light in Aliganj since morning",
      externalId: "1790000000000000001",
    };
    const results = await Promise.all([1, 2, 3, 4].map(() => postReport(server.url, body)));
    const numbers = new Set(results.map((r) => r.body.ticket!.number));
    expect(numbers.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it("joins a second report from the same consumer about the same problem to the open ticket", async () => {
    const c = await server.app.store.consumerOnFeeder(server.app.network.feeders[20].id, 0.1);
    const a = await postReport(server.url, {
      channel: "call_centre",
      text: "no supply",
      consumerAccount: c!.account,
      category: "supply_cut",
    });
    const b = await postReport(server.url, {
      channel: "whatsapp",
      text: "abhi tak light nahi aayi",
      consumerAccount: c!.account,
      category: "supply_cut",
    });
    expect(b.status).toBe(201);
    expect(b.body.created).toBe(false);
    expect(b.body.ticket!.number).toBe(a.body.ticket!.number);
    const detail = await (
      await apiFetch(server.url, `/api/v1/tickets/${a.body.ticket!.number}`)
    ).json();
    expect(detail.reports.map((r: { channel: string }) => r.channel).sort()).toEqual([
      "call_centre",
      "whatsapp",
    ]);
  });
});

describe("GET /api/v1/tickets/:number", () => {
  it("answers 404 for an unknown ticket", async () => {
    const res = await apiFetch(server.url, `/api/v1/tickets/LKO-999999`);
    expect(res.status).toBe(404);
  });

  it("shows the phone to staff who call the consumer, and masks it for the call centre", async () => {
    const r = await postReport(server.url, {
      channel: "whatsapp",
      text: "meter tez chal raha hai, call 98765 43210",
      phone: "+91 98765 43210",
      consumerAccount: account,
    });
    const path = `/api/v1/tickets/${r.body.ticket!.number}`;
    const staff = await (await apiFetch(server.url, path, { as: "control" })).json();
    expect(staff.reports[0].phone).toBe("9876543210");
    expect(staff.reports[0].consumerAccount).toBe(account);
    const agent = await (await apiFetch(server.url, path, { as: "agent" })).json();
    expect(agent.reports[0].phone).toBe("••••••3210");
    expect(agent.reports[0].consumerAccount).toBe(
      "•".repeat(account.length - 4) + account.slice(-4),
    );
    expect(JSON.stringify(agent)).not.toContain("98765");
    expect(agent.events[0].type).toBe("created");
    // The caller's own ticket, found with their phone, is shown in full to the agent on the call.
    const own = await (
      await apiFetch(server.url, `${path}?phone=9876543210`, { as: "agent" })
    ).json();
    expect(own.reports[0].phone).toBe("9876543210");
  });
});

describe("operations", () => {
  it("GET /healthz reports the store writable", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: "writable" });
  });

  it("GET /metrics speaks Prometheus text with reports by channel, open tickets, clients and event-loop lag", async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(
      /nigrani_reports_received_total\{channel="call_centre",outcome="created"\} \d+/,
    );
    expect(text).toMatch(/nigrani_tickets_open \d+/);
    expect(text).toMatch(/nigrani_socket_clients \d+/);
    expect(text).toContain("nodejs_eventloop_lag_seconds");
  });
});
