import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../../server/clock/clock.js";
import { applyAction } from "../../../server/tickets/actions.js";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";
import { channelConfig, postWhatsapp, whatsappDelivery } from "./support.js";

const clock = new ManualClock("2026-01-01T00:01:00.000Z");
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ clock, config: channelConfig });
});
afterAll(() => server.close());

let seq = 0;
async function whatsapp(from: string, body: string) {
  const id = `wamid.CROSS-${++seq}`;
  const t = String(Math.floor(clock.now().getTime() / 1000));
  const res = await postWhatsapp(
    server.url,
    whatsappDelivery({ from, id, timestamp: t, type: "text", text: { body } }),
  );
  expect(res.status).toBe(200);
  const report = await server.app.store.findReportByExternalId("whatsapp", id);
  return report!.ticket_id;
}

async function feedbackChannel(ticketId: number): Promise<string> {
  const t = await server.app.store.getTicket(ticketId);
  await applyAction(server.app.intake, t!.number, { type: "start" }, "je");
  await applyAction(server.app.intake, t!.number, { type: "resolve", note: "Fuse replaced" }, "je");
  const row = await server.app.store.kysely
    .selectFrom("outbox")
    .select("channel")
    .where("ticket_id", "=", ticketId)
    .where("kind", "=", "feedback_request")
    .executeTakeFirstOrThrow();
  return row.channel;
}

describe("one consumer across channels", () => {
  it("joins a 1912 call to the ticket opened on WhatsApp, and asks for feedback by SMS, where they were last", async () => {
    const feeder = server.app.network.feeders[40];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const ticketId = await whatsapp("919811100001", `bijli nahi hai, account ${consumer!.account}`);
    clock.advance(600_000);
    const call = await postReport(server.url, {
      channel: "call_centre",
      text: "caller says no supply since morning",
      phone: "9811100001",
      consumerAccount: consumer!.account,
    });
    expect(call.status).toBe(201);
    const joined = await server.app.store.getTicketByNumber(call.body.ticket!.number);
    expect(joined!.id).toBe(ticketId);
    expect(await feedbackChannel(ticketId)).toBe("sms");
  });

  it("asks on WhatsApp when the consumer called first and wrote on WhatsApp after", async () => {
    const feeder = server.app.network.feeders[41];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const call = await postReport(server.url, {
      channel: "call_centre",
      text: "no supply in the house",
      phone: "9811100002",
      consumerAccount: consumer!.account,
      category: "supply_cut",
    });
    const first = await server.app.store.getTicketByNumber(call.body.ticket!.number);
    clock.advance(600_000);
    const ticketId = await whatsapp(
      "919811100002",
      `light abhi bhi nahi aayi, account ${consumer!.account}`,
    );
    expect(ticketId).toBe(first!.id);
    expect(await feedbackChannel(ticketId)).toBe("whatsapp");
  });
});
