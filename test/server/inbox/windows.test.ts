import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RETRY_MS } from "../../../server/inbox/inbox.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { signed } from "./deliveries.js";

// WhatsApp deliveries are filed a window at a time: one consumer in order, consumers side by side.
const SECRET = "inbox-batch-secret";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: { WEBHOOK_INBOX: true, WHATSAPP_APP_SECRET: SECRET } });
});
afterAll(() => server.close());

const deliver = (messages: Array<{ from: string; id: string; text: string }>) => {
  const body = JSON.stringify({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "1",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              messages: messages.map((m) => ({
                from: m.from,
                id: m.id,
                timestamp: "1767225600",
                type: "text",
                text: { body: m.text },
              })),
            },
          },
        ],
      },
    ],
  });
  return fetch(`${server.url}/webhooks/whatsapp`, {
    method: "POST",
    headers: signed(body, SECRET),
    body,
  });
};

const reportsOf = (tag: string) =>
  server.app.store.kysely
    .selectFrom("reports")
    .select(["external_id", "ticket_id"])
    .where("channel", "=", "whatsapp")
    .where("external_id", "like", `wamid.${tag}.%`)
    .orderBy("external_id")
    .execute();

const inboxRow = (id: number) =>
  server.app.store.kysely
    .selectFrom("inbox")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

describe("the webhook inbox's windows", () => {
  it("files a consumer's messages in order inside one window: the second places the ticket the first opened", async () => {
    const feeder = server.app.network.feeders[3];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    expect(consumer).toBeDefined();
    const from = "919700000101";
    const res = await deliver([
      { from, id: "wamid.order.1", text: "Light nahi hai subah se" },
      { from: "919700000102", id: "wamid.order.2", text: "Meter tez chal raha hai" },
      { from, id: "wamid.order.3", text: `Mera account ${consumer!.account} hai` },
    ]);
    expect(res.status).toBe(200);
    await server.app.inbox.whenIdle();

    const reports = await reportsOf("order");
    expect(reports.map((r) => r.external_id)).toEqual([
      "wamid.order.1",
      "wamid.order.2",
      "wamid.order.3",
    ]);
    // The answer joined the first message's ticket and placed it on the consumer's feeder.
    expect(reports[2].ticket_id).toBe(reports[0].ticket_id);
    expect(reports[1].ticket_id).not.toBe(reports[0].ticket_id);
    const ticket = await server.app.store.getTicket(Number(reports[0].ticket_id));
    expect(ticket?.feeder_id).toBe(consumer!.feeder_id);
  });

  it("stops a window at a storage fault without saving it, then files each of its messages exactly once on the retry", async () => {
    const fault = Object.assign(new Error("SQLITE_FULL: database or disk is full"), {
      code: "SQLITE_FULL",
    });
    // The fifth message names a ten-digit number, so filing it looks the consumer up: that fails.
    const lookup = vi.spyOn(server.app.store, "findConsumer").mockRejectedValueOnce(fault);
    const messages = Array.from({ length: 8 }, (_, i) => ({
      from: `91970000${String(200 + i)}`,
      id: `wamid.fault.${i}`,
      text: i === 4 ? "Bill galat aaya, account 9999999999" : `Bijli nahi hai ${i}`,
    }));
    const res = await deliver(messages);
    const { queued } = (await res.json()) as { queued: number };
    await server.app.inbox.whenIdle();

    expect(lookup).toHaveBeenCalled();
    // Some of the window's other messages may be filed already; the window is not saved as done.
    expect((await reportsOf("fault")).length).toBeLessThan(messages.length);
    expect(await inboxRow(queued)).toMatchObject({
      status: "pending",
      attempts: 1,
      messages_done: 0,
    });

    await new Promise((r) => setTimeout(r, RETRY_MS + 200));
    await server.app.inbox.whenIdle();
    lookup.mockRestore();
    const filed = await reportsOf("fault");
    // Each once: the retry's second go at a message already filed is known by its id.
    expect(filed.map((r) => r.external_id).sort()).toEqual(messages.map((m) => m.id).sort());
    expect(await inboxRow(queued)).toMatchObject({
      status: "done",
      attempts: 2,
      messages_done: 8,
      error: null,
    });
  });
});
