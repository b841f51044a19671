import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTEMPTS } from "../../../server/inbox/inbox.js";
import { startTestServer, type TestServer } from "../../support/server.js";
import { fixtureBytes, X_SECRET, xSignature } from "../intake/support.js";
import { signed, whatsappDelivery } from "./deliveries.js";

const SECRET = "inbox-test-secret";
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({
    config: { WEBHOOK_INBOX: true, WHATSAPP_APP_SECRET: SECRET, X_CONSUMER_SECRET: X_SECRET },
  });
});
afterAll(() => server.close());

// Webhooks keep their own signatures (not a staff session), so they are called with raw fetch.
const deliver = (body: string, secret = SECRET) =>
  fetch(`${server.url}/webhooks/whatsapp`, { method: "POST", headers: signed(body, secret), body });

const whatsappReports = async (tag: string) =>
  (
    await server.app.store.kysely
      .selectFrom("reports")
      .select(["external_id"])
      .where("channel", "=", "whatsapp")
      .where("external_id", "like", `wamid.${tag}.%`)
      .execute()
  ).map((r) => r.external_id);

describe("the webhook inbox", () => {
  it("stores a 1,000-message delivery, answers 200 before processing it, then files every message once", async () => {
    const res = await deliver(whatsappDelivery(1000, "big"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { received: boolean; queued: number };
    expect(body.received).toBe(true);
    expect(body.queued).toBeGreaterThan(0);
    const stored = await server.app.store.kysely
      .selectFrom("inbox")
      .select(["channel", "status"])
      .where("id", "=", body.queued)
      .executeTakeFirstOrThrow();
    expect(stored.channel).toBe("whatsapp");

    await server.app.inbox.whenIdle();
    const ids = await whatsappReports("big");
    expect(ids).toHaveLength(1000);
    expect(new Set(ids).size).toBe(1000);
  }, 240_000);

  it("refuses a wrongly signed delivery with 401 and stores nothing", async () => {
    const before = await server.app.inbox.counts();
    const res = await deliver(whatsappDelivery(1, "forged"), "wrong-secret");
    expect(res.status).toBe(401);
    expect(await server.app.inbox.counts()).toEqual(before);
  });

  it("records an unreadable delivery as failed with its error, once, and goes on with the next", async () => {
    const bad = await deliver("{ this is not json");
    const badId = ((await bad.json()) as { queued: number }).queued;
    const good = await deliver(whatsappDelivery(3, "after-bad"));
    expect(good.status).toBe(200);
    await server.app.inbox.whenIdle();
    const row = await server.app.store.kysely
      .selectFrom("inbox")
      .selectAll()
      .where("id", "=", badId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("failed");
    expect(row.error).toBe("not JSON");
    expect(row.attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
    expect(await whatsappReports("after-bad")).toHaveLength(3);
  });

  it("records a malformed message inside a delivery with its error, once, and files the rest in order", async () => {
    const delivery = JSON.parse(whatsappDelivery(6, "one-bad")) as {
      entry: Array<{ changes: Array<{ value: { messages: Array<Record<string, unknown>> } }> }>;
    };
    const messages = delivery.entry[0].changes[0].value.messages;
    // The third message has no sender and an unreadable timestamp; the others are fine.
    delete messages[2].from;
    messages[2].timestamp = "yesterday";
    const res = await deliver(JSON.stringify(delivery));
    expect(res.status).toBe(200);
    const { queued } = (await res.json()) as { queued: number };
    await server.app.inbox.whenIdle();

    const filed = await whatsappReports("one-bad");
    expect(filed.sort()).toEqual(
      [0, 1, 3, 4, 5].map((i) => `wamid.one-bad.${String(i).padStart(5, "0")}`),
    );
    const row = await server.app.store.kysely
      .selectFrom("inbox")
      .selectAll()
      .where("id", "=", queued)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("done");
    expect(row.attempts).toBe(1);
    expect(row.messages_done).toBe(6);
    expect(row.error).toBe("1 message(s) could not be processed");
    expect(JSON.parse(row.summary ?? "{}")).toMatchObject({ messages: 6, failed: 1 });
    const failures = await server.app.inbox.failures(queued);
    expect(failures).toHaveLength(1);
    expect(failures[0].position).toBe(2);
    expect(failures[0].error).toContain("from");
    expect(failures[0].error).toContain("timestamp");
    expect(JSON.parse(failures[0].message)).toMatchObject({
      kind: "message",
      value: { id: "wamid.one-bad.00002" },
    });

    // Nothing is retried: another pass of the worker leaves the delivery and its failure as they are.
    server.app.inbox.kick();
    await server.app.inbox.whenIdle();
    expect(await server.app.inbox.failures(queued)).toEqual(failures);
    expect(await whatsappReports("one-bad")).toHaveLength(5);
  });

  it("files nothing new when the same delivery comes again", async () => {
    const body = whatsappDelivery(5, "again");
    await deliver(body);
    await server.app.inbox.whenIdle();
    await deliver(body);
    await server.app.inbox.whenIdle();
    expect(await whatsappReports("again")).toHaveLength(5);
    expect((await server.app.inbox.counts()).pending).toBe(0);
  });

  it("takes X deliveries the same way: stored, answered, then the mention filed", async () => {
    const body = fixtureBytes("x-account-activity-tweet-create-mention.json");
    const res = await fetch(`${server.url}/webhooks/x`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-twitter-webhooks-signature": xSignature(body),
      },
      body: new Uint8Array(body),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { queued?: number }).queued).toBeGreaterThan(0);
    await server.app.inbox.whenIdle();
    const xReports = await server.app.store.kysely
      .selectFrom("reports")
      .select("id")
      .where("channel", "=", "x")
      .execute();
    expect(xReports).toHaveLength(1);
  });

  it("takes up on its sweep a delivery another node stored, as every node of a cluster does", async () => {
    // Stored by another node (no kick here): this node finds it only through its sweep.
    const row = await server.app.store.kysely
      .insertInto("inbox")
      .values({
        channel: "whatsapp",
        received_at: new Date().toISOString(),
        body: whatsappDelivery(2, "swept"),
        status: "pending",
        attempts: 0,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await server.app.sweeper.runOnce();
    await server.app.inbox.whenIdle();
    const stored = await server.app.store.kysely
      .selectFrom("inbox")
      .select(["status", "claimed_by"])
      .where("id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: "done", claimed_by: null });
    expect(await whatsappReports("swept")).toHaveLength(2);
  });
});
