import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { apiFetch, postReport, startTestServer, type TestServer } from "../../support/server.js";
import { metaSignature, post, postWhatsapp, whatsappDelivery } from "../intake/support.js";
import { startFakeGateway } from "./fake-gateway.js";

const STATUS_SECRET = "fake-sms-status-secret-0001";
const ACK_TEMPLATE = "1207161000000000001";
const FEEDBACK_TEMPLATE = "1207161000000000002";
const ENTITY = "1201160000000000001";

let gateway: Awaited<ReturnType<typeof startFakeGateway>>;
let server: TestServer;
const clock = new ManualClock("2026-03-01T04:00:00.000Z");

beforeAll(async () => {
  gateway = await startFakeGateway({
    otherwise: (n) => ({ status: 202, body: { id: `gw-${n}`, accepted: true } }),
  });
  server = await startTestServer({
    clock,
    config: {
      SMS_GATEWAY_URL: `${gateway.url}/v1/sms`,
      SMS_GATEWAY_TOKEN: "fake-gateway-token",
      SMS_SENDER_ID: "UPPCLN",
      SMS_DLT_ENTITY_ID: ENTITY,
      // No template for officers' assignment notices: those must fail, not vanish.
      SMS_DLT_TEMPLATES: `ticket_ack=${ACK_TEMPLATE}, feedback_request=${FEEDBACK_TEMPLATE}`,
      SMS_STATUS_SECRET: STATUS_SECRET,
    },
  });
});
afterAll(async () => {
  await server.close();
  await gateway.close();
});

async function smsRows(ticketNumber: string) {
  const t = await server.app.store.getTicketByNumber(ticketNumber);
  return server.app.store.kysely
    .selectFrom("outbox")
    .selectAll()
    .where("ticket_id", "=", t!.id)
    .where("channel", "=", "sms")
    .orderBy("id")
    .execute();
}

function report(body: string, secret = STATUS_SECRET) {
  const sig = "sha256=" + createHmac("sha256", secret).update(body).digest("hex");
  return post(`${server.url}/webhooks/sms/status`, body, {
    "content-type": "application/json",
    "x-gateway-signature": sig,
  });
}

let ticketNumber = "";

