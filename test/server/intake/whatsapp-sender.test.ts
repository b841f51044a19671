import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { testConfig } from "../../../server/config.js";
import { outboundSenders } from "../../../server/outbox/senders.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import {
  channelConfig,
  fixtureBytes,
  fixtureJson,
  postWhatsapp,
  startFakeGraph,
  whatsappDelivery,
  whatsappStatusDelivery,
} from "./support.js";
import pino from "pino";

const TOKEN = "FAKE_ACCESS_TOKEN_DO_NOT_USE";
const PHONE_NUMBER_ID = "100000000000001";
const FIXTURE_ID = "wamid.FAKE0000000000000000000000000099";

let graph: Awaited<ReturnType<typeof startFakeGraph>>;
let server: TestServer;
const clock = new ManualClock("2026-01-01T00:05:00.000Z");

beforeAll(async () => {
  // The first send fails with a 500; the next answers with the documented response (its message id
  // is the one the status fixtures refer to), and later ones with ids of their own.
  graph = await startFakeGraph({
    failFirst: 1,
    responses: [
      fixtureJson("whatsapp-send-text-response.json"),
      { messaging_product: "whatsapp", contacts: [], messages: [{ id: "wamid.TEST-OTHER" }] },
    ],
  });
  server = await startTestServer({
    clock,
    config: {
      ...channelConfig,
      WHATSAPP_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
      WHATSAPP_API_URL: graph.url,
    },
  });
});
afterAll(async () => {
  await server.close();
  await graph.close();
});

async function outboxRows() {
  return server.app.store.kysely
    .selectFrom("outbox")
    .selectAll()
    .where("channel", "=", "whatsapp")
    .orderBy("id")
    .execute();
}

describe("outbound senders", () => {
  it("has no WhatsApp sender with the demo token, so the demo never calls graph.facebook.com", () => {
    expect(outboundSenders(testConfig(), pino({ level: "silent" })).whatsapp).toBeUndefined();
    expect(
      outboundSenders(testConfig({ WHATSAPP_TOKEN: TOKEN }), pino({ level: "silent" })).whatsapp,
    ).toBeDefined();
  });
});

describe("WhatsApp sender against a fake Graph API", () => {
  it("retries a failed send with back-off and then sends the documented request", async () => {
    const body = whatsappDelivery({
      from: "15550001111",
      id: "wamid.SEND-1",
      timestamp: "1767225900",
      type: "text",
      text: { body: "light nahi hai" },
    });
    expect((await postWhatsapp(server.url, body)).status).toBe(200);
    const [ack] = await outboxRows();
    expect(ack.kind).toBe("ticket_ack");

    await server.app.sweeper.runOnce();
    expect(graph.requests).toHaveLength(2); // the ack failed, the ask for a placement went out
    let [first] = await outboxRows();
    expect(first.status).toBe("pending");
    expect(first.attempts).toBe(1);
    expect(first.last_error).toMatch(/WhatsApp API 500 \(#1\): An unknown error occurred/);

    await server.app.sweeper.runOnce(); // not due yet: nothing is sent
    expect(graph.requests).toHaveLength(2);

    clock.advance(31_000);
    await server.app.sweeper.runOnce();
    expect(graph.requests).toHaveLength(3);
    [first] = await outboxRows();
    expect(first.status).toBe("sent");
    expect(first.attempts).toBe(2);

    const documented = fixtureJson<Record<string, unknown>>("whatsapp-send-text-request.json");
    const req = graph.requests[2];
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`/v26.0/${PHONE_NUMBER_ID}/messages`); // WHATSAPP_GRAPH_VERSION's default
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers["content-type"]).toMatch(/^application\/json/);
    const sent = JSON.parse(req.body) as Record<string, unknown> & { text: { body: string } };
    expect(Object.keys(sent).sort()).toEqual(
      Object.keys(documented)
        .filter((k) => !k.startsWith("_"))
        .sort(),
    );
    expect(sent).toMatchObject({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15550001111",
      type: "text",
      text: { preview_url: false },
    });
    expect(sent.text.body).toBe(first.body);
  });

  it("keeps the message id Meta returns, to match later delivery statuses", async () => {
    const rows = await outboxRows();
    expect(rows.map((r) => r.external_id).sort()).toEqual([FIXTURE_ID, "wamid.TEST-OTHER"].sort());
  });

  it("moves the outbox row to delivered, then read, and never back", async () => {
    const row = async () => (await outboxRows()).find((r) => r.external_id === FIXTURE_ID)!;
    expect(
      (await postWhatsapp(server.url, fixtureBytes("whatsapp-webhook-status-delivered.json")))
        .status,
    ).toBe(200);
    expect((await row()).status).toBe("delivered");

    const status = (s: string, t: number) => ({
      id: FIXTURE_ID,
      status: s,
      timestamp: String(t),
      recipient_id: "15550001111",
    });
    expect(
      (await postWhatsapp(server.url, whatsappStatusDelivery([status("read", 1767225800)]))).status,
    ).toBe(200);
    expect((await row()).status).toBe("read");

    // Late arrivals: an older "sent" and a redelivered "delivered" must not undo "read".
    await postWhatsapp(server.url, whatsappStatusDelivery([status("sent", 1767225650)]));
    await postWhatsapp(server.url, fixtureBytes("whatsapp-webhook-status-delivered.json"));
    expect((await row()).status).toBe("read");
    const recorded = await server.app.store.kysely
      .selectFrom("message_statuses")
      .select("status")
      .where("external_id", "=", FIXTURE_ID)
      .orderBy("at")
      .execute();
    expect(recorded.map((r) => r.status)).toEqual(["sent", "delivered", "read"]);
  });

  it("marks a message failed with Meta's error, and a failed message stays failed", async () => {
    const status = (s: string, t: number, extra: Record<string, unknown> = {}) => ({
      id: "wamid.TEST-OTHER",
      status: s,
      timestamp: String(t),
      ...extra,
    });
    const errors = [
      {
        code: 131047,
        title: "Re-engagement message",
        error_data: { details: "More than 24 hours" },
      },
    ];
    await postWhatsapp(
      server.url,
      whatsappStatusDelivery([
        status("failed", 1767226000, { errors }),
        status("sent", 1767225990),
      ]),
    );
    await postWhatsapp(server.url, whatsappStatusDelivery([status("delivered", 1767226100)]));
    const row = (await outboxRows()).find((r) => r.external_id === "wamid.TEST-OTHER")!;
    expect(row.status).toBe("failed");
    expect(row.last_error).toBe("131047 Re-engagement message: More than 24 hours");
  });
});
