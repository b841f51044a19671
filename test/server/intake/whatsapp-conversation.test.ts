import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Unit } from "../../../shared/network.js";
import { applyAction } from "../../../server/tickets/actions.js";
import type { TicketRow } from "../../../server/store/store.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { channelConfig, postWhatsapp, whatsappDelivery } from "./support.js";

let server: TestServer;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer({ config: channelConfig });
});
afterAll(() => server.close());

/** Sends one message from a consumer, signed, and returns its id. */
async function say(from: string, message: Record<string, unknown>): Promise<string> {
  const id = `wamid.CONV-${++seq}`;
  const body = whatsappDelivery({ from, id, timestamp: String(1767225600 + seq), ...message });
  const res = await postWhatsapp(server.url, body);
  expect(res.status).toBe(200);
  return id;
}
const text = (body: string) => ({ type: "text", text: { body } });

async function ticketOf(messageId: string): Promise<TicketRow> {
  const report = await server.app.store.findReportByExternalId("whatsapp", messageId);
  if (!report) throw new Error(`no report for ${messageId}`);
  const ticket = await server.app.store.getTicket(report.ticket_id);
  if (!ticket) throw new Error("report without ticket");
  return ticket;
}

async function outboxOf(ticketId: number, kind: string) {
  return server.app.store.kysely
    .selectFrom("outbox")
    .selectAll()
    .where("ticket_id", "=", ticketId)
    .where("kind", "=", kind)
    .execute();
}

async function conversation(address: string) {
  return server.app.store.kysely
    .selectFrom("conversations")
    .selectAll()
    .where("channel", "=", "whatsapp")
    .where("address", "=", address)
    .executeTakeFirst();
}

/** A complaint that names no account, pin or place: triage cannot put it on a feeder. */
const UNPLACEABLE = "bijli nahi aa rahi hai subah se, jaldi theek karo";

describe("WhatsApp conversation", () => {
  it("asks an unplaceable consumer for an account or pin, and places the ticket on the account's feeder", async () => {
    const phone = "919812345001";
    const first = await ticketOf(await say(phone, text(UNPLACEABLE)));
    expect(first.feeder_id).toBeNull();
    const asks = await outboxOf(first.id, "ask_placement");
    expect(asks).toHaveLength(1);
    expect(asks[0].body).toContain(first.number);
    expect(asks[0].recipient).toBe("9812345001");
    expect((await conversation("9812345001"))?.awaiting).toBe("placement");

    const feeder = server.app.network.feeders[12];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.3);
    const reply = await say(phone, text(`mera account number ${consumer!.account} hai`));
    const placed = await ticketOf(reply);
    expect(placed.id).toBe(first.id);
    expect(placed.feeder_id).toBe(feeder.id);
    expect(placed.needs_triage).toBe(0);
    expect(placed.report_count).toBe(2);
    expect(placed.assignee_id).not.toBeNull();
    const report = await server.app.store.findReportByExternalId("whatsapp", reply);
    expect(report?.consumer_account).toBe(consumer!.account);
    expect((await conversation("9812345001"))?.awaiting).toBeNull();
    const events = await server.app.store.eventsOfTicket(first.id);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(["report_attached", "located"]),
    );
  });

  it("places the ticket on the feeder nearest to a location pin sent as the answer", async () => {
    const phone = "919812345002";
    const first = await ticketOf(await say(phone, text(UNPLACEABLE)));
    expect(first.feeder_id).toBeNull();
    const feeder: Unit = server.app.network.feeders[40];
    const reply = await say(phone, {
      type: "location",
      location: { latitude: feeder.lat + 0.0003, longitude: feeder.lon, name: "Ghar" },
    });
    const placed = await ticketOf(reply);
    expect(placed.id).toBe(first.id);
    expect(placed.feeder_id).toBe(feeder.id);
  });

  it("asks again, once, when the number sent is not a consumer account", async () => {
    const phone = "919812345003";
    const first = await ticketOf(await say(phone, text(UNPLACEABLE)));
    const body = whatsappDelivery({
      from: phone,
      id: "wamid.CONV-unknown-account",
      timestamp: "1767229999",
      ...text("0000000000"),
    });
    expect((await postWhatsapp(server.url, body)).status).toBe(200);
    expect((await postWhatsapp(server.url, body)).status).toBe(200);
    const ticket = await ticketOf("wamid.CONV-unknown-account");
    expect(ticket.id).toBe(first.id);
    expect(ticket.feeder_id).toBeNull();
    expect(ticket.report_count).toBe(2);
    expect(await outboxOf(first.id, "ask_placement")).toHaveLength(2);
    expect((await conversation("9812345003"))?.awaiting).toBe("placement");
  });

  it("closes a resolved ticket as confirmed when the consumer answers haan to the feedback request", async () => {
    const phone = "919812345004";
    const feeder = server.app.network.feeders[20];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.6);
    const first = await ticketOf(
      await say(phone, text(`light nahi hai, account ${consumer!.account}`)),
    );
    expect(first.feeder_id).toBe(feeder.id);
    const act = (a: Parameters<typeof applyAction>[2]) =>
      applyAction(server.app.intake, first.number, a, "test-je");
    await act({ type: "start" });
    await act({ type: "resolve", note: "Fuse replaced at the transformer" });
    expect(await outboxOf(first.id, "feedback_request")).toHaveLength(1);

    const answer = await say(phone, text("Haan 5"));
    const closed = await ticketOf(answer);
    expect(closed.id).toBe(first.id);
    expect(closed.status).toBe("closed");
    expect(closed.closure).toBe("confirmed_feedback");
    expect(closed.feedback_rating).toBe(5);
  });

  it("reopens a resolved ticket when the consumer answers नहीं", async () => {
    const phone = "919812345005";
    const feeder = server.app.network.feeders[21];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.6);
    const first = await ticketOf(
      await say(phone, text(`supply cut hai, a/c ${consumer!.account}`)),
    );
    await applyAction(server.app.intake, first.number, { type: "start" }, "test-je");
    await applyAction(
      server.app.intake,
      first.number,
      { type: "resolve", note: "Line restored" },
      "test-je",
    );
    const reopened = await ticketOf(await say(phone, text("नहीं।")));
    expect(reopened.id).toBe(first.id);
    expect(reopened.status).toBe("reopened");
  });
});
