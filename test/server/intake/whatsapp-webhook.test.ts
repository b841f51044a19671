import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../support/server.js";
import {
  channelConfig,
  fixtureBytes,
  fixtureJson,
  metaSignature,
  postWhatsapp,
  reportCount,
  ticketCount,
} from "./support.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ config: channelConfig });
});
afterAll(() => server.close());

interface VerifyFixture {
  query: Record<string, string>;
  expected_response: { status: number; content_type: string; body: string };
}

describe("GET /webhooks/whatsapp (verification handshake)", () => {
  const fixture = fixtureJson<VerifyFixture>("whatsapp-webhook-verify-get.json");

  it("echoes hub.challenge exactly, as text/plain, for the right verify token", async () => {
    const res = await fetch(
      `${server.url}/webhooks/whatsapp?${new URLSearchParams(fixture.query)}`,
    );
    expect(res.status).toBe(fixture.expected_response.status);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await res.text()).toBe(fixture.expected_response.body);
  });

  it.each([
    ["a wrong token", { ...fixture.query, "hub.verify_token": "FAKE_VERIFY_TOKEN_0002" }],
    ["a token of another length", { ...fixture.query, "hub.verify_token": "x" }],
    ["no token", { "hub.mode": "subscribe", "hub.challenge": "1158201444" }],
    ["another mode", { ...fixture.query, "hub.mode": "unsubscribe" }],
  ])("refuses %s with 403 and does not echo the challenge", async (_why, query) => {
    const res = await fetch(`${server.url}/webhooks/whatsapp?${new URLSearchParams(query)}`);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain("1158201444");
  });
});