describe("SMS through the configured gateway", () => {
  it("sends the acknowledgement with the DLT header, entity and template ids, as Unicode", async () => {
    const feeder = server.app.network.feeders[5];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "bijli nahi aa rahi hai",
      phone: "+91 98765 00001",
      consumerAccount: consumer!.account,
    });
    expect(res.status).toBe(201);
    ticketNumber = res.body.ticket!.number;
    await server.app.sweeper.runOnce();

    const sent = gateway.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    const ack = sent.find((b) => b.dlt_template_id === ACK_TEMPLATE);
    expect(ack).toBeDefined();
    const [ackRow] = (await smsRows(ticketNumber)).filter((r) => r.kind === "ticket_ack");
    expect(ack).toEqual({
      to: "919876500001",
      sender: "UPPCLN",
      text: ackRow.body,
      unicode: true,
      dlt_entity_id: ENTITY,
      dlt_template_id: ACK_TEMPLATE,
      reference: `outbox-${ackRow.id}`,
    });
    const req = gateway.requests.find((r) => r.body.includes(ACK_TEMPLATE))!;
    expect(req.url).toBe("/v1/sms");
    expect(req.headers.authorization).toBe("Bearer fake-gateway-token");
    expect(ackRow.status).toBe("sent");
    expect(ackRow.external_id).toMatch(/^gw-\d+$/);
  });

  it("fails a message kind with no DLT template at once, saying why, and never calls the gateway for it", async () => {
    const rows = await smsRows(ticketNumber);
    const notice = rows.find((r) => r.kind === "assignment_notice");
    expect(notice).toBeDefined();
    expect(notice!.status).toBe("failed");
    expect(notice!.attempts).toBe(1);
    expect(notice!.last_error).toBe(
      "permanent: no DLT template id for assignment_notice (set SMS_DLT_TEMPLATES)",
    );
    expect(gateway.requests.some((r) => r.body.includes(notice!.body.slice(0, 20)))).toBe(false);
  });

  it("moves the row to delivered on a signed delivery report, and refuses an unsigned one", async () => {
    const [ack] = (await smsRows(ticketNumber)).filter((r) => r.kind === "ticket_ack");
    const body = JSON.stringify({
      id: ack.external_id,
      status: "delivered",
      at: "2026-03-01T04:00:09+05:30",
    });
    expect((await report(body, "wrong-secret-wrong-secret")).status).toBe(401);
    expect((await smsRows(ticketNumber)).find((r) => r.id === ack.id)!.status).toBe("sent");
    const res = await report(body);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ received: true, recorded: true });
    expect((await smsRows(ticketNumber)).find((r) => r.id === ack.id)!.status).toBe("delivered");
    // A repeated report is recognised and changes nothing.
    expect(JSON.parse((await report(body)).text)).toEqual({ received: true, recorded: false });
  });

  it("shows staff each message's true state on the ticket, without its body", async () => {
    const res = await apiFetch(server.url, `/api/v1/tickets/${ticketNumber}`);
    const body = (await res.json()) as {
      messages: { kind: string; status: string; reason: string | null; to: string }[];
    };
    const ack = body.messages.find((m) => m.kind === "ticket_ack");
    expect(ack).toMatchObject({ status: "delivered", to: "…0001" });
    expect(body.messages.find((m) => m.kind === "assignment_notice")).toMatchObject({
      status: "failed",
      reason: expect.stringContaining("no DLT template id"),
    });
    expect(JSON.stringify(body.messages)).not.toMatch(/OTP/);
  });

  it("answers 400 naming the field for a report with an unknown status", async () => {
    const res = await report(JSON.stringify({ id: "gw-1", status: "teleported" }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({
      error: { fields: { status: expect.any(String) } },
    });
  });

  it("retries when the gateway answers 503 and gives up at once on a 400", async () => {
    const feeder = server.app.network.feeders[6];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const res = await postReport(server.url, {
      channel: "call_centre",
      text: "meter tez chal raha hai",
      phone: "9876500002",
      consumerAccount: consumer!.account,
    });
    const number = res.body.ticket!.number;
    gateway.queue({ status: 503, body: { error: "busy" } });
    await server.app.sweeper.runOnce();
    let [ack] = (await smsRows(number)).filter((r) => r.kind === "ticket_ack");
    expect(ack.status).toBe("pending");
    expect(ack.last_error).toMatch(/^SMS gateway 503/);

    gateway.queue({ status: 400, body: { error: "number on the DND registry" } });
    clock.advance(31_000);
    await server.app.sweeper.runOnce();
    [ack] = (await smsRows(number)).filter((r) => r.kind === "ticket_ack");
    expect(ack.status).toBe("failed");
    expect(ack.attempts).toBe(2);
    expect(ack.last_error).toMatch(/^permanent: SMS gateway 400: .*DND/);
  });
});

describe("without a gateway", () => {
  it("records SMS and demo-token WhatsApp messages as not sent, never as sent", async () => {
    const bare = await startTestServer();
    try {
      const res = await postReport(bare.url, {
        channel: "call_centre",
        text: "bijli nahi hai",
        phone: "9876500003",
      });
      expect(res.status).toBe(201);
      const wa = whatsappDelivery({
        from: "919876500004",
        id: "wamid.BARE-1",
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: "text",
        text: { body: "light nahi hai" },
      });
      // The demo's placeholder app secret signs it; its token must not reach graph.facebook.com.
      expect((await postWhatsapp(bare.url, wa, metaSignature(wa, "demo-not-secret"))).status).toBe(
        200,
      );
      await bare.app.sweeper.runOnce();
      const rows = await bare.app.store.kysely.selectFrom("outbox").selectAll().execute();
      expect(new Set(rows.map((r) => r.channel))).toEqual(new Set(["sms", "whatsapp"]));
      for (const r of rows) {
        expect(r.status).toBe("not_sent");
        expect(r.last_error).toBe("no gateway configured");
      }
    } finally {
      await bare.close();
    }
  });
});
