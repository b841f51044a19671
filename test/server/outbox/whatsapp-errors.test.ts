import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { enqueueMessage } from "../../../server/outbox/outbox.js";
import { isPermanentGraphError } from "../../../server/outbox/whatsapp-sender.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { channelConfig, postWhatsapp, whatsappDelivery } from "../intake/support.js";
import { startFakeGateway } from "./fake-gateway.js";

const clock = new ManualClock("2026-01-01T00:05:00.000Z");
let graph: Awaited<ReturnType<typeof startFakeGateway>>;
let server: TestServer;

const graphError = (status: number, code: number, message: string) => ({
  status,
  body: { error: { message, type: "OAuthException", code, fbtrace_id: "FAKE" } },
});

beforeAll(async () => {
  graph = await startFakeGateway({
    otherwise: (n) => ({
      status: 200,
      body: { messaging_product: "whatsapp", contacts: [], messages: [{ id: `wamid.OUT-${n}` }] },
    }),
  });
  server = await startTestServer({
    clock,
    config: {
      ...channelConfig,
      WHATSAPP_TOKEN: "FAKE_ACCESS_TOKEN_DO_NOT_USE",
      WHATSAPP_PHONE_NUMBER_ID: "100000000000001",
      WHATSAPP_API_URL: graph.url,
      WHATSAPP_GRAPH_VERSION: "v25.0",
    },
  });
});
afterAll(async () => {
  await server.close();
  await graph.close();
});

let seq = 0;
async function complain(from: string): Promise<void> {
  const body = whatsappDelivery({
    from,
    id: `wamid.ERR-${++seq}`,
    timestamp: String(Math.floor(clock.now().getTime() / 1000)),
    type: "text",
    text: { body: "light nahi hai" },
  });
  expect((await postWhatsapp(server.url, body)).status).toBe(200);
}

async function ackTo(recipient: string) {
  return server.app.store.kysely
    .selectFrom("outbox")
    .selectAll()
    .where("recipient", "=", recipient)
    .where("kind", "=", "ticket_ack")
    .executeTakeFirstOrThrow();
}

describe("Graph API errors", () => {
  it("tells permanent errors from temporary ones by Meta's code and the HTTP status", () => {
    expect(isPermanentGraphError(400, 131026)).toBe(true); // undeliverable
    expect(isPermanentGraphError(400, 131047)).toBe(true); // outside the 24-hour window
    expect(isPermanentGraphError(404, 132001)).toBe(true); // template does not exist
    expect(isPermanentGraphError(400, 130429)).toBe(false); // throughput limit
    expect(isPermanentGraphError(400, 131056)).toBe(false); // pair rate limit
    expect(isPermanentGraphError(401, 190)).toBe(false); // token expired: the operator renews it
    expect(isPermanentGraphError(500, 1)).toBe(false);
    expect(isPermanentGraphError(503, null)).toBe(false);
  });

  it("fails a message at once on a permanent error, with Meta's reason on the row", async () => {
    graph.queue(graphError(400, 131026, "Message Undeliverable."));
    await complain("15550008001");
    await server.app.sweeper.runOnce();
    const row = await ackTo("15550008001");
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(1);
    expect(row.last_error).toBe("permanent: WhatsApp API 400 (#131026): Message Undeliverable.");
    const to = () => graph.requests.filter((r) => r.body.includes("15550008001")).length;
    const tried = to();
    clock.advance(3_600_000);
    await server.app.sweeper.runOnce();
    expect(to()).toBe(tried); // never tried again
  });

  it("retries a rate-limited message with back-off, then sends it to the configured version", async () => {
    graph.queue(graphError(400, 130429, "Rate limit hit"));
    await complain("15550008002");
    await server.app.sweeper.runOnce();
    let row = await ackTo("15550008002");
    expect(row.status).toBe("pending");
    expect(row.last_error).toBe("WhatsApp API 400 (#130429): Rate limit hit");
    clock.advance(31_000);
    await server.app.sweeper.runOnce();
    row = await ackTo("15550008002");
    expect(row.status).toBe("sent");
    const last = graph.requests.filter((r) => r.body.includes("15550008002")).at(-1)!;
    expect(last.url).toBe("/v25.0/100000000000001/messages");
  });

  it("sends a composed template as the Graph API's template message", async () => {
    await complain("15550008003");
    clock.advance(25 * 3_600_000); // the window closes before the feedback is asked for
    const t = await server.app.store.kysely
      .selectFrom("tickets")
      .selectAll()
      .where("phone", "=", "15550008003")
      .executeTakeFirstOrThrow();
    await enqueueMessage(
      server.app.store.kysely,
      {
        ticketId: t.id,
        channel: "whatsapp",
        recipient: "15550008003",
        kind: "feedback_request",
        body: "Is it fixed?",
        params: { ticketNumber: t.number, trackUrl: "https://example.invalid/t" },
      },
      clock.now().toISOString(),
    );
    await server.app.sweeper.runOnce();
    const req = graph.requests.filter((r) => r.body.includes('"template"')).at(-1)!;
    const sent = JSON.parse(req.body) as Record<string, unknown>;
    expect(sent).toMatchObject({
      messaging_product: "whatsapp",
      recipient_type: "individual",
      to: "15550008003",
      type: "template",
      template: { name: "nigrani_feedback", language: { code: "hi" } },
    });
    expect(sent).not.toHaveProperty("text");
  });
});
