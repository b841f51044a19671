import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postReport, startTestServer, type TestServer } from "../../support/server.js";

let server: TestServer;

beforeAll(async () => {
  // The officers' choices are kept in the store: set them, then start again on the same data.
  const first = await startTestServer({ keepData: true });
  await first.app.store.kysely
    .updateTable("officers")
    .set({ notify_by: "whatsapp" })
    .where("role", "=", "je")
    .execute();
  await first.app.close();
  server = await startTestServer({ dataDir: first.dataDir });
});
afterAll(() => server.close());

describe("officer notices", () => {
  it("go by WhatsApp to an officer who prefers it, as the notice template (they never wrote to us)", async () => {
    const feeder = server.app.network.feeders[9];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const res = await postReport(server.url, {
      channel: "portal",
      text: "supply cut since night",
      consumerAccount: consumer!.account,
      category: "supply_cut",
    });
    expect(res.status).toBe(201);
    const t = await server.app.store.getTicketByNumber(res.body.ticket!.number);
    const je = server.app.officers.get(t!.assignee_id);
    expect(je?.role).toBe("je");
    const [notice] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", t!.id)
      .where("kind", "=", "assignment_notice")
      .execute();
    expect(notice.channel).toBe("whatsapp");
    expect(notice.recipient).toBe(je!.phone);
    expect(notice.format).toBe("template");
    expect(JSON.parse(notice.payload ?? "null")).toMatchObject({
      template: {
        name: "nigrani_notice",
        components: [{ type: "body", parameters: [{ type: "text", text: notice.body }] }],
      },
    });
  });

  it("go by SMS to officers who have not chosen (the default)", async () => {
    const feeder = server.app.network.feeders[10];
    const consumer = await server.app.store.consumerOnFeeder(feeder.id, 0.5);
    const res = await postReport(server.url, {
      channel: "portal",
      text: "bill galat aaya hai",
      consumerAccount: consumer!.account,
      category: "bill_generation",
    });
    const t = await server.app.store.getTicketByNumber(res.body.ticket!.number);
    expect(server.app.officers.get(t!.assignee_id)?.role).toBe("sdo");
    const [notice] = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", t!.id)
      .where("kind", "=", "assignment_notice")
      .execute();
    expect(notice.channel).toBe("sms");
    expect(notice.format).toBe("text");
  });
});