describe("POST /webhooks/whatsapp", () => {
  it("matches the signatures listed in the fixtures README (the recomputation is right)", () => {
    expect(metaSignature(fixtureBytes("whatsapp-webhook-text-message.json"))).toBe(
      "sha256=403fcf8196089b113a1c720493dfecc5e346bec190b702a608bc8ace6687a823",
    );
  });

  it.each([
    ["text-message", "whatsapp-webhook-text-message.json"],
    ["location-message", "whatsapp-webhook-location-message.json"],
  ])(
    "refuses the %s fixture with a wrong or missing signature: 401 and no report",
    async (_n, file) => {
      const body = fixtureBytes(file);
      const before = await reportCount(server.app);
      const tampered = Buffer.from(body.toString("utf8").replace("Fake", "Faux"));
      for (const res of [
        await postWhatsapp(server.url, body, null),
        await postWhatsapp(server.url, body, metaSignature(body, "another-secret")),
        await postWhatsapp(server.url, body, "sha256=abc"),
        await postWhatsapp(server.url, body, metaSignature(body).replace("sha256=", "sha1=")),
        await postWhatsapp(server.url, tampered, metaSignature(body)),
      ]) {
        expect(res.status).toBe(401);
      }
      expect(await reportCount(server.app)).toBe(before);
    },
  );

  it("files the text message fixture as a WhatsApp report with its id, phone, time and raw message", async () => {
    const res = await postWhatsapp(server.url, fixtureBytes("whatsapp-webhook-text-message.json"));
    expect(res.status).toBe(200);
    const report = await server.app.store.findReportByExternalId(
      "whatsapp",
      "wamid.FAKE0000000000000000000000000001",
    );
    expect(report).toBeDefined();
    expect(report!.text).toContain("No power on our street since 6pm");
    expect(report!.phone).toBe("15550001111");
    expect(report!.received_at).toBe("2026-01-01T00:00:00.000Z");
    expect(JSON.parse(report!.raw!)).toMatchObject({
      id: "wamid.FAKE0000000000000000000000000001",
      type: "text",
    });
    const ack = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("ticket_id", "=", report!.ticket_id)
      .where("kind", "=", "ticket_ack")
      .executeTakeFirst();
    expect(ack?.channel).toBe("whatsapp");
    expect(ack?.recipient).toBe("15550001111");
  });

  it("files the location fixture with its point and the pin's name and address in the text", async () => {
    const res = await postWhatsapp(
      server.url,
      fixtureBytes("whatsapp-webhook-location-message.json"),
    );
    expect(res.status).toBe(200);
    const report = await server.app.store.findReportByExternalId(
      "whatsapp",
      "wamid.FAKE0000000000000000000000000002",
    );
    expect(report?.lat).toBe(12.971599);
    expect(report?.lon).toBe(77.594566);
    expect(report?.text).toBe(
      "Location pin: Fake Substation, 1 Example Road, Faketown (12.971599, 77.594566)",
    );
  });

  it("creates nothing when Meta redelivers the same messages", async () => {
    const reports = await reportCount(server.app);
    const tickets = await ticketCount(server.app);
    const outbox = await server.app.store.kysely.selectFrom("outbox").select("id").execute();
    for (const file of [
      "whatsapp-webhook-text-message.json",
      "whatsapp-webhook-location-message.json",
    ]) {
      expect((await postWhatsapp(server.url, fixtureBytes(file))).status).toBe(200);
    }
    expect(await reportCount(server.app)).toBe(reports);
    expect(await ticketCount(server.app)).toBe(tickets);
    expect(await server.app.store.kysely.selectFrom("outbox").select("id").execute()).toHaveLength(
      outbox.length,
    );
  });

  it.each([
    ["status-delivered", "whatsapp-webhook-status-delivered.json", "delivered", null],
    [
      "status-failed",
      "whatsapp-webhook-status-failed.json",
      "failed",
      /^131047 Re-engagement message: Message failed/,
    ],
  ])("records the %s fixture once, even when redelivered", async (_n, file, status, detail) => {
    const body = fixtureBytes(file);
    expect((await postWhatsapp(server.url, body, null)).status).toBe(401);
    expect((await postWhatsapp(server.url, body)).status).toBe(200);
    expect((await postWhatsapp(server.url, body)).status).toBe(200);
    const rows = await server.app.store.kysely
      .selectFrom("message_statuses")
      .selectAll()
      .where("status", "=", status)
      .execute();
    expect(rows).toHaveLength(1);
    if (detail) expect(rows[0].detail).toMatch(detail);
    else expect(rows[0].detail).toBeNull();
  });

  it("answers 200 to a signed payload it cannot read, and files nothing", async () => {
    const before = await reportCount(server.app);
    const odd = JSON.stringify({ object: "page", entry: [] });
    const res = await postWhatsapp(server.url, odd);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({
      received: true,
      ignored: expect.stringContaining("object"),
    });
    expect((await postWhatsapp(server.url, "not json")).status).toBe(200);
    expect(await reportCount(server.app)).toBe(before);
  });

  it("answers a message type it cannot read politely, once, and files the rest of the batch", async () => {
    const body = JSON.parse(
      fixtureBytes("whatsapp-webhook-text-message.json").toString("utf8"),
    ) as {
      entry: { changes: { value: { messages: Record<string, unknown>[] } }[] }[];
    };
    const value = body.entry[0].changes[0].value;
    value.messages = [
      {
        from: "15550003333",
        id: "wamid.TEST-sticker",
        timestamp: "1767225600",
        type: "sticker",
        sticker: { id: "1" },
      },
      {
        from: "15550003333",
        id: "wamid.TEST-text",
        timestamp: "1767225601",
        type: "text",
        text: { body: "taar toota hai gali mein" },
      },
    ];
    const res = await postWhatsapp(server.url, JSON.stringify(body));
    expect(JSON.parse(res.text)).toMatchObject({ messages: 1, unsupported: 1 });
    expect(
      await server.app.store.findReportByExternalId("whatsapp", "wamid.TEST-sticker"),
    ).toBeUndefined();
    await postWhatsapp(server.url, JSON.stringify(body)); // Meta redelivers: no second apology
    const replies = await server.app.store.kysely
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "unsupported_reply")
      .where("recipient", "=", "15550003333")
      .execute();
    expect(replies).toHaveLength(1);
    expect(replies[0].body).toMatch(/Sorry, we cannot read this kind of message/);
    expect(
      await server.app.store.findReportByExternalId("whatsapp", "wamid.TEST-text"),
    ).toBeDefined();
  });
});
